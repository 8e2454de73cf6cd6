import type { LocalDate } from '../reminders/calendar';
import { textLimits, type ActionItem } from './action-item';
import { isBlank, readDeadline, readLine, readParagraph, readReferences, readServices } from './action-input';
import { isQualityOfficer, type ActionActor } from './action-people';

/** Fields an edit form (or the quality officer's acceptance) may change; absent or blank means unchanged. */
export interface ActionEditInput {
  finding?: string;
  action?: string;
  /** "E6, E1 §1-1" or a list; an empty value clears them. */
  references?: string | string[];
  deadline?: string;
  /** Only the quality officer reassigns services ("DC / BLS") or the owner. */
  services?: string | string[];
  ownerId?: string;
}

/** The changed fields, or the field to correct. */
export type EditCheck = { ok: true; value: Partial<ActionItem> } | { ok: false; field: string; reason: string };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Reads an edit: what differs from the item. A new deadline may not be in the past and restarts the reminders
 * (new `deadlineSetAt`, and the deadline is in their keys). Reassigning is the quality officer's call, since it
 * changes who is reminded and who approves. With `requireChange`, an edit that changes nothing is refused.
 */
export function editChanges(
  item: ActionItem,
  actor: ActionActor,
  input: ActionEditInput,
  context: { now: Date; today: LocalDate; people: readonly { id: string }[]; serviceCodes: readonly string[] },
  { requireChange }: { requireChange: boolean },
): EditCheck {
  const changes: Partial<ActionItem> = {};
  if (!isBlank(input.finding)) {
    const finding = readLine(input.finding, textLimits.finding, 'le constat');
    if (!finding.ok) return { ok: false, field: 'finding', reason: finding.message };
    if (finding.value !== item.finding) changes.finding = finding.value;
  }
  if (!isBlank(input.action)) {
    const action = readParagraph(input.action, textLimits.paragraph, 'la nature de l’action');
    if (!action.ok) return { ok: false, field: 'action', reason: action.message };
    if (action.value !== item.action) changes.action = action.value;
  }
  if (input.references !== undefined) {
    const references = readReferences(input.references);
    if (!references.ok) return { ok: false, field: 'references', reason: references.message };
    if (!sameList(references.value, item.references)) changes.references = references.value;
  }
  if (!isBlank(input.deadline) && input.deadline?.trim() !== item.deadline) {
    const deadline = readDeadline(input.deadline, context.today);
    if (!deadline.ok) return { ok: false, field: 'deadline', reason: deadline.message };
    changes.deadline = deadline.value;
    changes.deadlineSetAt = context.now.toISOString();
  }
  if (!isBlank(input.ownerId) && input.ownerId?.trim() !== item.ownerId) {
    const ownerId = input.ownerId?.trim() ?? '';
    if (!context.people.some((person) => person.id === ownerId)) return { ok: false, field: 'ownerId', reason: 'Pilote inconnu de l’annuaire.' };
    changes.ownerId = ownerId;
  }
  if (!isBlank(input.services)) {
    const services = readServices(input.services, context.serviceCodes);
    if (!services.ok) return { ok: false, field: 'services', reason: services.message };
    if (!sameList(services.value, item.services)) changes.services = services.value;
  }
  // A form sends every field back: the same owner and services are not a reassignment.
  if ((changes.ownerId !== undefined || changes.services !== undefined) && !isQualityOfficer(actor)) {
    return { ok: false, field: changes.ownerId !== undefined ? 'ownerId' : 'services', reason: 'Seul le responsable qualité peut changer le pilote ou les services d’une action.' };
  }
  if (requireChange && Object.keys(changes).length === 0) return { ok: false, field: 'form', reason: 'Aucune modification à enregistrer.' };
  return { ok: true, value: changes };
}
