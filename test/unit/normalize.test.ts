import fc from 'fast-check';
import { normalizeText } from '../../services/text/normalize';

describe('normalizeText', () => {
  it.each([
    ['  Aide ! ', 'aide'],
    ['AIDE', 'aide'],
    ['Qui suis-je ?', 'qui suis je'],
    ['Référentiel', 'referentiel'],
    ['importer   l’annuaire', 'importer l annuaire'],
    ['?', '?'],
    ['  ??  ', '?'],
    ['', ''],
  ])('folds %j into %j', (typed, expected) => {
    expect(normalizeText(typed)).toBe(expected);
  });

  it('is idempotent and never leaves accents, capitals or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/ {2}|^ | $/);
        expect(once).toBe(once.toLowerCase());
        expect(once.normalize('NFD')).not.toMatch(/\p{Diacritic}/u);
      }),
      { numRuns: 1000 },
    );
  });
});
