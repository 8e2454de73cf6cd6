/**
 * Folds what a person types into a comparable form: lower case, no accents, punctuation as spaces,
 * one space between words. "  Aide ! " → "aide"; "Qui suis-je ?" → "qui suis je". A lone "?" stays "?".
 */
export function normalizeText(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded === '' && text.trim().startsWith('?')) return '?';
  return folded;
}
