import { findOwner } from '../checks/check-item-edit';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { normalizeText } from '../text/normalize';
import { derivedDueOn, parseDayInput } from './label-dates';
import { controlCharacter, isCurrentDone, labelObligationSchema, pickObligation, type LabelObligation, type LabelSchedule } from './label-obligation';
import { withDueOn } from './label-occurrences';

/** What the quality officer types in the obligation form, as typed. */
export interface LabelObligationDraft {
  /** What is due, in French (required) and English (defaults to the French). */
  labelFr: string;
  labelEn: string;
  /** Reference ('3.2', 'ES49', 'Label'). */
  reference: string;
  /** Every how many months it comes back; empty or 0: once. Ignored for a derived obligation. */
  everyMonths: string;
  /** Due date, AAAA-MM-JJ or JJ/MM/AAAA. Computed (and ignored) for a derived obligation. */
  dueOn: string;
  /** Optional first day of its period (the survey's two weeks). */
  windowStartsOn: string;
  /** Months of postponement granted for the pending occurrence of a derived obligation; empty: none. */
  extensionMonths: string;
  /** The owner's aadObjectId (chosen from the list), e-mail or name. */
  owner: string;
}

/** A field of the form, for errors shown next to it. */
export type LabelObligationField = keyof LabelObligationDraft;

/** One French message per field in error. */
export type LabelObligationFieldErrors = Partial<Record<LabelObligationField, string>>;

/** Outcome of a validation: the obligation to store, or what to fix (nothing is written). */
export type LabelObligationEditResult = { ok: true; obligation: LabelObligation } | { ok: false; errors: LabelObligationFieldErrors };

/** The directory an owner is looked up in. */
export type OwnerDirectory = readonly Pick<Person, 'id' | 'name' | 'email'>[];

const invalidDate = (typed: string) => `Date « ${typed.slice(0, 20)} » invalide : écrivez-la JJ/MM/AAAA (ex. 22/04/2027) ou choisissez-la dans le calendrier.`;
const earliestDueOn: LocalDate = '2000-01-01';

function oneLine(typed: string, max: number, missing: string, field: string): { value: string; error?: string } {
  const value = typed.trim();
  if (value === '') return { value, error: missing };
  if (value.length > max) return { value, error: `${field} trop long (${max} caractères au plus).` };
  if (controlCharacter.test(value)) return { value, error: `${field} : retours à la ligne et tabulations ne sont pas autorisés.` };
  return { value };
}

function wholeNumber(typed: string, min: number, max: number): number | undefined {
  const text = typed.trim();
  if (text === '') return 0;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

interface CheckedFields {
  label: LabelObligation['label'];
  reference: string;
  everyMonths: number;
  dueOn?: LocalDate;
  windowStartsOn?: LocalDate;
  extensionMonths: number;
  ownerId: string;
}

function checkFields(draft: LabelObligationDraft, people: OwnerDirectory, derived: boolean): { errors: LabelObligationFieldErrors; fields?: CheckedFields } {
  const errors: LabelObligationFieldErrors = {};
  const fr = oneLine(draft.labelFr, 120, 'Indiquez ce qui est dû (ex. Enquête annuelle de satisfaction).', 'Libellé');
  if (fr.error) errors.labelFr = fr.error;
  const en = draft.labelEn.trim() === '' ? { value: fr.value } : oneLine(draft.labelEn, 120, '', 'Libellé anglais');
  if (en.error) errors.labelEn = en.error;
  const reference = oneLine(draft.reference, 20, 'Indiquez la référence (ex. 3.2, 20.3, ES49 ou Label).', 'Référence');
  if (reference.error) errors.reference = reference.error;

  const everyMonths = derived ? 0 : wholeNumber(draft.everyMonths, 0, 120);
  if (everyMonths === undefined) errors.everyMonths = 'Indiquez un nombre de mois entre 1 et 120 (12 : tous les ans), ou laissez vide pour une échéance unique.';
  const extensionMonths = derived ? wholeNumber(draft.extensionMonths, 0, 24) : 0;
  if (extensionMonths === undefined) errors.extensionMonths = 'Indiquez un report entre 0 et 24 mois, ou laissez vide.';

  const typedDue = draft.dueOn.trim();
  const dueOn = derived ? undefined : parseDayInput(typedDue);
  if (!derived) {
    if (typedDue === '') errors.dueOn = 'Indiquez la date d’échéance.';
    else if (!dueOn) errors.dueOn = invalidDate(typedDue);
    else if (dueOn < earliestDueOn) errors.dueOn = 'Date trop ancienne : indiquez une date à partir du 01/01/2000.';
  }
  const typedWindow = draft.windowStartsOn.trim();
  const windowStartsOn = typedWindow === '' ? undefined : parseDayInput(typedWindow);
  if (typedWindow !== '' && !windowStartsOn) errors.windowStartsOn = invalidDate(typedWindow);

  const owner = findOwner(people, draft.owner);
  if (draft.owner.trim() === '') errors.owner = 'Choisissez le responsable de l’échéance.';
  else if (!owner) errors.owner = `Personne introuvable dans l’annuaire : « ${draft.owner.trim().slice(0, 60)} ».`;

  if (Object.keys(errors).length > 0 || !owner || everyMonths === undefined || extensionMonths === undefined) return { errors };
  return {
    errors,
    fields: { label: { fr: fr.value, en: en.value }, reference: reference.value, everyMonths, dueOn, windowStartsOn, extensionMonths, ownerId: owner.id },
  };
}

/** The schedule the form describes: every N months, or once. */
function formSchedule(everyMonths: number): LabelSchedule {
  return everyMonths > 0 ? { kind: 'recurring', everyMonths } : { kind: 'one-off' };
}

// Last guard: whatever passes the field checks must also be a valid stored obligation.
function finish(candidate: LabelObligation): LabelObligationEditResult {
  if (candidate.windowStartsOn !== undefined && candidate.windowStartsOn > candidate.dueOn) {
    return { ok: false, errors: { windowStartsOn: 'Le début de la période doit précéder l’échéance (ou être le même jour).' } };
  }
  const parsed = labelObligationSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, obligation: parsed.data };
  const fieldOf: Record<string, LabelObligationField> = { id: 'labelFr', label: 'labelFr', ownerId: 'owner', schedule: 'everyMonths' };
  const errors: LabelObligationFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    errors[fieldOf[key] ?? (key as LabelObligationField)] ??= 'Valeur invalide.';
  }
  return { ok: false, errors };
}

/** Id of a new obligation from its French label ("Exercice ES49 de crise" → exercice-es49-crise), unique among `idsInUse`. */
export function obligationIdFromLabel(label: string, idsInUse: Iterable<string>): string {
  const stop = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour', 'sur', 'un', 'une']);
  const words = normalizeText(label.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae'))
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word !== '' && !stop.has(word));
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word.slice(0, 34) : `${slug}-${word}`;
    if (next.length > 34) break;
    slug = next;
  }
  if (slug.length < 2) slug = 'echeance';
  const taken = new Set(idsInUse);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** A new one-off or recurring obligation from the form (derived ones come with the label's calendar, demo-label-calendar.ts). */
export function buildNewObligation(draft: LabelObligationDraft, people: OwnerDirectory, idsInUse: Iterable<string>, now: Date): LabelObligationEditResult {
  const { errors, fields } = checkFields(draft, people, false);
  if (!fields?.dueOn) return { ok: false, errors };
  const at = now.toISOString();
  return finish({
    id: obligationIdFromLabel(fields.label.fr, idsInUse),
    label: fields.label,
    reference: fields.reference,
    schedule: formSchedule(fields.everyMonths),
    dueOn: fields.dueOn,
    windowStartsOn: fields.windowStartsOn,
    ownerId: fields.ownerId,
    history: [],
    active: true,
    revision: 0,
    dueSetAt: at,
    createdAt: at,
  });
}

/**
 * An edited obligation: id, history and active flag kept. A one-off or recurring one takes the due date and
 * recurrence typed; a derived one keeps its rule and computed date, and only its pending occurrence's extension may
 * change (which moves its due date). A due date that changes is stamped as known from `now`.
 */
export function applyObligationEdit(current: LabelObligation, draft: LabelObligationDraft, people: OwnerDirectory, now: Date): LabelObligationEditResult {
  const { schedule } = current;
  const derived = schedule.kind === 'derived';
  const { errors, fields } = checkFields(draft, people, derived);
  if (!fields) return { ok: false, errors };
  const base = { ...pickObligation(current), label: fields.label, reference: fields.reference, ownerId: fields.ownerId };
  // The window is taken as typed (checked against the final due date), never moved along by withDueOn.
  if (schedule.kind !== 'derived') {
    const edited = withDueOn({ ...base, schedule: formSchedule(fields.everyMonths) }, fields.dueOn ?? current.dueOn, now);
    return finish({ ...edited, windowStartsOn: fields.windowStartsOn });
  }
  // The extension belongs to the pending occurrence: once it is done, the field is not offered and changes nothing.
  if (isCurrentDone(current)) return finish({ ...base, windowStartsOn: fields.windowStartsOn });
  const extended = { ...schedule, extensionMonths: fields.extensionMonths };
  const moved = withDueOn({ ...base, schedule: extended }, derivedDueOn(extended, schedule.basedOn), now);
  return finish({ ...moved, windowStartsOn: fields.windowStartsOn });
}

/** Retires (false) or restores (true); undefined when it already is in that state. */
export function setObligationActive(obligation: LabelObligation, active: boolean): LabelObligation | undefined {
  return obligation.active === active ? undefined : { ...pickObligation(obligation), active };
}

/** The form's draft of a stored obligation, to show it for editing. */
export function draftOf(obligation: LabelObligation): LabelObligationDraft {
  const { schedule } = obligation;
  return {
    labelFr: obligation.label.fr,
    labelEn: obligation.label.en,
    reference: obligation.reference,
    everyMonths: schedule.kind === 'recurring' ? String(schedule.everyMonths) : '',
    dueOn: obligation.dueOn,
    windowStartsOn: obligation.windowStartsOn ?? '',
    extensionMonths: schedule.kind === 'derived' && schedule.extensionMonths > 0 ? String(schedule.extensionMonths) : '',
    owner: obligation.ownerId,
  };
}
