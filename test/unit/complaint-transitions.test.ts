import { complaintSchema, type Complaint } from '../../services/complaints/complaint';
import { answeredOnTime } from '../../services/complaints/complaint-deadline';
import { allowedComplaintSteps, decideComplaintStep, type ComplaintStep, type ComplaintStepInput } from '../../services/complaints/complaint-transitions';
import type { Person } from '../../services/directory/person';
import { cast, complaintWith, people, serviceCodes } from './complaint-fixtures';

const now = new Date('2027-03-17T10:00:00.000Z');
const context = { now, today: '2027-03-17', people, serviceCodes };

function decide(complaint: Complaint, step: ComplaintStep, actor: Person, input: Partial<ComplaintStepInput> = {}) {
  return decideComplaintStep(complaint, step, actor, { revision: complaint.revision, ...input }, context);
}
function next(complaint: Complaint, step: ComplaintStep, actor: Person, input: Partial<ComplaintStepInput> = {}): Complaint {
  const result = decide(complaint, step, actor, input);
  if (!result.ok) throw new Error(result.reason);
  expect(complaintSchema.safeParse(result.next).success).toBe(true);
  return result.next;
}
const reasonOf = (result: ReturnType<typeof decide>) => (result.ok ? 'accepted' : result.reason);

describe('steps on a complaint (issue 6)', () => {
  const open = complaintWith();

  it('offers the assignee the acknowledgement and the replies, and the manager and quality officer the rest', () => {
    expect(allowedComplaintSteps(open, cast.assignee)).toEqual(['acknowledge', 'substance', 'holding']);
    expect(allowedComplaintSteps(open, cast.manager)).toEqual(['acknowledge', 'substance', 'holding', 'reassign', 'close']);
    expect(allowedComplaintSteps(open, cast.rq)).toEqual(['acknowledge', 'substance', 'holding', 'reassign', 'close']);
    expect(allowedComplaintSteps(open, cast.otherManager)).toEqual([]);
    expect(allowedComplaintSteps(open, cast.admin)).toEqual([]);
    expect(allowedComplaintSteps(complaintWith({ channel: 'letter' }), cast.assignee)).toEqual(['substance', 'holding']);
  });

  it('records the acknowledgement of an e-mail once, on a day between receipt and today (17.3)', () => {
    const acknowledged = next(open, 'acknowledge', cast.assignee, { on: '2027-03-12' });
    expect(acknowledged).toMatchObject({ acknowledgedOn: '2027-03-12', revision: 1 });
    expect(reasonOf(decide(acknowledged, 'acknowledge', cast.assignee))).toContain('déjà enregistré (le 12/03/2027)');
    expect(reasonOf(decide(open, 'acknowledge', cast.assignee, { on: '2027-03-18' }))).toContain('futur');
    expect(reasonOf(decide(open, 'acknowledge', cast.assignee, { on: '2027-03-11' }))).toContain('précéder la réception (12/03/2027)');
    expect(reasonOf(decide(complaintWith({ channel: 'letter' }), 'acknowledge', cast.assignee))).toBe('Ce canal n’appelle pas d’accusé de réception.');
  });

  it('answers on the substance (today when no day is given) and judges it in time', () => {
    const answered = next(open, 'substance', cast.assignee);
    expect(answered).toMatchObject({ state: 'answered', replies: [{ kind: 'substance', on: '2027-03-17', by: cast.assignee.id }] });
    expect(answeredOnTime(answered)).toBe(true);
  });

  it('moves the due date to the forecast of a holding reply, which restarts the schedule', () => {
    const held = next(open, 'holding', cast.assignee, { on: '2027-03-16', forecastOn: '2027-04-09' });
    expect(held).toMatchObject({ state: 'open', dueOn: '2027-04-09', initialDueOn: '2027-03-19', dueSetAt: now.toISOString() });
    expect(held.replies).toEqual([{ kind: 'holding', on: '2027-03-16', forecastOn: '2027-04-09', by: cast.assignee.id, at: now.toISOString() }]);
    const answered = next(held, 'substance', cast.assignee, { on: '2027-03-17' });
    expect(answeredOnTime(answered)).toBe(true);
  });

  it('refuses a forecast not after today, before the due date in force, or more than 6 months away', () => {
    expect(reasonOf(decide(open, 'holding', cast.assignee, { forecastOn: '' }))).toContain('date prévisionnelle');
    expect(reasonOf(decide(open, 'holding', cast.assignee, { forecastOn: '2027-03-17' }))).toContain('postérieure à aujourd’hui (17/03/2027)');
    expect(reasonOf(decide(open, 'holding', cast.assignee, { forecastOn: '2027-03-18' }))).toContain('échéance en vigueur (19/03/2027)');
    expect(reasonOf(decide(open, 'holding', cast.assignee, { forecastOn: '2027-12-01' }))).toContain('plus de 6 mois');
    expect(decide(open, 'holding', cast.assignee, { forecastOn: '2027-03-19' }).ok).toBe(true);
  });

  it('refuses a reply dated before the last one recorded', () => {
    const held = next(open, 'holding', cast.assignee, { on: '2027-03-16', forecastOn: '2027-04-09' });
    expect(reasonOf(decide(held, 'substance', cast.assignee, { on: '2027-03-15' }))).toContain('réponse déjà enregistrée du 16/03/2027');
  });

  it('lets only the assignee, the service’s managers and the quality officer reply', () => {
    expect(reasonOf(decide(open, 'substance', cast.agent))).toContain('Seuls l’agent chargé');
    expect(reasonOf(decide(open, 'substance', cast.otherManager))).toContain('Seuls l’agent chargé');
    expect(decide(open, 'substance', cast.manager).ok).toBe(true);
  });

  it('reassigns (managers, quality officer) to an agent whose service the complaint follows', () => {
    const moved = next(open, 'reassign', cast.rq, { assigneeId: cast.certAgent.id });
    expect(moved).toMatchObject({ assigneeId: cast.certAgent.id, service: 'CERT', assignedAt: now.toISOString() });
    expect(reasonOf(decide(open, 'reassign', cast.assignee, { assigneeId: cast.agent.id }))).toContain('Seuls les encadrants');
    expect(reasonOf(decide(open, 'reassign', cast.manager, { assigneeId: cast.assignee.id }))).toContain('déjà chargé(e)');
    expect(reasonOf(decide(open, 'reassign', cast.manager, { assigneeId: 'nobody' }))).toBe('Agent inconnu de l’annuaire.');
  });

  it('files an open complaint only with a reason free of personal data, an answered one with an optional comment', () => {
    expect(reasonOf(decide(open, 'close', cast.manager))).toContain('Indiquez pourquoi');
    expect(reasonOf(decide(open, 'close', cast.manager, { reason: 'Doublon du courriel de jean@example.org' }))).toContain('une adresse e-mail');
    expect(next(open, 'close', cast.manager, { reason: 'Doublon de R-2027-0011' })).toMatchObject({ state: 'closed', closedOn: '2027-03-17', closeReason: 'Doublon de R-2027-0011' });
    const answered = next(open, 'substance', cast.assignee);
    expect(next(answered, 'close', cast.assignee)).toMatchObject({ state: 'closed', closeReason: undefined });
    expect(reasonOf(decide(next(answered, 'close', cast.assignee), 'substance', cast.assignee))).toBe('Cette réclamation est déjà classée.');
  });

  it('refuses a stale card and a reply to an answered complaint', () => {
    expect(decide(open, 'substance', cast.assignee, { revision: 3 })).toMatchObject({ ok: false, code: 'stale' });
    const answered = next(open, 'substance', cast.assignee);
    expect(decide(answered, 'holding', cast.assignee, { forecastOn: '2027-04-09' })).toMatchObject({ ok: false, code: 'wrong-state' });
  });

  it('audits each step with the versions before and after', () => {
    const result = decide(open, 'acknowledge', cast.assignee);
    expect(result.ok && result.audit).toMatchObject({ actorId: cast.assignee.id, action: 'complaint.acknowledge', entityType: 'complaint', entityId: 'R-2027-0012', before: open });
  });
});
