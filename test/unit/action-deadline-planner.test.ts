import { planActionReminders, type ActionPlanningInput } from '../../services/action-plan/action-deadline-planner';
import type { ActionItem } from '../../services/action-plan/action-item';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { sweepWindows } from '../support/sweep-windows';
import { cast, itemIn, people } from './action-fixtures';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });

// Deadline Monday 1 March 2027 (winter time, 08:30 Paris = 07:30Z). Working days back: 14 → Tuesday 9 February,
// 3 → Wednesday 24 February; overdue weekly from Monday 8 March; 5 working days overdue → Monday 8 March.
const item = itemIn('in-progress', { id: '2027-05', year: 2027, deadline: '2027-03-01', deadlineSetAt: '2027-01-04T08:00:00.000Z' });
const key = (stage: string, deadline = '2027-03-01') => `action:2027-05:${deadline}:${stage}`;

function plan(items: ActionItem[], now: string, since?: string): PlannedReminder[] {
  return planActionReminders({ items, people, calendar, now: new Date(now), since: since ? new Date(since) : undefined });
}
const sweep = (items: ActionItem[], from: string, to: string): PlannedReminder[] =>
  sweepWindows<Omit<ActionPlanningInput, 'since' | 'now'>, PlannedReminder>(planActionReminders, { items, people, calendar }, from, to).flat();

describe('action-plan reminders (issue 5: 14 and 3 working days before, on the deadline, weekly after, escalation)', () => {
  it('reminds the owner on each stage and escalates once to the owning services’ managers and the quality officer', () => {
    const planned = sweep([item], '2027-01-04T09:00:00Z', '2027-03-16T12:00:00Z');
    expect(planned.map((r) => [r.key, r.recipientId, r.notBefore])).toEqual([
      [key('before-14'), cast.owner.id, '2027-02-09T07:30:00.000Z'],
      [key('before-3'), cast.owner.id, '2027-02-24T07:30:00.000Z'],
      [key('due'), cast.owner.id, '2027-03-01T07:30:00.000Z'],
      [key('overdue-1'), cast.owner.id, '2027-03-08T07:30:00.000Z'],
      [key(`escalation:${cast.manager.id}`), cast.manager.id, '2027-03-08T07:30:00.000Z'],
      [key(`escalation:${cast.blsManager.id}`), cast.blsManager.id, '2027-03-08T07:30:00.000Z'],
      [key(`escalation:${cast.rq.id}`), cast.rq.id, '2027-03-08T07:30:00.000Z'],
      [key('overdue-2'), cast.owner.id, '2027-03-15T07:30:00.000Z'],
    ]);
  });

  it('says what to do, in French and English, with a button that opens the action', () => {
    const [before3] = plan([item], '2027-02-24T08:00:00Z', '2027-02-24T07:00:00Z');
    expect(before3).toEqual({
      key: key('before-3'),
      recipientId: cast.owner.id,
      notBefore: '2027-02-24T07:30:00.000Z',
      text: {
        fr: { title: 'Action 2027-05 à réaliser : Boîte à suggestions peu visible', detail: 'Échéance le 01/03/2027 (dans 3 jours ouvrés)' },
        en: { title: 'Action 2027-05 to complete: Boîte à suggestions peu visible', detail: 'Due on 2027-03-01 (in 3 working days)' },
      },
      action: { verb: 'action.open', data: { id: '2027-05' }, title: { fr: 'Voir l’action', en: 'Open action' } },
    });
    const [escalation] = plan([item], '2027-03-08T08:00:00Z', '2027-03-08T07:00:00Z').filter((r) => r.recipientId === cast.rq.id);
    expect(escalation?.text.fr).toEqual({
      title: 'Action 2027-05 en retard de 5 jours ouvrés : Boîte à suggestions peu visible',
      detail: 'Pilote : Adele Vance (BMI / BLS) — échéance le 01/03/2027',
    });
  });

  it('moves stages off holidays: a deadline on 14 July is reminded on the working day before it', () => {
    const july = itemIn('planned', { deadline: '2027-07-14', deadlineSetAt: '2027-05-03T08:00:00.000Z' });
    const planned = sweep([july], '2027-07-01T00:00:00Z', '2027-07-22T12:00:00Z').filter((r) => r.recipientId === cast.owner.id);
    // The first sweep (1 July) catches up the stage already reached: before-14, on Thursday 24 June.
    expect(planned.map((r) => [r.key.split(':').at(-1), r.notBefore])).toEqual([
      ['before-14', '2027-06-24T06:30:00.000Z'],
      ['before-3', '2027-07-09T06:30:00.000Z'],
      ['due', '2027-07-13T06:30:00.000Z'],
      ['overdue-1', '2027-07-21T06:30:00.000Z'],
    ]);
  });

  it('sends one reminder, not two, when the deadline is set after both "before" stages passed', () => {
    const late = { ...item, deadlineSetAt: '2027-02-25T10:00:00.000Z' };
    const planned = plan([late], '2027-02-25T12:00:00Z', '2027-02-25T09:00:00Z');
    expect(planned.map((r) => [r.key, r.notBefore, r.text.fr.detail])).toEqual([[key('before-3'), '2027-02-25T10:00:00.000Z', 'Échéance le 01/03/2027 (dans 2 jours ouvrés)']]);
  });

  it('starts fresh keys when the deadline moves', () => {
    const moved = { ...item, deadline: '2027-03-08', deadlineSetAt: '2027-02-20T10:00:00.000Z' };
    expect(plan([moved], '2027-03-08T08:00:00Z', '2027-03-08T07:00:00Z').map((r) => r.key)).toEqual([key('due', '2027-03-08')]);
  });

  it('on a first sweep, reminds the owner once (latest stage) and escalates what is due', () => {
    expect(plan([item], '2027-03-20T10:00:00Z').map((r) => r.key)).toEqual([
      key('overdue-2'),
      key(`escalation:${cast.manager.id}`),
      key(`escalation:${cast.blsManager.id}`),
      key(`escalation:${cast.rq.id}`),
    ]);
  });

  it('reminds the approvers once a closure waited 3 working days, keyed by when it was marked done', () => {
    // Marked done Thursday 4 March 16:00 Paris → Tuesday 9 March 08:30.
    const awaiting = { ...item, state: 'awaiting-approval' as const, verification: 'Urne déplacée', effective: true, submittedAt: '2027-03-04T15:00:00.000Z', submittedBy: cast.owner.id };
    const planned = sweep([awaiting], '2027-03-04T16:00:00Z', '2027-03-20T00:00:00Z');
    expect(planned.map((r) => [r.key, r.notBefore])).toEqual(
      [cast.manager, cast.blsManager, cast.rq].map((p) => [`action-approval:2027-05:2027-03-04T15:00:00.000Z:${p.id}`, '2027-03-09T07:30:00.000Z']),
    );
    expect(planned[0]?.text.fr).toEqual({
      title: 'Action 2027-05 à valider : Boîte à suggestions peu visible',
      detail: 'Déclarée réalisée le 04/03/2027 par Adele Vance, sans décision depuis 3 jours ouvrés',
    });
  });

  it('reminds nobody of proposals, closed, cancelled or declined actions', () => {
    const quiet = (['proposed', 'closed', 'cancelled', 'rejected-proposal'] as const).map((state) => itemIn(state, { deadline: '2027-03-01' }));
    expect(sweep(quiet, '2027-01-04T09:00:00Z', '2027-04-01T00:00:00Z')).toEqual([]);
  });

  it('plans nothing for an empty or reversed window', () => {
    expect(plan([item], '2027-03-01T08:00:00Z', '2027-03-01T08:00:00Z')).toEqual([]);
    expect(plan([item], '2027-03-01T08:00:00Z', '2027-03-02T08:00:00Z')).toEqual([]);
  });
});
