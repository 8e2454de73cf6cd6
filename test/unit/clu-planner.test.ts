import type { CluAnswer, CluMeeting } from '../../services/clu/clu-meeting';
import { planCluReminders, type CluPlanningInput } from '../../services/clu/clu-planner';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { sweepWindows } from '../support/sweep-windows';
import { answer, calendar, cast, heldMeeting, people, plannedMeeting } from './clu-fixtures';

const answersOf = (answers: CluAnswer[]) => new Map([['CLU-2027', answers]]);
const plan = (meetings: CluMeeting[], now: string, since?: string, answers: CluAnswer[] = []): PlannedReminder[] =>
  planCluReminders({ meetings, answers: answersOf(answers), people, calendar, now: new Date(now), since: since ? new Date(since) : undefined });
const sweep = (meetings: CluMeeting[], from: string, to: string, answers: CluAnswer[] = []): PlannedReminder[] =>
  sweepWindows<Omit<CluPlanningInput, 'since' | 'now'>, PlannedReminder>(planCluReminders, { meetings, answers: answersOf(answers), people, calendar }, from, to).flat();
const summary = (planned: PlannedReminder[]) => planned.map((r) => [r.key, r.recipientId, r.notBefore]);

describe('CLU reminders to the quality officer: next meeting due (DOMAIN §4, issue 7)', () => {
  // Last meeting held Tuesday 17 February 2026: the next is due by Wednesday 17 February 2027. Paris is UTC+1: 08:30 = 07:30Z.
  it('reminds every quality officer 3 months and 1 month before the due date, and on it (a Sunday moves back to the Friday)', () => {
    expect(summary(sweep([heldMeeting()], '2026-11-10T10:00:00Z', '2027-02-20T12:00:00Z'))).toEqual([
      ['clu-due:2027-02-17:before-3m', cast.rq.id, '2026-11-17T07:30:00.000Z'],
      ['clu-due:2027-02-17:before-1m', cast.rq.id, '2027-01-15T07:30:00.000Z'],
      ['clu-due:2027-02-17:due', cast.rq.id, '2027-02-17T07:30:00.000Z'],
    ]);
  });

  it('says when it is due and when the last one was, with a button that opens the meeting form', () => {
    const [reminder] = plan([heldMeeting()], '2027-01-15T08:00:00Z', '2027-01-15T07:00:00Z');
    expect(reminder).toEqual({
      key: 'clu-due:2027-02-17:before-1m',
      recipientId: cast.rq.id,
      notBefore: '2027-01-15T07:30:00.000Z',
      text: {
        fr: { title: 'Prochain CLU à tenir avant le 17/02/2027 (dans 33 jours) : aucune réunion n’est planifiée', detail: 'Dernière réunion le 17/02/2026 ; le comité se réunit au moins une fois par an.' },
        en: { title: 'Next CLU due by 2027-02-17 (in 33 days): no meeting is planned', detail: 'Last meeting on 2026-02-17; the committee meets at least once a year.' },
      },
      action: { verb: 'clu.form', data: {}, title: { fr: 'Planifier le CLU', en: 'Schedule the CLU' } },
    });
  });

  it('plans only the latest stage reached on the first sweep', () => {
    expect(plan([heldMeeting()], '2027-01-20T10:00:00Z').map((r) => r.key)).toEqual(['clu-due:2027-02-17:before-1m']);
    expect(plan([heldMeeting()], '2026-11-01T10:00:00Z')).toEqual([]);
  });

  it('sends nothing while a meeting is planned, nor without any past meeting', () => {
    expect(sweep([heldMeeting(), plannedMeeting({ scheduledAt: '2026-11-02T09:00:00.000Z' })], '2026-11-10T10:00:00Z', '2027-02-20T12:00:00Z')).toEqual([]);
    expect(sweep([], '2026-11-10T10:00:00Z', '2027-02-20T12:00:00Z')).toEqual([]);
  });

  it('counts from a cancelled meeting’s predecessor: cancelling brings the reminders back', () => {
    const cancelled = plannedMeeting({ state: 'cancelled', cancelledAt: '2027-01-05T09:00:00.000Z' });
    expect(plan([heldMeeting(), cancelled], '2027-01-15T08:00:00Z', '2027-01-15T07:00:00Z').map((r) => r.key)).toEqual(['clu-due:2027-02-17:before-1m']);
  });
});

describe('CLU reminders to the invited members (a week and a day before)', () => {
  // Planned on 1 February for Tuesday 16 March 2027 at 14:00: 9 March and Monday 15 March at 08:30 (07:30Z).
  const meetings = [heldMeeting(), plannedMeeting()];

  it('reminds every member who has not said excused, 7 days and 1 day before', () => {
    const answers = [answer(cast.megan.id, 'present'), answer(cast.lynne.id, 'excused')];
    const key = (stage: string) => `clu-invitation:CLU-2027:2027-03-16T13:00:00.000Z:${stage}`;
    expect(summary(sweep(meetings, '2027-02-01T10:00:00Z', '2027-03-17T12:00:00Z', answers))).toEqual([
      [key('before-7d'), cast.rq.id, '2027-03-09T07:30:00.000Z'],
      [key('before-7d'), cast.megan.id, '2027-03-09T07:30:00.000Z'],
      [key('before-1d'), cast.rq.id, '2027-03-15T07:30:00.000Z'],
      [key('before-1d'), cast.megan.id, '2027-03-15T07:30:00.000Z'],
    ]);
  });

  it('asks the undecided to answer and reminds the others of the meeting, in both languages', () => {
    const planned = plan(meetings, '2027-03-15T08:00:00Z', '2027-03-15T07:00:00Z', [answer(cast.megan.id, 'present')]);
    const toRq = planned.find((r) => r.recipientId === cast.rq.id);
    const toMegan = planned.find((r) => r.recipientId === cast.megan.id);
    expect(toRq?.text).toEqual({
      fr: { title: 'CLU demain : mardi 16 mars 2027 à 14:00', detail: 'Répondez à l’invitation : présent(e) ou excusé(e) — Préfecture du Cher, salle Jean Moulin.' },
      en: { title: 'CLU tomorrow: Tuesday, 16 March 2027 at 14:00', detail: 'Answer the invitation: attending or excused — Préfecture du Cher, salle Jean Moulin.' },
    });
    expect(toRq?.action).toEqual({ verb: 'command.run', data: { command: 'clu' }, title: { fr: 'Répondre', en: 'Answer' } });
    expect(toMegan?.text.fr).toEqual({ title: 'CLU demain : mardi 16 mars 2027 à 14:00', detail: 'Vous avez confirmé votre présence — Préfecture du Cher, salle Jean Moulin.' });
  });

  it('skips the stages already past when the meeting was planned: the invitation itself was the notice', () => {
    const late = [heldMeeting(), plannedMeeting({ scheduledAt: '2027-03-12T10:00:00.000Z' })];
    expect(sweep(late, '2027-03-12T10:00:00Z', '2027-03-17T12:00:00Z').map((r) => r.key)).toEqual([
      'clu-invitation:CLU-2027:2027-03-16T13:00:00.000Z:before-1d',
      'clu-invitation:CLU-2027:2027-03-16T13:00:00.000Z:before-1d',
      'clu-invitation:CLU-2027:2027-03-16T13:00:00.000Z:before-1d',
    ]);
  });

  it('starts afresh when the meeting moves: an answer for the old date no longer excuses', () => {
    const moved = [heldMeeting(), plannedMeeting({ startsAt: '2027-03-23T13:00:00.000Z', scheduledAt: '2027-03-01T10:00:00.000Z' })];
    const planned = sweep(moved, '2027-03-10T10:00:00Z', '2027-03-24T12:00:00Z', [answer(cast.lynne.id, 'excused')]);
    expect(planned.map((r) => r.key)).toContain('clu-invitation:CLU-2027:2027-03-23T13:00:00.000Z:before-7d');
    expect(planned.filter((r) => r.recipientId === cast.lynne.id)).toHaveLength(2);
  });
});

describe('CLU reminders for the minutes (weekly from their due date until recorded)', () => {
  // Held Tuesday 16 March 2027: minutes due Friday 16 April. Summer time from 28 March: 08:30 = 06:30Z.
  const held = heldMeeting({
    id: 'CLU-2027',
    startsAt: '2027-03-16T13:00:00.000Z',
    heldOn: '2027-03-16',
    heldAt: '2027-03-16T16:00:00.000Z',
    minutesDueOn: '2027-04-16',
    minutesRecordedOn: undefined,
  });

  it('asks the quality officer on the due day and every week after', () => {
    expect(summary(sweep([held], '2027-04-01T10:00:00Z', '2027-05-01T12:00:00Z'))).toEqual([
      ['clu-minutes:CLU-2027:2027-04-16:due', cast.rq.id, '2027-04-16T06:30:00.000Z'],
      ['clu-minutes:CLU-2027:2027-04-16:overdue-1', cast.rq.id, '2027-04-23T06:30:00.000Z'],
      ['clu-minutes:CLU-2027:2027-04-16:overdue-2', cast.rq.id, '2027-04-30T06:30:00.000Z'],
    ]);
    const [reminder] = plan([held], '2027-04-16T08:00:00Z', '2027-04-16T06:00:00Z');
    expect(reminder?.text.fr).toEqual({
      title: 'Compte rendu du CLU du 16/03/2027 attendu le 16/04/2027',
      detail: 'Diffusez-le aux membres puis enregistrez sa date (« Compte rendu reçu le … » sur la carte « clu »).',
    });
  });

  it('stops once their date is recorded, and never asks for a cancelled meeting’s', () => {
    expect(sweep([{ ...held, minutesRecordedOn: '2027-04-20' }], '2027-04-01T10:00:00Z', '2027-05-01T12:00:00Z')).toEqual([]);
    const cancelled = plannedMeeting({ state: 'cancelled', cancelledAt: '2027-03-01T09:00:00.000Z' });
    const keys = sweep([heldMeeting(), cancelled], '2027-04-01T10:00:00Z', '2027-05-01T12:00:00Z').map((r) => r.key);
    // Overdue since 17 February with nothing planned: the first sweep brings the due-day reminder back, no minutes one.
    expect(keys).toEqual(['clu-due:2027-02-17:due']);
  });

  it('asks to mark as held a meeting whose date has passed unmarked', () => {
    const unmarked = plannedMeeting();
    const planned = plan([heldMeeting(), unmarked], '2027-04-16T08:00:00Z', '2027-04-16T06:00:00Z');
    expect(planned.map((r) => [r.key, r.text.fr.title])).toEqual([['clu-minutes:CLU-2027:2027-04-16:due', 'CLU du 16/03/2027 : réunion à marquer comme tenue']]);
  });
});
