import type { AppServices } from '../../../services/app-services';
import type { LiveButton } from './crawl';
import type { PersonaName } from './fuzz-bot';
import { baseSubmission } from './form-cases';
import type { TemplateForm } from './template-forms';

/** A form whose free text field may hold anything printable: what is typed there must be stored as typed. */
export interface FreeTextField {
  verb: string;
  field: string;
  persona: PersonaName;
  /** Values of the other fields that make the submission valid (over the card's own). */
  valid: (index: number) => Record<string, unknown>;
  /** Every stored value of that field, read straight from the repository. */
  stored: (app: AppServices) => Promise<string[]>;
}

/** Alex Wilber, quality officer and admin of the demo. */
const alexId = '00000000-0000-0000-0000-0000000000020';

const day = (index: number) => new Date(Date.UTC(2026, 10, 20) - index * 86_400_000).toISOString().slice(0, 10);

/** The free text of the main forms, as the quality officer (who may use all of them) fills them in. */
export const freeTextFields: FreeTextField[] = [
  {
    verb: 'checkItem.save',
    field: 'label',
    persona: 'alex',
    valid: () => ({ itemId: '', etag: '', commitment: 'E.1', location: 'hall', url: '', owner: alexId, service: '' }),
    stored: async (app) => (await app.checkItems.list()).map((item) => item.label),
  },
  {
    verb: 'trainingType.save',
    field: 'labelFr',
    persona: 'alex',
    valid: () => ({ typeId: '', etag: '', labelEn: '', commitment: '4.1', validityMonths: '48', roles: '', services: '', active: 'true' }),
    stored: async (app) => (await app.trainingTypes.list()).map((type) => type.label.fr),
  },
  {
    verb: 'labelCalendar.save',
    field: 'labelFr',
    persona: 'alex',
    valid: () => ({ id: '', etag: '', labelEn: '', reference: '3.2', everyMonths: '12', dueOn: '2027-06-30', windowStartsOn: '', extensionMonths: '', owner: alexId }),
    stored: async (app) => (await app.labelCalendar.list()).map((obligation) => obligation.label.fr),
  },
  {
    verb: 'action.propose',
    field: 'finding',
    persona: 'alex',
    valid: () => ({ action: 'Action décidée pour le test', references: '', sourceDate: '', deadline: '2027-06-30', services: 'SGCD', ownerId: alexId }),
    stored: async (app) => (await app.actions.list()).map((action) => action.finding),
  },
  {
    verb: 'complaint.submit',
    field: 'summary',
    persona: 'alex',
    valid: (index) => ({ channel: 'email', kind: 'complaint', receivedOn: day(index % 10), commitment: '', scope: 'in', service: 'SGCD', assigneeId: alexId }),
    stored: async (app) => (await app.complaints.listYear(2026)).map((complaint) => complaint.summary),
  },
  {
    verb: 'training.declare',
    field: 'title',
    persona: 'alex',
    // One record per person, type and day: each case declares another day.
    valid: (index) => ({ personId: alexId, completedOn: day(index) }),
    stored: async (app) => (await app.trainingRecords.listFor(alexId)).map((record) => record.title),
  },
];

/** The whole submission: the card's values, the valid ones over them, and the hostile text in its field. */
export function hostileButValid(field: FreeTextField, form: TemplateForm, instance: LiveButton, text: string, index: number): Record<string, unknown> {
  return { ...baseSubmission(form, instance), ...field.valid(index), [field.field]: text };
}
