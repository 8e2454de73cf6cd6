import type { Person } from '../../services/directory/person';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { coveredTypes } from '../../services/training/training-status';
import { isCoveredBy, trainingTypeSchema } from '../../services/training/training-type';

type Member = Pick<Person, 'roles' | 'service'>;

const coveredIds = (person: Member) => coveredTypes(person, defaultTrainingTypes).map((type) => type.id);

describe('training types (DOMAIN §2; 4.1–4.4, 23.1, E.28)', () => {
  it('ships the six trainings of the issue, each valid against the schema and lasting 4 years', () => {
    expect(defaultTrainingTypes.map((type) => type.commitment)).toEqual(['4.1', '4.2', '4.3', '4.4', '23.1', 'E.28']);
    for (const type of defaultTrainingTypes) {
      expect(trainingTypeSchema.parse(type)).toEqual(type);
      expect(type.validityMonths).toBe(48);
    }
    expect(new Set(defaultTrainingTypes.map((type) => type.id)).size).toBe(6);
  });

  it('defaults the validity to 48 months when the quality officer leaves it out', () => {
    const parsed = trainingTypeSchema.parse({
      id: 'accueil-telephonique',
      label: { fr: 'Accueil téléphonique', en: 'Phone reception' },
      commitment: 'E.7',
      requiredFor: { services: ['ACCUEIL'] },
      active: true,
    });
    expect(parsed.validityMonths).toBe(48);
  });

  it('rejects an id that is not a slug, an unknown role and a zero validity', () => {
    const base = defaultTrainingTypes[0];
    expect(base).toBeDefined();
    expect(trainingTypeSchema.safeParse({ ...base, id: 'Accueil Prise' }).success).toBe(false);
    expect(trainingTypeSchema.safeParse({ ...base, requiredFor: { roles: ['chef'] } }).success).toBe(false);
    expect(trainingTypeSchema.safeParse({ ...base, validityMonths: 0 }).success).toBe(false);
  });

  it('covers anyone holding a listed role or belonging to a listed service, and everyone when both are empty', () => {
    const audience = { roles: ['fraud-referent' as const], services: ['BMI', 'CERT'] };
    expect(isCoveredBy({ roles: ['agent'], service: 'BMI' }, audience)).toBe(true);
    expect(isCoveredBy({ roles: ['agent', 'fraud-referent'], service: 'SG' }, audience)).toBe(true);
    expect(isCoveredBy({ roles: ['agent'], service: 'BLS' }, audience)).toBe(false);
    expect(isCoveredBy({ roles: ['agent'] }, audience)).toBe(false);
    expect(isCoveredBy({ roles: ['agent'] }, {})).toBe(true);
    expect(isCoveredBy({ roles: ['agent'] }, { roles: [], services: [] })).toBe(true);
  });

  it('requires of each demo profile the trainings of its post', () => {
    expect(coveredIds({ roles: ['agent'], service: 'ACCUEIL' })).toEqual(['accueil-prise-de-poste', 'formation-continue']);
    expect(coveredIds({ roles: ['agent'], service: 'BMI' })).toEqual([
      'formation-continue',
      'lutte-contre-la-fraude',
      'plan-formation-titres-etrangers',
    ]);
    expect(coveredIds({ roles: ['agent'], service: 'CERT' })).toEqual(['formation-continue', 'lutte-contre-la-fraude']);
    expect(coveredIds({ roles: ['agent'], service: 'BREC' })).toEqual(['formation-continue', 'exigences-web']);
    expect(coveredIds({ roles: ['rq', 'admin'], service: 'SGCD' })).toEqual(['formation-continue', 'referents-qualite']);
    expect(coveredIds({ roles: ['agent', 'fraud-referent'], service: 'SG' })).toEqual(['formation-continue', 'lutte-contre-la-fraude']);
    expect(coveredIds({ roles: ['agent'] })).toEqual(['formation-continue']);
  });

  it('requires an inactive type of nobody', () => {
    const inactive = defaultTrainingTypes.map((type) => ({ ...type, active: type.id !== 'formation-continue' }));
    expect(coveredTypes({ roles: ['agent'] }, inactive)).toEqual([]);
  });
});
