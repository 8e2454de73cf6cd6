import type { Complaint } from '../../services/complaints/complaint';
import { planComplaintReminders, type ComplaintPlanningInput } from '../../services/complaints/complaint-planner';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { sweepWindows } from '../support/sweep-windows';
import { calendar, cast, complaintWith, people } from './complaint-fixtures';

// An e-mail received Friday 12 March 2027, due Friday 19 March. Paris is UTC+1 until 28 March: 08:30 = 07:30Z.
const email = complaintWith();
const key = (stage: string, due = '2027-03-19') => `complaint:R-2027-0012:${due}:${stage}`;

const plan = (complaints: Complaint[], now: string, since?: string): PlannedReminder[] =>
  planComplaintReminders({ complaints, people, calendar, now: new Date(now), since: since ? new Date(since) : undefined });
const sweep = (complaints: Complaint[], from: string, to: string): PlannedReminder[] =>
  sweepWindows<Omit<ComplaintPlanningInput, 'since' | 'now'>, PlannedReminder>(planComplaintReminders, { complaints, people, calendar }, from, to).flat();
const summary = (planned: PlannedReminder[]) => planned.map((r) => [r.key, r.recipientId, r.notBefore]);

describe('complaint reminders (issue 6: 2 working days before, on the due date, escalation after)', () => {
  it('reminds the assignee of the acknowledgement, 2 working days before and on the due date, then escalates once', () => {
    expect(summary(sweep([email], '2027-03-12T10:00:00Z', '2027-03-26T12:00:00Z'))).toEqual([
      ['complaint:R-2027-0012:ack', cast.assignee.id, '2027-03-15T07:30:00.000Z'],
      [key('before-2'), cast.assignee.id, '2027-03-17T07:30:00.000Z'],
      [key('due'), cast.assignee.id, '2027-03-19T07:30:00.000Z'],
      [key(`escalation:${cast.manager.id}`), cast.manager.id, '2027-03-22T07:30:00.000Z'],
      [key(`escalation:${cast.rq.id}`), cast.rq.id, '2027-03-22T07:30:00.000Z'],
    ]);
  });

  it('says what to do in French and English, with a button that opens the complaint', () => {
    const [before] = plan([email], '2027-03-17T08:00:00Z', '2027-03-17T07:00:00Z');
    expect(before).toEqual({
      key: key('before-2'),
      recipientId: cast.assignee.id,
      notBefore: '2027-03-17T07:30:00.000Z',
      text: {
        fr: { title: 'Réclamation R-2027-0012 à traiter : Horaires d’ouverture jugés trop restreints', detail: 'Réponse attendue le 19/03/2027 (dans 2 jours ouvrés) — Courriel' },
        en: { title: 'Complaint R-2027-0012 to answer: Horaires d’ouverture jugés trop restreints', detail: 'Reply due on 2027-03-19 (in 2 working days) — E-mail' },
      },
      action: { verb: 'complaint.open', data: { id: 'R-2027-0012' }, title: { fr: 'Voir la réclamation', en: 'Open complaint' } },
    });
    const escalation = plan([email], '2027-03-22T08:00:00Z', '2027-03-22T07:00:00Z').find((r) => r.recipientId === cast.rq.id);
    expect(escalation?.text.fr).toEqual({
      title: 'Réclamation R-2027-0012 sans réponse à l’échéance : Horaires d’ouverture jugés trop restreints',
      detail: 'Agent : Adele Vance (BMI) — réponse attendue le 19/03/2027',
    });
  });

  it('asks for no acknowledgement once sent, nor for a letter', () => {
    const keys = (c: Complaint) => sweep([c], '2027-03-12T10:00:00Z', '2027-03-26T12:00:00Z').map((r) => r.key);
    expect(keys(complaintWith({ acknowledgedOn: '2027-03-12' }))).not.toContain('complaint:R-2027-0012:ack');
    expect(keys(complaintWith({ channel: 'letter', initialDueOn: '2027-03-26', dueOn: '2027-03-26' }))).not.toContain('complaint:R-2027-0012:ack');
  });

  it('starts a fresh schedule keyed on the new due date after a holding reply (summer time: 08:30 = 06:30Z)', () => {
    const held = complaintWith({
      dueOn: '2027-04-09',
      dueSetAt: '2027-03-18T10:00:00.000Z',
      acknowledgedOn: '2027-03-12',
      replies: [{ kind: 'holding', on: '2027-03-18', forecastOn: '2027-04-09', by: cast.assignee.id, at: '2027-03-18T10:00:00.000Z' }],
    });
    expect(summary(sweep([held], '2027-03-18T12:00:00Z', '2027-04-14T12:00:00Z'))).toEqual([
      [key('before-2', '2027-04-09'), cast.assignee.id, '2027-04-07T06:30:00.000Z'],
      [key('due', '2027-04-09'), cast.assignee.id, '2027-04-09T06:30:00.000Z'],
      [key(`escalation:${cast.manager.id}`, '2027-04-09'), cast.manager.id, '2027-04-12T06:30:00.000Z'],
      [key(`escalation:${cast.rq.id}`, '2027-04-09'), cast.rq.id, '2027-04-12T06:30:00.000Z'],
    ]);
  });

  it('collapses the stages already past when a complaint is logged late, and escalates at once', () => {
    const late = complaintWith({ channel: 'letter', receivedOn: '2027-02-22', initialDueOn: '2027-03-08', dueOn: '2027-03-08', dueSetAt: '2027-03-10T09:00:00.000Z', createdAt: '2027-03-10T09:00:00.000Z' });
    expect(summary(sweep([late], '2027-03-10T09:30:00Z', '2027-03-12T12:00:00Z'))).toEqual([
      [key('due', '2027-03-08'), cast.assignee.id, '2027-03-10T09:00:00.000Z'],
      [key(`escalation:${cast.manager.id}`, '2027-03-08'), cast.manager.id, '2027-03-10T09:00:00.000Z'],
      [key(`escalation:${cast.rq.id}`, '2027-03-08'), cast.rq.id, '2027-03-10T09:00:00.000Z'],
    ]);
  });

  it('plans only the latest stage reached on a first sweep, nothing for an answered complaint, nothing twice', () => {
    expect(plan([email], '2027-03-19T09:00:00Z').map((r) => r.key)).toEqual([key('due'), 'complaint:R-2027-0012:ack']);
    const answered = complaintWith({ state: 'answered', replies: [{ kind: 'substance', on: '2027-03-16', by: cast.assignee.id, at: '2027-03-16T10:00:00.000Z' }] });
    expect(sweep([answered], '2027-03-12T10:00:00Z', '2027-03-26T12:00:00Z')).toEqual([]);
    const all = sweep([email], '2027-03-12T10:00:00Z', '2027-03-26T12:00:00Z').map((r) => `${r.key}|${r.recipientId}`);
    expect(new Set(all).size).toBe(all.length);
    expect(plan([email], '2027-03-19T09:00:00Z', '2027-03-19T09:00:00Z')).toEqual([]);
  });

  it('gives the same keys whatever the sweep interval', () => {
    const keys = (hours: number) =>
      sweepWindows<Omit<ComplaintPlanningInput, 'since' | 'now'>, PlannedReminder>(planComplaintReminders, { complaints: [email], people, calendar }, '2027-03-12T10:00:00Z', '2027-03-26T12:00:00Z', hours)
        .flat()
        .map((r) => r.key);
    expect(keys(1)).toEqual(keys(24));
  });
});
