import fc from 'fast-check';
import type { Person } from '../../services/directory/person';
import type { LabelObligation } from '../../services/label-calendar/label-obligation';
import { escalationRecipients, planLabelReminders } from '../../services/label-calendar/label-planner';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
const people: Pick<Person, 'id' | 'name' | 'roles' | 'service'>[] = [
  { id: id(20), name: 'Alex Wilber', roles: ['rq', 'admin'], service: 'SGCD' },
  { id: id(21), name: 'Megan Bowen', roles: ['agent', 'manager'], service: 'BMI' },
  { id: id(22), name: 'Adele Vance', roles: ['agent'], service: 'BMI' },
  { id: id(24), name: 'Patti Fernandez', roles: ['agent', 'admin'], service: 'SIDSIC' },
  { id: id(25), name: 'Lynne Robbins', roles: ['agent', 'manager'], service: 'CERT' },
];
const adele = id(22);

function obligation(overrides: Partial<LabelObligation> = {}): LabelObligation {
  return {
    id: 'exercice-es49',
    label: { fr: 'Exercice de communication d’urgence', en: 'Emergency-communication exercise' },
    reference: 'ES49',
    schedule: { kind: 'recurring', everyMonths: 12 },
    dueOn: '2027-04-14',
    ownerId: adele,
    history: [],
    active: true,
    revision: 0,
    dueSetAt: '2026-01-01T09:00:00.000Z',
    createdAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  };
}

const plan = (o: LabelObligation | LabelObligation[], since: string | undefined, now: string) =>
  planLabelReminders({ obligations: Array.isArray(o) ? o : [o], people, calendar, since: since === undefined ? undefined : new Date(since), now: new Date(now) });
const summary = (reminders: PlannedReminder[]) => reminders.map((r) => `${r.key} → ${r.recipientId.slice(-3)} @ ${r.notBefore}`);

describe('label calendar reminders', () => {
  it('reminds the owner 90, 30 and 7 days ahead, at the opening of the sending window, with keys holding the due date', () => {
    const reminders = plan(obligation(), '2027-01-01T00:00:00Z', '2027-04-13T00:00:00Z');
    expect(summary(reminders)).toEqual([
      'label:exercice-es49:2027-04-14:before-90 → 022 @ 2027-01-14T07:30:00.000Z',
      'label:exercice-es49:2027-04-14:before-30 → 022 @ 2027-03-15T07:30:00.000Z',
      'label:exercice-es49:2027-04-14:before-7 → 022 @ 2027-04-07T06:30:00.000Z',
    ]);
    expect(reminders[0]?.text.fr).toEqual({ title: 'Calendrier du label : Exercice de communication d’urgence (ES49)', detail: 'Échéance le 14/04/2027 (dans 90 jours)' });
    expect(reminders[0]?.text.en.detail).toBe('Due on 2027-04-14 (in 90 days)');
    expect(reminders[0]?.action).toEqual({ verb: 'labelCalendar.doneForm', data: { id: 'exercice-es49' }, title: { fr: 'Marquer comme fait', en: 'Mark as done' } });
  });

  it('moves a stage falling on a weekend or a public holiday to the next working day', () => {
    // Due Saturday 15 May 2027: 7 days ahead is Saturday 8 May, Victory Day; 30 days ahead is Thursday 15 April.
    const reminders = plan(obligation({ dueOn: '2027-05-15' }), '2027-04-01T00:00:00Z', '2027-05-14T00:00:00Z');
    expect(summary(reminders)).toEqual([
      'label:exercice-es49:2027-05-15:before-30 → 022 @ 2027-04-15T06:30:00.000Z',
      'label:exercice-es49:2027-05-15:before-7 → 022 @ 2027-05-10T06:30:00.000Z',
    ]);
  });

  it('counts ahead to the start of a period (the survey) and says when it starts', () => {
    const survey = obligation({ id: 'enquete-satisfaction', reference: '3.2', dueOn: '2027-04-01', windowStartsOn: '2027-03-22', label: { fr: 'Enquête de satisfaction', en: 'Satisfaction survey' } });
    const [before30] = plan(survey, '2027-02-15T00:00:00Z', '2027-02-25T00:00:00Z');
    expect(before30).toMatchObject({ key: 'label:enquete-satisfaction:2027-04-01:before-30', notBefore: '2027-02-22T07:30:00.000Z' });
    expect(before30?.text.fr.detail).toBe('Du 22/03/2027 au 01/04/2027 (début dans 28 jours)');
  });

  it('escalates to the quality officers and the owner’s managers on the first working day after the due date, never before', () => {
    const due = obligation({ dueOn: '2027-01-15' }); // a Friday
    expect(plan(due, '2027-01-14T00:00:00Z', '2027-01-17T23:00:00Z')).toEqual([]);
    const monday = plan(due, '2027-01-17T23:00:00Z', '2027-01-18T08:00:00Z');
    expect(summary(monday)).toEqual([
      'label:exercice-es49:2027-01-15:late-1 → 022 @ 2027-01-18T07:30:00.000Z',
      'label:exercice-es49:2027-01-15:escalation → 020 @ 2027-01-18T07:30:00.000Z',
      'label:exercice-es49:2027-01-15:escalation → 021 @ 2027-01-18T07:30:00.000Z',
    ]);
    expect(monday[0]?.text.fr).toEqual({
      title: 'Échéance dépassée : Exercice de communication d’urgence (ES49)',
      detail: 'Prévue le 15/01/2027 (retard de 3 jours) : faites-la puis marquez-la comme faite.',
    });
    expect(monday[1]?.text.fr).toEqual({
      title: 'Calendrier du label, échéance dépassée : Exercice de communication d’urgence (ES49)',
      detail: 'Prévue le 15/01/2027, pas encore faite — responsable : Adele Vance',
    });
    expect(monday[1]?.action?.verb).toBe('labelCalendar.doneForm');
    expect(monday[2]?.action).toMatchObject({ verb: 'command.run', data: { command: 'labelCalendar' } });
  });

  it('then reminds the owner every week while late, moved off weekends', () => {
    const keys = plan(obligation({ dueOn: '2027-01-15' }), '2027-01-18T08:00:00Z', '2027-02-02T00:00:00Z').map((r) => `${r.key} @ ${r.notBefore}`);
    expect(keys).toEqual([
      'label:exercice-es49:2027-01-15:late-2 @ 2027-01-25T07:30:00.000Z',
      'label:exercice-es49:2027-01-15:late-3 @ 2027-02-01T07:30:00.000Z',
    ]);
  });

  it('plans only the latest stage reached on the first sweep, plus the escalation once', () => {
    expect(summary(plan(obligation({ dueOn: '2027-01-15' }), undefined, '2027-02-03T10:00:00Z'))).toEqual([
      'label:exercice-es49:2027-01-15:late-3 → 022 @ 2027-02-01T07:30:00.000Z',
      'label:exercice-es49:2027-01-15:escalation → 020 @ 2027-01-18T07:30:00.000Z',
      'label:exercice-es49:2027-01-15:escalation → 021 @ 2027-01-18T07:30:00.000Z',
    ]);
  });

  it('never anticipates a due date set late: the stages already past collapse into one when it became known', () => {
    const known = obligation({ dueSetAt: '2027-03-18T10:00:00.000Z' });
    expect(summary(plan(known, '2027-03-01T00:00:00Z', '2027-03-20T00:00:00Z'))).toEqual(['label:exercice-es49:2027-04-14:before-30 → 022 @ 2027-03-18T10:00:00.000Z']);
  });

  it('says nothing of a done occurrence or a retired obligation, and starts fresh keys for the next occurrence', () => {
    const done = obligation({ dueOn: '2027-01-15', history: [{ occurrenceDueOn: '2027-01-15', doneOn: '2027-01-14', doneBy: adele, doneAt: '2027-01-14T10:00:00.000Z' }] });
    expect(plan(done, '2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z')).toEqual([]);
    expect(plan(obligation({ dueOn: '2027-01-15', active: false }), '2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z')).toEqual([]);
    const next = plan(obligation({ dueOn: '2028-01-15' }), '2027-10-01T00:00:00Z', '2027-10-20T00:00:00Z');
    expect(next.map((r) => r.key)).toEqual(['label:exercice-es49:2028-01-15:before-90']);
  });

  it('escalates to the quality officers and the owner’s managers, never to the owner, even a quality officer', () => {
    expect(escalationRecipients(id(20), people).map((p) => p.name)).toEqual([]);
    expect(escalationRecipients(adele, people).map((p) => p.name)).toEqual(['Alex Wilber', 'Megan Bowen']);
    expect(escalationRecipients('00000000-0000-0000-0000-0000000000099', people).map((p) => p.name)).toEqual(['Alex Wilber']);
  });
});

const RUNS = { numRuns: 150 };
const MINUTE = 60_000;
const instantBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / MINUTE, max: Date.parse(to) / MINUTE }).map((minutes) => new Date(minutes * MINUTE));
const dayBetween = (from: string, to: string) => instantBetween(`${from}T12:00:00Z`, `${to}T12:00:00Z`).map((d) => d.toISOString().slice(0, 10));

/** Up to four obligations with any due date, period, owner, and instant the due date became known. */
const OBLIGATIONS = fc
  .array(
    fc.record({
      dueOn: dayBetween('2026-06-01', '2028-06-30'),
      windowDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      owner: fc.constantFrom(id(20), id(21), id(22), id(25)),
      knownAt: instantBetween('2026-01-01T00:00:00Z', '2028-06-30T00:00:00Z'),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((drafts) =>
    drafts.map((d, index) =>
      obligation({
        id: `obligation-${index}`,
        dueOn: d.dueOn,
        windowStartsOn: d.windowDays === undefined ? undefined : calendarDaysBefore(d.dueOn, d.windowDays),
        ownerId: d.owner,
        dueSetAt: d.knownAt.toISOString(),
      }),
    ),
  );

function calendarDaysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** A period cut into consecutive sweeps at random instants. */
const SWEEPS = fc
  .record({ start: instantBetween('2026-05-01T00:00:00Z', '2028-06-01T00:00:00Z'), lengthMinutes: fc.integer({ min: 1, max: 200 * 1440 }), cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }) })
  .map(({ start, lengthMinutes, cuts }) => {
    const points = cuts.map((fraction) => start.getTime() + Math.round(fraction * lengthMinutes) * MINUTE);
    return [...new Set([start.getTime(), ...points, start.getTime() + lengthMinutes * MINUTE])].sort((a, b) => a - b).map((ms) => new Date(ms));
  });

describe('label calendar reminders, whatever the obligations and the sweeps (properties)', () => {
  it('plans nothing outside the sending window, on a weekend or on a public holiday', () => {
    fc.assert(
      fc.property(OBLIGATIONS, SWEEPS, (obligations, instants) => {
        for (let i = 1; i < instants.length; i += 1) {
          for (const reminder of planLabelReminders({ obligations, people, calendar, since: instants[i - 1], now: instants[i] as Date })) {
            const at = new Date(reminder.notBefore);
            expect(calendar.isWorkingDay(calendar.localDateOf(at))).toBe(true);
            expect(calendar.nextSendingInstant(at).getTime()).toBe(at.getTime());
          }
        }
      }),
      RUNS,
    );
  });

  it('never escalates nor says "late" on or before the due date', () => {
    fc.assert(
      fc.property(OBLIGATIONS, SWEEPS, (obligations, instants) => {
        const dueOf = new Map(obligations.map((o) => [o.id, o.dueOn]));
        for (let i = 1; i < instants.length; i += 1) {
          for (const reminder of planLabelReminders({ obligations, people, calendar, since: instants[i - 1], now: instants[i] as Date })) {
            const [, obligationId, , stage] = reminder.key.split(':');
            if (stage === 'escalation' || stage?.startsWith('late-')) {
              expect(calendar.localDateOf(new Date(reminder.notBefore)) > (dueOf.get(obligationId ?? '') ?? '')).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('plans the same reminders however the period is cut into sweeps, each once', () => {
    fc.assert(
      fc.property(OBLIGATIONS, SWEEPS, (obligations, instants) => {
        const first = instants[0] as Date;
        const last = instants.at(-1) as Date;
        const cut = instants.slice(1).flatMap((now, i) => planLabelReminders({ obligations, people, calendar, since: instants[i], now }));
        const whole = planLabelReminders({ obligations, people, calendar, since: first, now: last });
        const keys = (list: PlannedReminder[]) => list.map((r) => `${r.recipientId}|${r.key}|${r.notBefore}`).sort();
        expect(keys(cut)).toEqual(keys(whole));
        expect(new Set(keys(cut)).size).toBe(cut.length);
      }),
      RUNS,
    );
  });
});
