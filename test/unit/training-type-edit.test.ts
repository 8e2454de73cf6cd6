import fc from 'fast-check';
import { audienceText, validityText } from '../../bot/handlers/training-types';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { trainingTypeIdSchema, type TrainingType } from '../../services/training/training-type';
import {
  applyTrainingTypeEdit,
  buildNewTrainingType,
  draftOfTrainingType,
  parseValidityMonths,
  setTrainingTypeActive,
  trainingTypeIdFromLabel,
  type TrainingTypeDraft,
  type TrainingTypeReferences,
} from '../../services/training/training-type-edit';

const refs: TrainingTypeReferences = { serviceCodes: ['ACCUEIL', 'BMI', 'CERT', 'BREC'] };
const draft = (overrides: Partial<TrainingTypeDraft> = {}): TrainingTypeDraft => ({
  labelFr: 'Accueil téléphonique',
  labelEn: 'Phone reception',
  commitment: 'E.7',
  validityMonths: '48',
  roles: '',
  services: 'ACCUEIL',
  active: 'true',
  ...overrides,
});
const fraud = defaultTrainingTypes.find((type) => type.id === 'lutte-contre-la-fraude') as TrainingType;
const ids = defaultTrainingTypes.map((type) => type.id);

describe('training type ids made from the French label', () => {
  it.each([
    ['Accueil téléphonique', 'accueil-telephonique'],
    ['Sensibilisation à la lutte contre la fraude', 'sensibilisation-a-la-lutte-contre-la-fraude'],
    ['Cœur de métier : l’État', 'coeur-de-metier-l-etat'],
    ['  Formation   continue ', 'formation-continue-2'],
    ['?!', 'formation'],
  ])('turns %j into %s', (label, id) => {
    expect(trainingTypeIdFromLabel(label, ids)).toBe(id);
  });

  it('adds -2, -3 when the id is taken', () => {
    expect(trainingTypeIdFromLabel('Formation continue', ['formation-continue', 'formation-continue-2'])).toBe('formation-continue-3');
  });

  it('always gives a valid id, whatever the label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom('formation', 'formation-2', 'a-b'), { maxLength: 3 }), (label, taken) => {
        const id = trainingTypeIdFromLabel(label, taken);
        expect(trainingTypeIdSchema.safeParse(id).success).toBe(true);
        expect(taken).not.toContain(id);
      }),
    );
  });
});

describe('validity in months', () => {
  it.each([
    ['48', 48],
    [' 24 ', 24],
    ['', 48],
    ['1', 1],
    ['240', 240],
  ])('reads %j as %d months', (typed, months) => {
    expect(parseValidityMonths(typed)).toBe(months);
  });

  it.each(['0', '241', '300', 'abc', '4 ans', '-12', '12.5', '1e2'])('refuses %j', (typed) => {
    expect(parseValidityMonths(typed)).toBeUndefined();
  });
});

describe('a new training type from the form', () => {
  it('builds an active type with an id from its French label', () => {
    expect(buildNewTrainingType(draft(), refs, ids)).toEqual({
      ok: true,
      type: {
        id: 'accueil-telephonique',
        label: { fr: 'Accueil téléphonique', en: 'Phone reception' },
        commitment: 'E.7',
        validityMonths: 48,
        requiredFor: { services: ['ACCUEIL'] },
        active: true,
      },
    });
  });

  it('uses the French label in English when none is given, 48 months when the validity is empty, and everyone when nobody is named', () => {
    const result = buildNewTrainingType(draft({ labelEn: '  ', validityMonths: '', services: '' }), refs, ids);
    expect(result.ok && result.type).toMatchObject({ label: { fr: 'Accueil téléphonique', en: 'Accueil téléphonique' }, validityMonths: 48, requiredFor: {} });
  });

  it('reads roles (ids or labels) and lower-case service codes, without duplicates', () => {
    const result = buildNewTrainingType(draft({ roles: 'rq, Référent fraude,rq', services: 'bmi,CERT,BMI' }), refs, ids);
    expect(result.ok && result.type.requiredFor).toEqual({ roles: ['rq', 'fraud-referent'], services: ['BMI', 'CERT'] });
  });

  it('can be created retired', () => {
    const result = buildNewTrainingType(draft({ active: 'false' }), refs, ids);
    expect(result.ok && result.type.active).toBe(false);
  });

  it.each([
    ['0', 'validityMonths'],
    ['300', 'validityMonths'],
    ['abc', 'validityMonths'],
  ])('refuses a validity of %j with a French message next to the field', (validityMonths, field) => {
    const result = buildNewTrainingType(draft({ validityMonths }), refs, ids);
    expect(result).toEqual({ ok: false, errors: { [field]: 'Durée de validité invalide : un nombre entier de mois, de 1 à 240 (48 = 4 ans).' } });
  });

  it('gives one French message per bad field: empty label, commitment too long, unknown role and service, unreadable flag', () => {
    const result = buildNewTrainingType(
      draft({ labelFr: '   ', labelEn: '', commitment: 'x'.repeat(21), roles: 'stagiaire', services: 'BMI,DRH', active: 'peut-être' }),
      refs,
      ids,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        labelFr: 'Indiquez le nom de la formation.',
        commitment: 'Numéro d’engagement trop long (20 caractères au plus).',
        roles: 'Rôle inconnu : « stagiaire ».',
        services: 'Service inconnu : « DRH » (tapez « services » pour la liste).',
        active: 'Valeur invalide : actif ou retiré.',
      },
    });
  });

  it('requires a commitment and keeps labels to 120 characters', () => {
    const result = buildNewTrainingType(draft({ commitment: ' ', labelFr: 'x'.repeat(121), labelEn: 'y'.repeat(121) }), refs, ids);
    expect(result.ok ? {} : Object.keys(result.errors).sort()).toEqual(['commitment', 'labelEn', 'labelFr']);
  });
});

describe('an edited training type', () => {
  it('keeps its id and takes the new validity and audience', () => {
    const result = applyTrainingTypeEdit(fraud, { ...draftOfTrainingType(fraud), labelFr: 'Lutte contre la fraude', validityMonths: '24', roles: '' }, refs);
    expect(result).toEqual({
      ok: true,
      type: { ...fraud, label: { ...fraud.label, fr: 'Lutte contre la fraude' }, validityMonths: 24, requiredFor: { services: ['BMI', 'CERT'] } },
    });
  });

  it('round-trips through the form unchanged', () => {
    for (const type of defaultTrainingTypes) expect(applyTrainingTypeEdit(type, draftOfTrainingType(type), refs)).toEqual({ ok: true, type });
  });

  it('accepts a service the type already lists even once gone from the directory, but no new unknown one', () => {
    const old: TrainingType = { ...fraud, requiredFor: { services: ['ANCIEN'] } };
    expect(applyTrainingTypeEdit(old, draftOfTrainingType(old), refs).ok).toBe(true);
    expect(applyTrainingTypeEdit(fraud, { ...draftOfTrainingType(fraud), services: 'ANCIEN' }, refs).ok).toBe(false);
  });

  it('retires and restores, saying when nothing changes', () => {
    const retired = setTrainingTypeActive(fraud, false);
    expect(retired).toEqual({ ...fraud, active: false });
    expect(setTrainingTypeActive(retired as TrainingType, false)).toBeUndefined();
    expect(setTrainingTypeActive(retired as TrainingType, true)).toEqual(fraud);
  });
});

describe('how the catalogue card says it', () => {
  it.each([
    [48, '4 ans', '4 years'],
    [12, '1 an', '1 year'],
    [18, '1 an et 6 mois', '1 year and 6 months'],
    [6, '6 mois', '6 months'],
    [1, '1 mois', '1 month'],
  ])('%d months read « %s » and “%s”', (months, fr, en) => {
    expect(validityText(months, 'fr')).toBe(fr);
    expect(validityText(months, 'en')).toBe(en);
  });

  it('names who must hold it', () => {
    expect(audienceText({ requiredFor: {} }, 'fr')).toBe('Tous les agents');
    expect(audienceText(fraud, 'fr')).toBe('Rôles : Référent fraude · Services : BMI, CERT');
    expect(audienceText({ requiredFor: { roles: ['rq'] } }, 'en')).toBe('Roles: Quality officer');
  });
});
