import fc from 'fast-check';
import type { Person } from '../../services/directory/person';
import type { Role } from '../../services/directory/roles';
import { WorkingCalendar, addCalendarDays, type LocalDate } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { planManagerTrainingDigests, planTrainingReminders, type TrainingPlanInput } from '../../services/training/training-planner';
import type { TrainingRecord } from '../../services/training/training-record';
import type { TrainingType } from '../../services/training/training-type';
import { parisWall } from '../support/paris-wall-clock';

const PARIS = 'Europe/Paris';
const calendar = new WorkingCalendar({ timeZone: PARIS });
const RUNS = { numRuns: 500 };
const MINUTE = 60_000;
const DAY = 86_400_000;
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const POOL = [id(1), id(2), id(3), id(4)];

const instantBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / MINUTE, max: Date.parse(to) / MINUTE }).map((minutes) => new Date(minutes * MINUTE));
const dayBetween = (from: string, to: string) => instantBetween(`${from}T12:00:00Z`, `${to}T12:00:00Z`).map((d) => d.toISOString().slice(0, 10));

const PEOPLE = fc.tuple(
  ...POOL.map((personId, index) =>
    fc.record({
      service: fc.constantFrom('ACCUEIL', 'BMI', 'BREC', 'CERT', 'BLS', undefined),
      extraRoles: fc.subarray<Role>(['manager', 'rq', 'fraud-referent']),
      createdAt: instantBetween('2019-01-01T00:00:00Z', '2028-06-30T00:00:00Z'),
    }).map(({ service, extraRoles, createdAt }): Person => ({
      id: personId,
      name: `Agent ${index}`,
      service,
      roles: ['agent', ...extraRoles],
      toAssign: false,
      createdAt: createdAt.toISOString(),
    })),
  ),
);

const TYPES = fc
  .tuple(...defaultTrainingTypes.map(() => fc.record({ validityMonths: fc.constantFrom(1, 2, 6, 12, 48), active: fc.boolean() })))
  .map((overrides): TrainingType[] => defaultTrainingTypes.map((type, index) => ({ ...type, ...overrides[index] })));

const RECORDS = fc.array(
  fc
    .record({
      personId: fc.constantFrom(...POOL),
      typeId: fc.constantFrom(...defaultTrainingTypes.map((type) => type.id)),
      completedOn: dayBetween('2016-01-01', '2028-12-31'),
      declaredAt: instantBetween('2016-01-01T00:00:00Z', '2029-06-30T00:00:00Z'),
    })
    .map(
      ({ declaredAt, ...rest }): TrainingRecord => ({ ...rest, title: 'Session', mode: 'presentiel', declaredBy: rest.personId, declaredAt: declaredAt.toISOString() }),
    ),
  { maxLength: 10 },
);

/**
 * A period and its cut into consecutive sweeps: start, the cut points, end (all distinct, increasing). Half the
 * cut points are snapped to 08:30 Paris, the instant reminders go out, so the (since, now] bounds are exercised.
 */
const SWEEPS = fc
  .record({
    start: instantBetween('2024-01-01T00:00:00Z', '2029-01-01T00:00:00Z'),
    lengthMinutes: fc.integer({ min: 1, max: (400 * DAY) / MINUTE }),
    cuts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { maxLength: 8 }),
  })
  .map(({ start, lengthMinutes, cuts }) => {
    const end = start.getTime() + lengthMinutes * MINUTE;
    const points = cuts.map(([fraction, snap]) => {
      const at = new Date(start.getTime() + Math.round(fraction * lengthMinutes) * MINUTE);
      return snap ? calendar.localInstant(calendar.localDateOf(at), '08:30').getTime() : at.getTime();
    });
    const inside = points.filter((point) => point > start.getTime() && point < end);
    return [...new Set([start.getTime(), ...inside, end])].sort((a, b) => a - b).map((ms) => new Date(ms));
  });

type Planner = (input: TrainingPlanInput) => PlannedReminder[];
const byKey = (a: PlannedReminder, b: PlannedReminder) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function sweepAll(planner: Planner, base: Omit<TrainingPlanInput, 'since' | 'now'>, instants: Date[]): PlannedReminder[][] {
  return instants.slice(1).map((now, index) => planner({ ...base, since: instants[index], now }));
}

/** The day a training stage falls on, read back from its key. */
function stageDay(key: string, people: readonly Person[]): LocalDate {
  const [, personId, , expiry, stage] = key.split(':');
  const [kind, count] = (stage ?? '').split('-');
  if (kind === 'before') return addCalendarDays(expiry ?? '', -Number(count));
  const from = expiry === 'none' ? calendar.localDateOf(new Date(people.find((p) => p.id === personId)?.createdAt ?? NaN)) : (expiry ?? '');
  return addCalendarDays(from, 14 * Number(count));
}

/** Why a reminder could not go out at its `notBefore` (weekend, holiday, outside 08:30–18:00), if it could not. */
function unsendable(reminder: PlannedReminder): string | undefined {
  const wall = parisWall(new Date(reminder.notBefore));
  if (wall.weekday === 'Sat' || wall.weekday === 'Sun') return `${reminder.key} on a ${wall.weekday}`;
  if (calendar.isPublicHoliday(wall.date)) return `${reminder.key} on holiday ${wall.date}`;
  if (wall.time < '08:30' || wall.time >= '18:00') return `${reminder.key} at ${wall.time}`;
  return undefined;
}

describe('training planners, for any directory, catalogue, records and sweeps', () => {
  it('plan the same reminders whether a period is swept at once or in consecutive windows', () => {
    fc.assert(
      fc.property(PEOPLE, TYPES, RECORDS, SWEEPS, (people, types, records, instants) => {
        const base = { people, types, records, calendar };
        const whole = [instants[0], instants.at(-1)] as Date[];
        for (const planner of [planTrainingReminders, planManagerTrainingDigests]) {
          const pieces = sweepAll(planner, base, instants).flat().sort(byKey);
          const once = sweepAll(planner, base, whole).flat().sort(byKey);
          expect(pieces).toEqual(once);
          expect(new Set(once.map((reminder) => reminder.key)).size).toBe(once.length);
        }
      }),
      RUNS,
    );
  });

  it('send each training reminder on a working day, inside the window, never before its stage day, one per stage and instant', () => {
    fc.assert(
      fc.property(PEOPLE, TYPES, RECORDS, SWEEPS, fc.boolean(), (people, types, records, instants, firstSweep) => {
        const base = { people, types, records, calendar };
        const batches = sweepAll(planTrainingReminders, base, instants);
        if (firstSweep) batches.push(planTrainingReminders({ ...base, now: instants[0] ?? new Date(0) }));
        const problems: string[] = [];
        for (const reminder of batches.flat()) {
          const unsent = unsendable(reminder);
          if (unsent) problems.push(unsent);
          const notBefore = Date.parse(reminder.notBefore);
          const day = stageDay(reminder.key, people);
          if (notBefore < calendar.localInstant(day, '08:30').getTime()) problems.push(`${reminder.key} before its day ${day}`);
          const registeredAt = Date.parse(people.find((person) => person.id === reminder.recipientId)?.createdAt ?? '');
          if (reminder.key.includes(':none:') && notBefore < registeredAt) problems.push(`${reminder.key} before registration`);
        }
        expect(problems).toEqual([]);
        // Per person and training: one key per stage, and never two reminders going out at the same instant.
        const pairOf = (reminder: PlannedReminder) => reminder.key.split(':').slice(1, 3).join(':');
        const stages = batches.flat().map((reminder) => `${pairOf(reminder)}:${reminder.key.split(':')[4] ?? ''}`);
        expect(new Set(stages).size).toBe(stages.length);
        const sendings = batches.flat().map((reminder) => `${pairOf(reminder)}@${reminder.notBefore}`);
        expect(new Set(sendings).size).toBe(sendings.length);
      }),
      RUNS,
    );
  });

  it('plan on the first sweep, per person and training, only the latest stage of the whole history', () => {
    fc.assert(
      fc.property(PEOPLE, TYPES, RECORDS, instantBetween('2024-01-01T00:00:00Z', '2029-01-01T00:00:00Z'), (people, types, records, now) => {
        const base = { people, types, records, calendar, now };
        const first = planTrainingReminders(base);
        const history = planTrainingReminders({ ...base, since: new Date('2010-01-01T00:00:00Z') });
        const latest = new Map<string, PlannedReminder>();
        for (const reminder of history) latest.set(reminder.key.split(':').slice(1, 3).join(':'), reminder);
        expect(first).toEqual([...latest.values()]);
      }),
      RUNS,
    );
  });

  it('send each manager at most one digest a month, on its first working day at the start of the window', () => {
    fc.assert(
      fc.property(PEOPLE, TYPES, RECORDS, SWEEPS, (people, types, records, instants) => {
        const digests = sweepAll(planManagerTrainingDigests, { people, types, records, calendar }, instants).flat();
        const perManagerMonth = digests.map((digest) => digest.key);
        expect(new Set(perManagerMonth).size).toBe(perManagerMonth.length);
        for (const digest of digests) {
          const [, managerId, month] = digest.key.split(':');
          expect(digest.recipientId).toBe(managerId);
          expect(people.find((person) => person.id === managerId)?.roles).toContain('manager');
          expect(unsendable(digest)).toBeUndefined();
          const wall = parisWall(new Date(digest.notBefore));
          expect(wall.time).toBe('08:30');
          expect(wall.date.slice(0, 7)).toBe(month);
          expect(calendar.nextWorkingDay(`${month ?? ''}-01`, { inclusive: true })).toBe(wall.date);
        }
      }),
      RUNS,
    );
  });
});
