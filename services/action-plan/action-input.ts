import { isLocalDate, type LocalDate } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { actionSources, controlCharacter, controlCharacterButNewline, textLimits, type ActionSource } from './action-item';

/** A form value read and checked: the clean value, or the French message to show next to the field. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
const fail = <T>(message: string): FieldCheck<T> => ({ ok: false, message });

/** Empty, blank or absent: the field was left out. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One line of text (a finding): required, trimmed, no control character. `what` names it in French ("le constat"). */
export function readLine(value: unknown, max: number, what: string): FieldCheck<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail(`Indiquez ${what}.`);
  const text = value.trim();
  if (text.length > max) return fail(`${capitalise(what)} ne doit pas dépasser ${max} caractères.`);
  if (controlCharacter.test(text)) return fail(`${capitalise(what)} contient des caractères non autorisés (retour à la ligne, tabulation…).`);
  return ok(text);
}

/** A paragraph (action, verification, reason): required, Windows line ends made plain, tabs and the like refused. */
export function readParagraph(value: unknown, max: number, what: string): FieldCheck<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail(`Indiquez ${what}.`);
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text.length > max) return fail(`${capitalise(what)} ne doit pas dépasser ${max} caractères.`);
  if (controlCharacterButNewline.test(text)) return fail(`${capitalise(what)} contient des caractères non autorisés (tabulation…).`);
  return ok(text);
}

/** References typed in one box ("E6, E1 §1-1") or sent as a list; none is allowed. */
export function readReferences(value: unknown): FieldCheck<string[]> {
  if (isBlank(value)) return ok([]);
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : undefined;
  if (!parts || !parts.every((part): part is string => typeof part === 'string')) return fail('Références du référentiel illisibles.');
  const references = [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
  if (references.length > textLimits.references) return fail(`Au plus ${textLimits.references} références.`);
  const bad = references.find((reference) => reference.length > textLimits.reference || controlCharacter.test(reference));
  if (bad !== undefined) return fail(`Référence « ${bad.slice(0, textLimits.reference)} » trop longue ou mal écrite (au plus ${textLimits.reference} caractères).`);
  return ok(references);
}

/** Service codes typed as the seed writes them ("DC / BLS", "dc, bls") or sent as a list: at least one, all known. */
export function readServices(value: unknown, knownCodes: readonly string[], aliases: Readonly<Record<string, string>> = {}): FieldCheck<string[]> {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[/,;]/) : [];
  if (!parts.every((part): part is string => typeof part === 'string')) return fail('Services illisibles.');
  const typed = parts.map((part) => part.trim()).filter(Boolean);
  if (typed.length === 0) return fail('Indiquez au moins un service responsable.');
  const codes: string[] = [];
  for (const part of typed) {
    const folded = foldCode(part);
    const code = aliases[folded] ?? knownCodes.find((known) => foldCode(known) === folded);
    if (code === undefined || !knownCodes.includes(code)) return fail(`Service « ${part.slice(0, 30)} » inconnu.`);
    if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length > textLimits.services) return fail(`Au plus ${textLimits.services} services.`);
  return ok(codes);
}

/** A service code compared without case, accents or inner spaces ("Pré-accueil" → "PRE-ACCUEIL"). */
export function foldCode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toUpperCase()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, '-');
}

/** A deadline given at creation or on a change: an existing day, today or later (issue: "a deadline in the past"). */
export function readDeadline(value: unknown, today: LocalDate): FieldCheck<LocalDate> {
  if (isBlank(value)) return fail('Indiquez l’échéance.');
  if (typeof value !== 'string' || !isLocalDate(value.trim())) return fail('Échéance invalide : attendu AAAA-MM-JJ, par exemple 2027-03-12.');
  const day = value.trim();
  if (day < today) return fail(`L’échéance ne peut pas être dans le passé (aujourd’hui : ${formatDay(today, 'fr')}).`);
  return ok(day);
}

/** "Action efficace ?" from a toggle ("true"/"false") or a choice ("oui"/"non"): required when marking done. */
export function readEffective(value: unknown): FieldCheck<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const answer = typeof value === 'string' ? foldCode(value).toLowerCase() : '';
  if (['true', 'oui', 'yes', 'o'].includes(answer)) return ok(true);
  if (['false', 'non', 'no', 'n'].includes(answer)) return ok(false);
  return fail('Indiquez si l’action a été efficace (oui ou non).');
}

/** Sources chosen on the form (ids, one or several): at least one for a new action. */
export function readSources(value: unknown): FieldCheck<ActionSource[]> {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const ids = parts.map((part) => (typeof part === 'string' ? part.trim() : '')).filter(Boolean);
  if (ids.length === 0) return fail('Indiquez la source du constat (contexte local, auto-diagnostic, enquête…).');
  const sources: ActionSource[] = [];
  for (const id of ids) {
    const source = actionSources.find((candidate) => candidate === id);
    if (!source) return fail(`Source « ${id.slice(0, 30)} » inconnue.`);
    if (!sources.includes(source)) sources.push(source);
  }
  return ok(sources);
}

/** An optional day (the source's date): absent, or an existing day not in the future. */
export function readPastDay(value: unknown, today: LocalDate, what: string): FieldCheck<LocalDate | undefined> {
  if (isBlank(value)) return ok(undefined);
  if (typeof value !== 'string' || !isLocalDate(value.trim())) return fail(`${capitalise(what)} invalide : attendu AAAA-MM-JJ.`);
  if (value.trim() > today) return fail(`${capitalise(what)} ne peut pas être dans le futur.`);
  return ok(value.trim());
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
