import { complaintSchema } from '../../services/complaints/complaint';
import { validateComplaintForm, type ComplaintFormContext, type ComplaintFormInput } from '../../services/complaints/complaint-form';
import { calendar, cast, commitmentIds, people, serviceCodes } from './complaint-fixtures';

const context: ComplaintFormContext = {
  author: cast.manager,
  people,
  serviceCodes,
  commitmentIds,
  existingIds: ['R-2027-0001', 'R-2027-0011', 'R-2026-0040'],
  today: '2027-03-15',
  now: new Date('2027-03-15T09:30:00.000Z'),
  calendar,
};

const valid: ComplaintFormInput = {
  channel: 'email',
  kind: 'complaint',
  receivedOn: '2027-03-12',
  summary: '  Horaires d’ouverture jugés trop restreints  ',
  commitment: 'e17',
  scope: 'in',
  service: 'BMI',
  assigneeId: cast.assignee.id,
};

const errorsOf = (input: ComplaintFormInput, overrides: Partial<ComplaintFormContext> = {}) => {
  const result = validateComplaintForm(input, { ...context, ...overrides });
  return result.ok ? [] : result.errors;
};

describe('the « nouvelle réclamation » form (issue 6)', () => {
  it('builds an open complaint numbered after the year’s highest, due 5 working days after receipt (E.17)', () => {
    const result = validateComplaintForm(valid, context);
    expect(result).toEqual({
      ok: true,
      complaint: expect.objectContaining({
        id: 'R-2027-0012',
        summary: 'Horaires d’ouverture jugés trop restreints',
        commitment: 'E.17',
        inScope: true,
        outOfScopeReason: undefined,
        service: 'BMI',
        assigneeId: cast.assignee.id,
        initialDueOn: '2027-03-19',
        dueOn: '2027-03-19',
        state: 'open',
        replies: [],
        createdBy: cast.manager.id,
        createdAt: '2027-03-15T09:30:00.000Z',
        revision: 0,
      }),
    });
    expect(result.ok && complaintSchema.safeParse(result.complaint).success).toBe(true);
  });

  it('numbers by the year of receipt and gives a letter 10 working days', () => {
    const result = validateComplaintForm({ ...valid, channel: 'letter', receivedOn: '2026-12-30' }, context);
    expect(result.ok && [result.complaint.id, result.complaint.dueOn]).toEqual(['R-2026-0041', '2027-01-14']);
  });

  it('keeps out-of-scope requests with their reason', () => {
    const result = validateComplaintForm({ ...valid, scope: 'elected-official', commitment: '' }, context);
    expect(result.ok && result.complaint).toMatchObject({ inScope: false, outOfScopeReason: 'elected-official', commitment: undefined });
  });

  it.each([
    ['an e-mail address', 'Écrire à jean.dupont@example.org', 'une adresse e-mail'],
    ['a phone number', 'Rappeler au 06 12 34 56 78', 'un numéro de téléphone'],
    ['a social security number', 'NIR 1 85 05 78 006 084 91', 'un numéro de sécurité sociale'],
    ['a date of birth', 'Usager né le 12/03/1985', 'une date de naissance'],
    ['an IBAN', 'Rembourser sur FR76 3000 6000 0112 3456 7890 189', 'un IBAN'],
  ])('refuses a summary holding %s and says which', (_what, summary, named) => {
    expect(errorsOf({ ...valid, summary })).toEqual([{ field: 'summary', message: expect.stringContaining(named) }]);
  });

  it('refuses a received date in the future, naming today', () => {
    expect(errorsOf({ ...valid, receivedOn: '2027-03-16' })).toEqual([
      { field: 'receivedOn', message: 'La date de réception ne peut pas être dans le futur (aujourd’hui : 15/03/2027).' },
    ]);
    expect(errorsOf({ ...valid, receivedOn: '2027-03-15' })).toEqual([]);
  });

  it('refuses a received date more than a year old, or not a date', () => {
    expect(errorsOf({ ...valid, receivedOn: '2026-03-13' })[0]?.message).toContain('plus d’un an');
    expect(errorsOf({ ...valid, receivedOn: '2027-02-30' })[0]?.message).toContain('AAAA-MM-JJ');
  });

  it('refuses an unknown service, commitment or agent, and an agent of another service', () => {
    expect(errorsOf({ ...valid, service: 'XYZ' })).toEqual([{ field: 'service', message: 'Service « XYZ » inconnu : tapez « services » pour la liste.' }]);
    expect(errorsOf({ ...valid, commitment: 'E.99' })).toEqual([
      { field: 'commitment', message: 'Engagement « E.99 » inconnu du référentiel : tapez « engagements » pour la liste.' },
    ]);
    expect(errorsOf({ ...valid, assigneeId: '00000000-0000-0000-0000-000000000999' })).toEqual([{ field: 'assigneeId', message: 'Agent inconnu de l’annuaire.' }]);
    expect(errorsOf({ ...valid, assigneeId: cast.certAgent.id })).toEqual([
      { field: 'assigneeId', message: 'Emma Petit n’appartient pas au service BMI : choisissez un agent de ce service, ou changez de service.' },
    ]);
  });

  it('finds the agent by e-mail when the directory is too big to list', () => {
    const result = validateComplaintForm({ ...valid, assigneeId: 'Louis.Thomas@cher.gouv.fr' }, context);
    expect(result.ok && result.complaint.assigneeId).toBe(cast.agent.id);
  });

  it('reports every problem at once, each next to its field', () => {
    const errors = errorsOf({ channel: 'fax', kind: '', receivedOn: '2099-01-01', summary: 'jean@example.org', scope: 'secret', service: '', assigneeId: '' });
    expect(errors.map((error) => error.field)).toEqual(['channel', 'kind', 'receivedOn', 'summary', 'scope', 'service', 'assigneeId']);
  });

  it('speaks English when asked', () => {
    expect(errorsOf({ ...valid, receivedOn: '2027-03-20' }, { locale: 'en' })[0]?.message).toBe('The received date cannot be in the future (today: 2027-03-15).');
    expect(errorsOf({ ...valid, summary: 'mail me at a@b.fr' }, { locale: 'en' })[0]?.message).toContain('an e-mail address');
  });
});
