import type { Person } from '../../services/directory/person';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { planTrainingReminders, type TrainingPlanInput } from '../../services/training/training-planner';
import type { TrainingRecord } from '../../services/training/training-record';
import { sweepWindows } from '../support/sweep-windows';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, overrides: Partial<Person> = {}): Person {
  return { id: id(n), name: `Agent ${n}`, service: 'BLS', roles: ['agent'], toAssign: false, createdAt: '2022-01-10T09:00:00.000Z', ...overrides };
}

function record(personId: string, typeId: string, completedOn: string, declaredAt = `${completedOn}T12:00:00.000Z`): TrainingRecord {
  return { personId, typeId, completedOn, title: 'Session', mode: 'presentiel', declaredBy: personId, declaredAt };
}

/** Only the continuous training (4.2): required of everyone, so one (person, type) pair per person. */
const continuous = defaultTrainingTypes.filter((type) => type.id === 'formation-continue');

// Continuous training completed 2023-03-12, expires Friday 2027-03-12. Stage days, checked with a calendar:
// before-180 Sun 2026-09-13, before-90 Sat 2026-12-12, before-30 Wed 2027-02-10, expired-0 Fri 2027-03-12,
// expired-1 Fri 2027-03-26 (still winter time), expired-2 Fri 2027-04-09 (summer time since 28 March).
const raphael = person(112);
const raphaelDone = record(raphael.id, 'formation-continue', '2023-03-12');
const keyOf = (stage: string, expiry = '2027-03-12', who = raphael) => `training:${who.id}:formation-continue:${expiry}:${stage}`;

function plan(overrides: Partial<TrainingPlanInput> & Pick<TrainingPlanInput, 'now'>): PlannedReminder[] {
  return planTrainingReminders({ people: [raphael], types: continuous, records: [raphaelDone], calendar, ...overrides });
}

const sweep = (input: Omit<TrainingPlanInput, 'now' | 'since'>, from: string, to: string, everyHours = 6): PlannedReminder[][] =>
  sweepWindows(planTrainingReminders, input, from, to, everyHours);

describe('training reminders to the person (DOMAIN §2: 180, 90, 30 days before, every 2 weeks after)', () => {
  it('plans each stage at the start of the sending window of its day or of the next working day, in UTC', () => {
    const planned = plan({ since: new Date('2026-09-01T00:00:00Z'), now: new Date('2027-04-10T00:00:00Z') });
    expect(planned.map(({ key, notBefore }) => [key, notBefore])).toEqual([
      [keyOf('before-180'), '2026-09-14T06:30:00.000Z'], // Sunday → Monday 08:30 Paris summer time
      [keyOf('before-90'), '2026-12-14T07:30:00.000Z'], // Saturday → Monday 08:30 Paris winter time
      [keyOf('before-30'), '2027-02-10T07:30:00.000Z'],
      [keyOf('expired-0'), '2027-03-12T07:30:00.000Z'],
      [keyOf('expired-1'), '2027-03-26T07:30:00.000Z'],
      [keyOf('expired-2'), '2027-04-09T06:30:00.000Z'],
    ]);
  });

  it('says when the training falls due, counted from the day the reminder goes out, and offers to declare it', () => {
    const [before90] = plan({ since: new Date('2026-12-13T00:00:00Z'), now: new Date('2026-12-14T08:00:00Z') });
    expect(before90).toEqual({
      key: keyOf('before-90'),
      recipientId: raphael.id,
      notBefore: '2026-12-14T07:30:00.000Z',
      text: {
        fr: { title: 'Formation à renouveler : Formation continue (4.2)', detail: 'Échéance le 12/03/2027 (dans 88 jours)' },
        en: { title: 'Training to renew: Continuous training (4.2)', detail: 'Due on 2027-03-12 (in 88 days)' },
      },
      action: { verb: 'training.declareForm', data: { typeId: 'formation-continue' }, title: { fr: 'Déclarer la formation', en: 'Declare training' } },
    });
    const [expired1] = plan({ since: new Date('2027-03-26T07:00:00Z'), now: new Date('2027-03-26T08:00:00Z') });
    expect(expired1?.text).toEqual({
      fr: { title: 'Formation à renouveler : Formation continue (4.2)', detail: 'Expirée depuis le 12/03/2027' },
      en: { title: 'Training to renew: Continuous training (4.2)', detail: 'Expired since 2027-03-12' },
    });
  });

  it('plans nothing before the start of the window, and the stage once the window opens', () => {
    expect(plan({ since: new Date('2027-02-10T00:00:00Z'), now: new Date('2027-02-10T07:29:59Z') })).toEqual([]);
    expect(plan({ since: new Date('2027-02-10T07:29:59Z'), now: new Date('2027-02-10T07:30:00Z') }).map((r) => r.key)).toEqual([
      keyOf('before-30'),
    ]);
    expect(plan({ since: new Date('2027-02-10T07:30:00Z'), now: new Date('2027-02-11T07:30:00Z') })).toEqual([]);
  });

  it('plans only the latest stage already reached on the first sweep, not the whole history', () => {
    const planned = plan({ now: new Date('2027-06-01T10:00:00Z') });
    // 81 days after expiry: expired-5 on Friday 2027-05-21.
    expect(planned.map(({ key, notBefore }) => [key, notBefore])).toEqual([[keyOf('expired-5'), '2027-05-21T06:30:00.000Z']]);
    expect(plan({ now: new Date('2026-09-01T10:00:00Z') })).toEqual([]);
    expect(plan({ now: new Date('2026-09-14T06:29:00Z') })).toEqual([]);
  });

  it('plans each key exactly once over a year of sweeps every 6 hours, one key per stage', () => {
    const batches = sweep({ people: [raphael], types: continuous, records: [raphaelDone], calendar }, '2026-09-01T00:00:00Z', '2027-09-01T00:00:00Z');
    const keys = batches.flat().map((reminder) => reminder.key);
    expect(new Set(keys).size).toBe(keys.length);
    const stages = keys.map((key) => key.split(':').at(-1));
    expect(stages).toEqual(['before-180', 'before-90', 'before-30', ...Array.from({ length: 13 }, (_, n) => `expired-${n}`)]);
    expect(batches.every((batch) => batch.length <= 1)).toBe(true);
  });

  it('stops the expired reminders once a new completion is declared, and starts a new cycle', () => {
    const renewed = record(raphael.id, 'formation-continue', '2027-04-12', '2027-04-13T09:00:00.000Z');
    const before = sweep({ people: [raphael], types: continuous, records: [raphaelDone], calendar }, '2027-03-01T00:00:00Z', '2027-04-13T06:00:00Z');
    const after = planTrainingReminders({
      people: [raphael],
      types: continuous,
      records: [raphaelDone, renewed],
      since: new Date('2027-04-13T06:00:00Z'),
      now: new Date('2031-01-01T00:00:00Z'),
      calendar,
    });
    // The first sweep, on 1 March, catches up with before-30 only.
    expect(before.flat().map((r) => r.key)).toEqual([keyOf('before-30'), keyOf('expired-0'), keyOf('expired-1'), keyOf('expired-2')]);
    // New expiry Saturday 2031-04-12 → before-180 Monday 2030-10-14.
    expect(after.map(({ key, notBefore }) => [key, notBefore])).toEqual([[keyOf('before-180', '2031-04-12'), '2030-10-14T06:30:00.000Z']]);
  });

  it('reminds a person with nothing on record from the day they were registered, then every two weeks', () => {
    // Registered on Thursday 24 December 2026 at 19:00 Paris, after the window; 25 December is a holiday.
    const newcomer = person(150, { createdAt: '2026-12-24T18:00:00.000Z' });
    const batches = sweep({ people: [newcomer], types: continuous, records: [], calendar }, '2026-12-24T12:00:00Z', '2027-01-25T00:00:00Z');
    expect(batches.flat().map(({ key, notBefore, text }) => [key, notBefore, text.fr.detail])).toEqual([
      [keyOf('expired-0', 'none', newcomer), '2026-12-28T07:30:00.000Z', 'Aucune formation enregistrée'],
      [keyOf('expired-1', 'none', newcomer), '2027-01-07T07:30:00.000Z', 'Aucune formation enregistrée'],
      [keyOf('expired-2', 'none', newcomer), '2027-01-21T07:30:00.000Z', 'Aucune formation enregistrée'],
    ]);
    expect(batches.flat()[0]?.text.fr.title).toBe('Formation à suivre : Formation continue (4.2)');
  });

  it('reminds a person registered during office hours the same day, even after the sweep that began it', () => {
    const newcomer = person(151, { createdAt: '2027-01-12T13:05:00.000Z' }); // Tuesday 14:05 Paris
    const planned = planTrainingReminders({
      people: [newcomer],
      types: continuous,
      records: [],
      since: new Date('2027-01-12T12:00:00Z'),
      now: new Date('2027-01-12T18:00:00Z'),
      calendar,
    });
    expect(planned.map(({ key, notBefore }) => [key, notBefore])).toEqual([[keyOf('expired-0', 'none', newcomer), '2027-01-12T13:05:00.000Z']]);
  });

  it('sends one reminder when a training declared late is already expired, not one per missed stage', () => {
    // Completed 2023-01-10, expired 2027-01-10, declared Wednesday 2 June 2027 at 16:00 Paris.
    const late = record(raphael.id, 'formation-continue', '2023-01-10', '2027-06-02T14:00:00.000Z');
    const batches = sweep({ people: [raphael], types: continuous, records: [late], calendar }, '2027-06-02T12:00:00Z', '2027-06-20T00:00:00Z');
    expect(batches.flat().map(({ key, notBefore }) => [key, notBefore])).toEqual([
      [keyOf('expired-10', '2027-01-10'), '2027-06-02T14:00:00.000Z'],
      [keyOf('expired-11', '2027-01-10'), '2027-06-14T06:30:00.000Z'], // Sunday 13 June → Monday
    ]);
  });

  it('plans no reminder ahead of expiry that would fall before the completion itself', () => {
    const shortLived = continuous.map((type) => ({ ...type, validityMonths: 2 }));
    const done = record(raphael.id, 'formation-continue', '2027-01-04', '2027-01-04T12:00:00.000Z');
    const planned = planTrainingReminders({
      people: [raphael],
      types: shortLived,
      records: [done],
      since: new Date('2027-01-04T12:00:00Z'),
      now: new Date('2027-03-05T00:00:00Z'),
      calendar,
    });
    expect(planned.map((r) => r.key.split(':').at(-1))).toEqual(['before-30', 'expired-0']);
  });

  it('plans nothing for people the training does not cover, nor for inactive types', () => {
    const blsAgent = person(113);
    const bmiOnly = defaultTrainingTypes.filter((type) => type.id === 'plan-formation-titres-etrangers');
    const window = { since: new Date('2020-01-01T00:00:00Z'), now: new Date('2030-01-01T00:00:00Z'), calendar };
    expect(planTrainingReminders({ people: [blsAgent], types: bmiOnly, records: [], ...window })).toEqual([]);
    const inactive = continuous.map((type) => ({ ...type, active: false }));
    expect(planTrainingReminders({ people: [blsAgent], types: inactive, records: [], ...window })).toEqual([]);
    expect(planTrainingReminders({ people: [blsAgent], types: continuous, records: [], ...window }).length).toBeGreaterThan(0);
  });

  it('returns the same reminders for the same inputs, and nothing for an empty or reversed window', () => {
    const input = { since: new Date('2026-09-01T00:00:00Z'), now: new Date('2027-09-01T00:00:00Z') };
    expect(plan(input)).toEqual(plan(input));
    expect(plan({ since: input.now, now: input.now })).toEqual([]);
    expect(plan({ since: input.now, now: input.since })).toEqual([]);
  });
});
