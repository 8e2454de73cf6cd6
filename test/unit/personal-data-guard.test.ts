import fc from 'fast-check';
import { findPersonalData, personalDataRefusal } from '../../services/privacy/personal-data-guard';

describe('personal data in free text', () => {
  it.each([
    ['Contacter jean.dupont@gmail.com pour le dossier', ['email']],
    ['Usager rappelé au 06 12 34 56 78', ['phone']],
    ['tel +33 6 12 34 56 78', ['phone']],
    ['fixe 02.48.67.18.18', ['phone']],
    ['NIR 1 85 05 78 006 084 91', ['nir']],
    ['numéro 185057800608491 sur le formulaire', ['nir']],
    ['Corse : 2 69 05 2A 123 456 88', ['nir']],
    ['né le 12/03/1985 à Bourges', ['birthDate']],
    ['Date de naissance : 3 mars 1985', ['birthDate']],
    ['IBAN FR76 3000 6000 0112 3456 7890 189 fourni', ['iban']],
    ['RIB FR7630006000011234567890189 et mail a@b.fr', ['email', 'iban']],
  ])('finds what « %s » holds', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.each([
    'Faux justificatif de domicile détecté au guichet, dossier transmis au référent',
    'Dossier n° 2025-BMI-004512, titre de séjour, détecté le 12/03/2025',
    'Numéro de dossier 185057800608437 (clé fausse : pas un NIR)',
    'Délai de 5 jours ouvrés dépassé, 24 réclamations en 2020 (57 %)',
    'Article 40 signalé au procureur le 03/04/2025',
    'IBAN FR76 3000 6000 0112 3456 7890 188 (clé fausse)',
  ])('leaves « %s » alone', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('names everything found in one French sentence', () => {
    expect(personalDataRefusal('jean@x.fr, 06 12 34 56 78')).toBe(
      'Ce texte semble contenir une adresse e-mail et un numéro de téléphone : retirez toute donnée personnelle (noms, coordonnées, identifiants) avant d’enregistrer.',
    );
    expect(personalDataRefusal('rien à signaler')).toBeUndefined();
  });

  it('finds a valid NIR however its groups are separated', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 6, maxLength: 6 }), (separators) => {
        const groups = ['1', '85', '05', '78', '006', '084', '91'];
        const written = groups.map((group, index) => group + (separators[index] ?? '')).join('');
        return findPersonalData(`voir ${written} ici`).includes('nir');
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => Array.isArray(findPersonalData(text))), { numRuns: 500 });
  });
});
