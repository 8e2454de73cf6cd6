import { earliestDetection, validateFraudForm, type FraudFormField } from '../../services/fraud/fraud-form';

const adele = { id: '00000000-0000-0000-0000-0000000000022' };
const context = { author: adele, today: '2026-11-23', now: new Date('2026-11-23T09:00:00.000Z') };

const valid = {
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference: '2026-BMI-00412',
  description: 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  article40: 'false',
  article40On: '',
};

const fieldsOf = (input: unknown) => {
  const result = validateFraudForm(input, context);
  return result.ok ? [] : result.errors.map((error) => error.field);
};
const messageOf = (input: unknown, field: FraudFormField, locale: 'fr' | 'en' = 'fr') => {
  const result = validateFraudForm(input, context, locale);
  return result.ok ? undefined : result.errors.find((error) => error.field === field)?.message;
};

describe('the fraud signal form', () => {
  it('builds a submitted draft from a complete form, stamped with the author and the instant', () => {
    const result = validateFraudForm(valid, context);
    expect(result).toEqual({
      ok: true,
      draft: expect.objectContaining({
        service: 'BMI',
        detectedOn: '2026-11-20',
        article40: { reported: false },
        authorId: adele.id,
        state: 'submitted',
        createdAt: '2026-11-23T09:00:00.000Z',
        submittedAt: '2026-11-23T09:00:00.000Z',
        exchanges: [],
        revision: 0,
      }),
    });
  });

  it('reports every problem at once, each next to its field', () => {
    expect(fieldsOf({ service: 'XYZ', detectedOn: '2026-13-01', article40: 'peut-être' })).toEqual([
      'service',
      'titleType',
      'nature',
      'detectedOn',
      'fileReference',
      'description',
      'article40',
    ]);
  });

  it('refuses a form that is not a form', () => {
    expect(fieldsOf(null)).toEqual(['form']);
    expect(fieldsOf(['BMI'])).toEqual(['form']);
  });

  it('refuses an unknown service, title type or nature sent by a tampered card', () => {
    expect(fieldsOf({ ...valid, service: 'SGCD', titleType: 'visa', nature: 'vol' })).toEqual(['service', 'titleType', 'nature']);
    expect(messageOf({ ...valid, service: 'SGCD' }, 'service')).toBe('Choisissez le service concerné dans la liste.');
  });

  it('refuses a detection date in the future, and one more than five years old', () => {
    expect(messageOf({ ...valid, detectedOn: '2026-11-24' }, 'detectedOn')).toBe('La date de détection ne peut pas être dans le futur.');
    expect(earliestDetection('2026-11-23')).toBe('2021-11-23');
    expect(messageOf({ ...valid, detectedOn: '2021-11-22' }, 'detectedOn')).toBe('La date de détection ne peut pas être antérieure au 23/11/2021 (cinq ans).');
    expect(validateFraudForm({ ...valid, detectedOn: '2021-11-23' }, context).ok).toBe(true);
    expect(validateFraudForm({ ...valid, detectedOn: '2026-11-23' }, context).ok).toBe(true);
  });

  it.each([
    ['an e-mail address', 'Contact : jean.dupont@example.fr pour le dossier', 'une adresse e-mail'],
    ['a phone number', 'Employeur joint au 06 12 34 56 78', 'un numéro de téléphone'],
    ['a social security number', 'NIR 1 85 05 78 006 084 91 relevé sur le bulletin', 'un numéro de sécurité sociale'],
    ['a date of birth', 'Demandeur né le 12/03/1985 à Bourges', 'une date de naissance'],
    ['an IBAN', 'Virement sur FR76 3000 6000 0112 3456 7890 189', 'un IBAN'],
  ])('refuses a description holding %s and says which', (_kind, description, named) => {
    const message = messageOf({ ...valid, description }, 'description');
    expect(message).toContain(named);
    expect(message).toContain('retirez toute donnée personnelle');
  });

  it('checks the file reference for personal data too, and keeps it to a reference’s characters', () => {
    expect(messageOf({ ...valid, fileReference: '06 12 34 56 78' }, 'fileReference')).toContain('un numéro de téléphone');
    expect(messageOf({ ...valid, fileReference: 'dossier #12?' }, 'fileReference')).toContain('lettres, des chiffres');
    expect(messageOf({ ...valid, fileReference: 'x'.repeat(41) }, 'fileReference')).toContain('40 caractères');
  });

  it('says it in English for someone who chose English', () => {
    expect(messageOf({ ...valid, description: 'Call 06 12 34 56 78' }, 'description', 'en')).toContain('a phone number');
    expect(messageOf({ ...valid, detectedOn: '2030-01-01' }, 'detectedOn', 'en')).toBe('The detection date cannot be in the future.');
  });

  it('asks the date of an article-40 report, not in the future and not before the detection', () => {
    expect(messageOf({ ...valid, article40: 'true' }, 'article40On')).toBe('Indiquez la date de la transmission au procureur.');
    expect(messageOf({ ...valid, article40: 'true', article40On: '2026-11-24' }, 'article40On')).toBe('La date de transmission ne peut pas être dans le futur.');
    expect(messageOf({ ...valid, article40: 'true', article40On: '2026-11-19' }, 'article40On')).toBe('La date de transmission ne peut pas précéder la détection (20/11/2026).');
    expect(messageOf({ ...valid, article40: 'false', article40On: '2026-11-21' }, 'article40On')).toContain('que si le procureur a été saisi');
    const reported = validateFraudForm({ ...valid, article40: true, article40On: '2026-11-21' }, context);
    expect(reported.ok && reported.draft.article40).toEqual({ reported: true, on: '2026-11-21' });
  });
});
