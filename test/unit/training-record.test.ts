import type { Person } from '../../services/directory/person';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import type { DeclarationContext, DeclarationResult } from '../../services/training/training-record';
import { mayDeclareFor, trainingRecordSchema, validateDeclaration } from '../../services/training/training-record';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, overrides: Partial<Person> = {}): Person {
  return { id: id(n), name: `Agent ${n}`, service: 'BMI', roles: ['agent'], toAssign: false, createdAt: '2024-01-15T09:00:00.000Z', ...overrides };
}

const adele = person(22);
const now = new Date('2026-11-23T10:15:00.000Z');

function context(overrides: Partial<DeclarationContext> = {}): DeclarationContext {
  return { types: defaultTrainingTypes, person: adele, declarer: adele, today: '2026-11-23', now, ...overrides };
}

const form = { typeId: 'lutte-contre-la-fraude', completedOn: '2026-10-07', title: 'Détection de la fraude documentaire', mode: 'presentiel' };

function errorsOf(result: DeclarationResult): { field: string; message: string }[] {
  if (result.ok) throw new Error('expected the declaration to be refused');
  return result.errors;
}

describe('declaring a completed training (DOMAIN §2, issue "Training on a 4-year cycle")', () => {
  it('builds the record of a valid self-declaration, stamped with the declarer and the instant', () => {
    const result = validateDeclaration({ ...form, title: '  Détection de la fraude documentaire ' }, context());
    expect(result).toEqual({
      ok: true,
      record: {
        personId: adele.id,
        typeId: 'lutte-contre-la-fraude',
        completedOn: '2026-10-07',
        title: 'Détection de la fraude documentaire',
        mode: 'presentiel',
        declaredBy: adele.id,
        declaredAt: '2026-11-23T10:15:00.000Z',
      },
    });
    if (result.ok) expect(trainingRecordSchema.parse(result.record)).toEqual(result.record);
  });

  it('accepts a training completed today, in e-learning', () => {
    const result = validateDeclaration({ ...form, completedOn: '2026-11-23', mode: 'e-learning' }, context());
    expect(result.ok && result.record.mode).toBe('e-learning');
  });

  it('refuses a date in the future', () => {
    expect(errorsOf(validateDeclaration({ ...form, completedOn: '2026-11-24' }, context()))).toEqual([
      { field: 'completedOn', message: 'La date ne peut pas être dans le futur.' },
    ]);
  });

  it('does not take the registration day for an arrival: people imported at deployment declare older trainings', () => {
    expect(validateDeclaration({ ...form, completedOn: '2019-05-14' }, context()).ok).toBe(true);
    expect(validateDeclaration({ ...form, completedOn: '1970-01-01' }, context()).ok).toBe(true);
  });

  it('refuses a date before 1970 as a typo when the arrival is unknown', () => {
    expect(errorsOf(validateDeclaration({ ...form, completedOn: '1969-12-31' }, context()))).toEqual([
      { field: 'completedOn', message: 'Date trop ancienne : indiquez une date à partir du 01/01/1970.' },
    ]);
  });

  it('refuses a date before the arrival day when the directory knows it, earlier or later than the registration', () => {
    const arrived = (arrivedOn: string) => context({ person: { ...adele, arrivedOn } });
    expect(validateDeclaration({ ...form, completedOn: '2021-06-01' }, arrived('2019-09-02')).ok).toBe(true);
    expect(validateDeclaration({ ...form, completedOn: '2024-06-03' }, arrived('2024-06-03')).ok).toBe(true);
    expect(errorsOf(validateDeclaration({ ...form, completedOn: '2024-03-01' }, arrived('2024-06-03')))).toEqual([
      { field: 'completedOn', message: "La date ne peut pas être antérieure à l'arrivée de l'agent (03/06/2024)." },
    ]);
  });

  it.each([
    ['2026-02-30', 'a day that does not exist'],
    ['23/11/2026', 'the French way of writing it'],
    ['2026-1-5', 'a date without zero padding'],
  ])('refuses %s (%s) with the expected format', (completedOn) => {
    expect(errorsOf(validateDeclaration({ ...form, completedOn }, context()))).toEqual([
      { field: 'completedOn', message: 'Date invalide : attendu AAAA-MM-JJ, par exemple 2026-03-12.' },
    ]);
  });

  it('refuses an unknown type', () => {
    expect(errorsOf(validateDeclaration({ ...form, typeId: 'permis-bateau' }, context()))).toEqual([
      { field: 'typeId', message: 'Type de formation inconnu.' },
    ]);
  });

  it('refuses a type the quality officer deactivated', () => {
    const types = defaultTrainingTypes.map((type) => (type.id === form.typeId ? { ...type, active: false } : type));
    expect(errorsOf(validateDeclaration(form, context({ types })))).toEqual([
      { field: 'typeId', message: "Ce type de formation n'est plus actif : choisissez-en un autre." },
    ]);
  });

  it('refuses an empty or blank title, a title over 200 characters and one with control characters', () => {
    expect(errorsOf(validateDeclaration({ ...form, title: '   ' }, context()))).toEqual([
      { field: 'title', message: "Indiquez l'intitulé de la formation." },
    ]);
    expect(errorsOf(validateDeclaration({ ...form, title: 'x'.repeat(201) }, context()))).toEqual([
      { field: 'title', message: "L'intitulé ne doit pas dépasser 200 caractères." },
    ]);
    expect(validateDeclaration({ ...form, title: 'x'.repeat(200) }, context()).ok).toBe(true);
    expect(errorsOf(validateDeclaration({ ...form, title: 'Fraude\ndocumentaire' }, context()))[0]?.field).toBe('title');
    expect(errorsOf(validateDeclaration({ ...form, title: 'Fraude\u0085' }, context()))[0]?.field).toBe('title');
  });

  it('refuses a mode other than e-learning or présentiel', () => {
    expect(errorsOf(validateDeclaration({ ...form, mode: 'distanciel' }, context()))).toEqual([
      { field: 'mode', message: 'Choisissez le mode : e-learning ou présentiel.' },
    ]);
  });

  it('lists every problem at once and writes nothing', () => {
    const result = validateDeclaration({ typeId: 'inconnue', completedOn: '2030-01-01', title: '', mode: 3 }, context());
    expect(errorsOf(result).map((error) => error.field)).toEqual(['typeId', 'completedOn', 'title', 'mode']);
    expect(result).not.toHaveProperty('record');
  });

  it('refuses an input that is not a form', () => {
    for (const input of [undefined, null, 'fraude', ['lutte-contre-la-fraude']]) {
      expect(errorsOf(validateDeclaration(input, context()))).toEqual([
        { field: 'form', message: 'Formulaire de déclaration illisible : recommencez depuis la carte.' },
      ]);
    }
    expect(errorsOf(validateDeclaration({}, context())).map((error) => error.field)).toEqual(['typeId', 'completedOn', 'title', 'mode']);
  });

  describe('who may declare for whom', () => {
    const bmiManager = person(21, { roles: ['agent', 'manager'] });
    const certManager = person(25, { service: 'CERT', roles: ['agent', 'manager'] });
    const colleague = person(104);
    const qualityOfficer = person(20, { service: 'SGCD', roles: ['rq', 'admin'] });
    const itAdmin = person(24, { service: 'SIDSIC', roles: ['agent', 'admin'] });
    const refusal = {
      field: 'declaredBy',
      message:
        'Vous ne pouvez déclarer une formation que pour vous-même, pour un agent de votre service si vous êtes encadrant, ou en tant que responsable qualité.',
    };

    it('lets a manager of the same service record it, and stamps the manager as declarer', () => {
      const result = validateDeclaration(form, context({ declarer: bmiManager }));
      expect(result.ok && result.record).toMatchObject({ personId: adele.id, declaredBy: bmiManager.id });
    });

    it('lets the quality officer record it for anyone', () => {
      expect(validateDeclaration(form, context({ declarer: qualityOfficer })).ok).toBe(true);
    });

    it('refuses a manager of another service, a colleague and an administrator', () => {
      expect(errorsOf(validateDeclaration(form, context({ declarer: certManager })))).toEqual([refusal]);
      expect(errorsOf(validateDeclaration(form, context({ declarer: colleague })))).toEqual([refusal]);
      expect(errorsOf(validateDeclaration(form, context({ declarer: itAdmin })))).toEqual([refusal]);
    });

    it('refuses a manager without service for a person without service', () => {
      const floating = person(199, { service: undefined });
      expect(mayDeclareFor(person(198, { service: undefined, roles: ['manager'] }), floating)).toBe(false);
      expect(mayDeclareFor(floating, floating)).toBe(true);
    });
  });
});
