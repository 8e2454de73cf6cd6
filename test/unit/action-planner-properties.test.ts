import fc from 'fast-check';
import { planActionReminders } from '../../services/action-plan/action-deadline-planner';
import { actionStates, type ActionItem } from '../../services/action-plan/action-item';
import { formatActionId } from '../../services/action-plan/action-number';
import { approversOf, escalationRecipientsOf } from '../../services/action-plan/action-people';
import { addCalendarDays, WorkingCalendar } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { parisWall } from '../support/paris-wall-clock';
import { cast, itemIn, people } from './action-fixtures';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const RUNS = { numRuns: 200 };
const MINUTE = 60_000;
const DAY = 86_400_000;

const instantBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / MINUTE, max: Date.parse(to) / MINUTE }).map((minutes) => new Date(minutes * MINUTE));
const dayBetween = (from: string, to: string) => instantBetween(`${from}T12:00:00Z`, `${to}T12:00:00Z`).map((d) => d.toISOString().slice(0, 10));

/** Up to four actions in any state, with any owner, services, deadline, and any instant the deadline was set or the item marked done. */
const ITEMS = fc
  .array(
    fc.record({
      state: fc.constantFrom(...actionStates),
      owner: fc.constantFrom(cast.owner, cast.manager, cast.agent, cast.rq),
      services: fc.subarray(['BMI', 'BLS', 'CERT'], { minLength: 1 }),
      deadline: dayBetween('2026-06-01', '2028-06-30'),
      knownAt: instantBetween('2026-01-01T00:00:00Z', '2028-06-30T00:00:00Z'),
      submittedAt: instantBetween('2026-01-01T00:00:00Z', '2028-06-30T00:00:00Z'),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((drafts) =>
    drafts.map((d, index): ActionItem => ({
      ...itemIn(d.state, { deadline: d.deadline, deadlineSetAt: d.knownAt.toISOString(), submittedAt: d.submittedAt.toISOString() }),
      id: formatActionId(2026, index + 1),
      ownerId: d.owner.id,
      services: d.services,
    })),
  );

/** A period and its cut into consecutive sweeps; half the cuts snapped to 08:30 Paris, when reminders go out. */
const SWEEPS = fc
  .record({
    start: instantBetween('2026-05-01T00:00:00Z', '2028-06-01T00:00:00Z'),
    lengthMinutes: fc.integer({ min: 1, max: (300 * DAY) / MINUTE }),
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

const sweepAll = (items: ActionItem[], instants: Date[]) =>
  instants.slice(1).map((now, index) => planActionReminders({ items, people, calendar, since: instants[index], now }));
const idOf = (r: PlannedReminder) => `${r.key}|${r.recipientId}`;
const byId = (a: PlannedReminder, b: PlannedReminder) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
const localDay = (iso: string) => calendar.localDateOf(new Date(iso));

/** Every rule one planned reminder must obey, as a list of what it breaks. */
function breaches(reminder: PlannedReminder, items: ActionItem[]): string[] {
  const problems: string[] = [];
  const wall = parisWall(new Date(reminder.notBefore));
  if (wall.weekday === 'Sat' || wall.weekday === 'Sun' || calendar.isPublicHoliday(wall.date)) problems.push(`${reminder.key} on a day off ${wall.date}`);
  if (wall.time < '08:30' || wall.time >= '18:00') problems.push(`${reminder.key} at ${wall.time}`);
  const parts = reminder.key.split(':');
  const item = items.find((candidate) => candidate.id === parts[1]);
  if (!item) return [...problems, `${reminder.key}: no such item`];
  const day = localDay(reminder.notBefore);
  if (parts[0] === 'action-approval') {
    if (item.state !== 'awaiting-approval') problems.push(`${reminder.key}: approval reminder for a « ${item.state} » item`);
    if (parts.slice(2, -1).join(':') !== item.submittedAt) problems.push(`${reminder.key}: not keyed by submittedAt`);
    if (day < calendar.addWorkingDays(localDay(item.submittedAt ?? ''), 3)) problems.push(`${reminder.key}: before 3 working days`);
    if (!approversOf(item, people).some((p) => p.id === reminder.recipientId)) problems.push(`${reminder.key}: to a non-approver`);
    return problems;
  }
  const [, , deadline = '', stage = '', recipient] = parts;
  if (item.state !== 'planned' && item.state !== 'in-progress') problems.push(`${reminder.key}: deadline reminder for a « ${item.state} » item`);
  if (deadline !== item.deadline) problems.push(`${reminder.key}: not keyed by the deadline`);
  if (Date.parse(reminder.notBefore) < Date.parse(item.deadlineSetAt ?? '')) problems.push(`${reminder.key}: before the deadline was set`);
  if (stage === 'escalation') {
    if (day < calendar.addWorkingDays(deadline, 5)) problems.push(`${reminder.key}: escalated before 5 working days overdue`);
    if (recipient !== reminder.recipientId || !escalationRecipientsOf(item, people).some((p) => p.id === recipient)) problems.push(`${reminder.key}: wrong recipient`);
    return problems;
  }
  if (reminder.recipientId !== item.ownerId) problems.push(`${reminder.key}: not to the owner`);
  if (stage.startsWith('before-') && day > deadline) problems.push(`${reminder.key}: "before" stage after the deadline`);
  if (stage.startsWith('overdue-') && day < addCalendarDays(deadline, 7 * Number(stage.slice(8)))) problems.push(`${reminder.key}: before its week`);
  return problems;
}

describe('action-plan planner, for any plan and any cut of time into sweeps', () => {
  it('plans the same reminders whether a period is swept at once or in pieces, each (key, person) once', () => {
    fc.assert(
      fc.property(ITEMS, SWEEPS, (items, instants) => {
        const pieces = sweepAll(items, instants).flat().sort(byId);
        const once = sweepAll(items, [instants[0], instants.at(-1)] as Date[]).flat().sort(byId);
        expect(pieces).toEqual(once);
        expect(new Set(once.map(idOf)).size).toBe(once.length);
      }),
      RUNS,
    );
  });

  it('sends only inside the window on working days, never before the stage it follows, to the right people', () => {
    fc.assert(
      fc.property(ITEMS, SWEEPS, fc.boolean(), (items, instants, firstSweep) => {
        const batches = sweepAll(items, instants);
        if (firstSweep) batches.push(planActionReminders({ items, people, calendar, now: instants.at(-1) ?? new Date(0) }));
        batches.forEach((batch, index) => {
          const since = firstSweep && index === batches.length - 1 ? -Infinity : (instants[index]?.getTime() ?? 0);
          const now = firstSweep && index === batches.length - 1 ? (instants.at(-1)?.getTime() ?? 0) : (instants[index + 1]?.getTime() ?? 0);
          for (const reminder of batch) {
            expect(Date.parse(reminder.notBefore) > since && Date.parse(reminder.notBefore) <= now).toBe(true);
          }
        });
        expect(batches.flat().flatMap((reminder) => breaches(reminder, items))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives the same output for the same input, and on a first sweep at most one reminder per item to its owner', () => {
    fc.assert(
      fc.property(ITEMS, instantBetween('2026-05-01T00:00:00Z', '2028-09-01T00:00:00Z'), (items, now) => {
        const first = planActionReminders({ items, people, calendar, now });
        expect(planActionReminders({ items, people, calendar, now })).toEqual(first);
        for (const item of items) {
          expect(first.filter((r) => r.key.startsWith(`action:${item.id}:`) && !r.key.includes(':escalation:')).length).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });
});
