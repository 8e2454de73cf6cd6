import { isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText } from 'libphonenumber-js';

/** Kinds of personal data free text must not hold (PLATFORM.md "Personal data"; issue 6). */
export type PersonalDataKind = 'email' | 'phone' | 'nir' | 'birthDate' | 'iban';

/** How each kind is named to the person who typed it. */
export const personalDataLabels: Record<PersonalDataKind, { fr: string; en: string }> = {
  email: { fr: 'une adresse e-mail', en: 'an e-mail address' },
  phone: { fr: 'un numéro de téléphone', en: 'a phone number' },
  nir: { fr: 'un numéro de sécurité sociale', en: 'a social security number' },
  birthDate: { fr: 'une date de naissance', en: 'a date of birth' },
  iban: { fr: 'un IBAN', en: 'an IBAN' },
};

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;

/**
 * French social security number (NIR): sex 1/2 (3, 7, 8 for temporary ones), year, month (01–12, 20–42, 50–99),
 * department (2A/2B for Corsica), commune, order, then the 2-digit key = 97 − (number mod 97). Spaces, dots and
 * dashes are allowed between groups as people write them. The key is checked, so a random 15-digit file number
 * is not taken for one.
 */
const nirPattern = /(?<![\dA-Za-z])([1-37-8])[ .-]?(\d{2})[ .-]?(\d{2})[ .-]?(\d{2}|2[AB])[ .-]?(\d{3})[ .-]?(\d{3})[ .-]?(\d{2})(?![\dA-Za-z])/gi;

function isValidNir(match: RegExpExecArray): boolean {
  const [, sex, year, month, department, commune, order, key] = match;
  const departmentDigits = department?.toUpperCase() === '2A' ? '19' : department?.toUpperCase() === '2B' ? '18' : department;
  const body = `${sex}${year}${month}${departmentDigits}${commune}${order}`;
  if (!/^\d{13}$/.test(body)) return false;
  return 97 - Number(BigInt(body) % 97n) === Number(key);
}

/** "né le 12/03/1985", "née le 3 mars 1985", "date de naissance : 12-03-1985", "DDN 12.03.85". */
const birthDatePattern =
  /\b(?:n[ée]e?s?\s+le|date\s+de\s+naissance|ddn|born\s+on|date\s+of\s+birth|dob)\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})/iu;

/** Candidate IBANs: a country code, 2 check digits, then 11 to 30 letters or digits, possibly grouped by 4. */
const ibanCandidate = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/gi;

/** True when the candidate, or a prefix of it, is a valid IBAN (a candidate may run on into the next word). */
function startsWithIban(candidate: string): boolean {
  const compact = candidate.replace(/\s+/g, '').toUpperCase();
  for (let length = compact.length; length >= 15; length -= 1) if (isValidIBAN(compact.slice(0, length))) return true;
  return false;
}

/** The valid IBANs of a text, as written. */
function ibansIn(text: string): string[] {
  return [...text.matchAll(ibanCandidate)].map((match) => match[0]).filter(startsWithIban);
}

/** The valid NIRs of a text, as written. */
function nirsIn(text: string): string[] {
  return [...text.matchAll(nirPattern)].filter(isValidNir).map((match) => match[0]);
}

/** Phone numbers as libphonenumber reads them in French text (06 12 34 56 78, +33 6…, 01.23.45.67.89). */
function hasPhone(text: string): boolean {
  return findPhoneNumbersInText(text, 'FR').some((found) => found.number.isValid());
}

/**
 * The kinds of personal data a free text plainly holds, in a stable order; empty when none. It is a guard for
 * honest mistakes in fields the form says must stay anonymous, not a complete detector of personal data.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (emailPattern.test(text)) found.push('email');
  // IBANs and NIRs are runs of digits a phone parser may also read: they are taken out before looking for phones.
  const ibans = ibansIn(text);
  const nirs = nirsIn(text);
  const rest = [...ibans, ...nirs].reduce((remaining, match) => remaining.split(match).join(' '), text);
  if (hasPhone(rest)) found.push('phone');
  if (nirs.length > 0) found.push('nir');
  if (birthDatePattern.test(text)) found.push('birthDate');
  if (ibans.length > 0) found.push('iban');
  return found;
}

/** The French (or English) sentence refusing a text, naming what was found; undefined when the text is clean. */
export function personalDataRefusal(text: string, locale: 'fr' | 'en' = 'fr'): string | undefined {
  const kinds = findPersonalData(text);
  if (kinds.length === 0) return undefined;
  const names = kinds.map((kind) => personalDataLabels[kind][locale]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${locale === 'fr' ? 'et' : 'and'} ${names.at(-1)}`;
  return locale === 'fr'
    ? `Ce texte semble contenir ${list} : retirez toute donnée personnelle (noms, coordonnées, identifiants) avant d’enregistrer.`
    : `This text seems to hold ${list}: remove any personal data (names, contact details, identifiers) before saving.`;
}
