import { parseRoleName, roles, type Role } from '../directory/roles';
import { normalizeText } from '../text/normalize';
import { trainingTypeSchema, type TrainingType } from './training-type';

/** What the quality officer sends from the training type form, as typed (multi-selects comma-separated). */
export interface TrainingTypeDraft {
  /** Name in French (required). */
  labelFr: string;
  /** Name in English; empty: the French name. */
  labelEn: string;
  /** Commitment in the prefecture's numbering ("4.2", "E.28"). */
  commitment: string;
  /** Validity in months, an integer from 1 to 240; empty: 48 (4 years). */
  validityMonths: string;
  /** Roles that must hold it, comma-separated ids ("rq,fraud-referent"); empty with no service: everyone. */
  roles: string;
  /** Service codes whose members must hold it, comma-separated ("BMI,CERT"). */
  services: string;
  /** "true" or "false" (an Input.Toggle's values); empty: active. */
  active: string;
}

/** A field of the form, for errors shown next to it. */
export type TrainingTypeField = keyof TrainingTypeDraft;

/** One French message per field in error. */
export type TrainingTypeFieldErrors = Partial<Record<TrainingTypeField, string>>;

/** Outcome of a validation: the type to store, or what to fix. */
export type TrainingTypeEditResult = { ok: true; type: TrainingType } | { ok: false; errors: TrainingTypeFieldErrors };

/** What a draft is checked against: the services of the directory. */
export interface TrainingTypeReferences {
  serviceCodes: readonly string[];
}

/** Validity when the form leaves it empty: 4 years (2020 report, "4 ans maximum"). */
export const defaultValidityMonths = 48;
/** Longest validity accepted: 20 years (trainingTypeSchema). */
export const maxValidityMonths = 240;
/** Longest generated id before its "-2" suffix (ids are at most 60 characters, trainingTypeIdSchema). */
const maxSlugLength = 50;

/**
 * Id of a new type from its French label: lower case, accents removed, words joined by dashes ("Accueil
 * téléphonique" → "accueil-telephonique"), made unique against the ids in use with "-2", "-3"…
 */
export function trainingTypeIdFromLabel(label: string, idsInUse: Iterable<string>): string {
  const words = normalizeText(label.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').replace(/ß/g, 'ss'))
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word.slice(0, maxSlugLength) : `${slug}-${word}`;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  if (slug.length < 2) slug = 'formation';
  const taken = new Set(idsInUse);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

const list = (typed: string) =>
  typed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads the validity: an integer number of months from 1 to 240, 48 when empty; undefined when unreadable. */
export function parseValidityMonths(typed: string): number | undefined {
  const text = typed.trim();
  if (text === '') return defaultValidityMonths;
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const months = Number(text);
  return months >= 1 && months <= maxValidityMonths ? months : undefined;
}

interface Checked {
  errors: TrainingTypeFieldErrors;
  fields?: Omit<TrainingType, 'id'>;
}

function checkFields(draft: TrainingTypeDraft, refs: TrainingTypeReferences, keptServices: readonly string[]): Checked {
  const errors: TrainingTypeFieldErrors = {};
  const labelFr = draft.labelFr.trim();
  if (labelFr === '') errors.labelFr = 'Indiquez le nom de la formation.';
  else if (labelFr.length > 120) errors.labelFr = 'Nom trop long (120 caractères au plus).';
  const labelEn = draft.labelEn.trim() || labelFr;
  if (labelEn.length > 120) errors.labelEn = 'Nom anglais trop long (120 caractères au plus).';

  const commitment = draft.commitment.trim();
  if (commitment === '') errors.commitment = 'Indiquez l’engagement servi (ex. 4.2, E.28).';
  else if (commitment.length > 20) errors.commitment = 'Numéro d’engagement trop long (20 caractères au plus).';

  const validityMonths = parseValidityMonths(draft.validityMonths);
  if (validityMonths === undefined) {
    errors.validityMonths = `Durée de validité invalide : un nombre entier de mois, de 1 à ${maxValidityMonths} (48 = 4 ans).`;
  }

  const typedRoles = list(draft.roles);
  const roleIds: Role[] = [];
  const unknownRoles: string[] = [];
  for (const typed of typedRoles) {
    const role = (roles as readonly string[]).includes(typed) ? (typed as Role) : parseRoleName(typed);
    if (role) roleIds.push(role);
    else unknownRoles.push(typed.slice(0, 30));
  }
  if (unknownRoles.length > 0) errors.roles = `Rôle inconnu : ${unknownRoles.map((r) => `« ${r} »`).join(', ')}.`;

  const known = new Set([...refs.serviceCodes, ...keptServices]);
  const serviceCodes = list(draft.services).map((code) => code.toUpperCase());
  const unknownServices = serviceCodes.filter((code) => !known.has(code));
  if (unknownServices.length > 0) {
    errors.services = `Service inconnu : ${unknownServices.map((code) => `« ${code.slice(0, 20)} »`).join(', ')} (tapez « services » pour la liste).`;
  }

  const active = draft.active.trim().toLowerCase();
  if (!['', 'true', 'false'].includes(active)) errors.active = 'Valeur invalide : actif ou retiré.';

  if (Object.keys(errors).length > 0 || validityMonths === undefined) return { errors };
  const uniqueRoles = [...new Set(roleIds)];
  const uniqueServices = [...new Set(serviceCodes)];
  return {
    errors,
    fields: {
      label: { fr: labelFr, en: labelEn },
      commitment,
      validityMonths,
      requiredFor: { ...(uniqueRoles.length > 0 ? { roles: uniqueRoles } : {}), ...(uniqueServices.length > 0 ? { services: uniqueServices } : {}) },
      active: active !== 'false',
    },
  };
}

// Last guard: whatever passes the field checks must also be a valid stored type.
function finish(candidate: TrainingType): TrainingTypeEditResult {
  const parsed = trainingTypeSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, type: parsed.data };
  const fieldOf: Record<string, TrainingTypeField> = { id: 'labelFr', label: 'labelFr', requiredFor: 'services' };
  const errors: TrainingTypeFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    errors[fieldOf[key] ?? (key as TrainingTypeField)] ??= 'Valeur invalide.';
  }
  return { ok: false, errors };
}

/** A new type from the form: id from its French label, unique among `idsInUse`. */
export function buildNewTrainingType(draft: TrainingTypeDraft, refs: TrainingTypeReferences, idsInUse: Iterable<string>): TrainingTypeEditResult {
  const checked = checkFields(draft, refs, []);
  if (!checked.fields) return { ok: false, errors: checked.errors };
  return finish({ id: trainingTypeIdFromLabel(checked.fields.label.fr, idsInUse), ...checked.fields });
}

/**
 * An edited type: the id stays (records point at it). Service codes the type already lists are accepted even if
 * the service is gone from the directory, so an unrelated edit is not blocked by them.
 */
export function applyTrainingTypeEdit(type: TrainingType, draft: TrainingTypeDraft, refs: TrainingTypeReferences): TrainingTypeEditResult {
  const checked = checkFields(draft, refs, type.requiredFor.services ?? []);
  if (!checked.fields) return { ok: false, errors: checked.errors };
  return finish({ id: type.id, ...checked.fields });
}

/** Retires (false) or restores (true) a type; undefined when it already is in that state. Never deleted: records keep pointing at it. */
export function setTrainingTypeActive(type: TrainingType, active: boolean): TrainingType | undefined {
  return type.active === active ? undefined : { ...pickTrainingType(type), active };
}

/** The form's draft of a stored type, to show it for editing. */
export function draftOfTrainingType(type: TrainingType): TrainingTypeDraft {
  return {
    labelFr: type.label.fr,
    labelEn: type.label.en,
    commitment: type.commitment,
    validityMonths: String(type.validityMonths),
    roles: (type.requiredFor.roles ?? []).join(','),
    services: (type.requiredFor.services ?? []).join(','),
    active: String(type.active),
  };
}

/** The type's own fields, without what a repository adds (ETag). */
export function pickTrainingType(type: TrainingType): TrainingType {
  const { id, label, commitment, validityMonths, requiredFor, active } = type;
  return { id, label, commitment, validityMonths, requiredFor, active };
}
