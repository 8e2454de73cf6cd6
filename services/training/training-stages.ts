import type { Person } from '../directory/person';
import { addCalendarDays, type LocalDate, type WorkingCalendar } from '../reminders/calendar';
import { daysBetween } from './training-dates';
import type { TrainingRecord } from './training-record';
import { expiryOf } from './training-status';
import type { TrainingType } from './training-type';

/** Reminders ahead of expiry, in days (DOMAIN §2: "e.g. 180, 90, 30 days"), earliest first. */
export const daysBeforeExpiry = [180, 90, 30] as const;

/** While expired, the person is reminded every this many days (issue: "every 2 weeks while expired"). */
export const expiredEveryDays = 14;

/** A reminder stage: 'before-180' … 'before-30', then 'expired-0', 'expired-1'… (14 days apart). */
export type TrainingStage = `before-${(typeof daysBeforeExpiry)[number]}` | `expired-${number}`;

/** The reminder schedule of one person for one training, an infinite sequence of stages read by index. */
export interface TrainingTrack {
  /** Expiry of the latest completion; undefined when the person has none (the key then says 'none'). */
  expiresOn?: LocalDate;
  /** First day of 'expired-0': the expiry, or the day the person was registered when nothing is on record. */
  overdueFrom: LocalDate;
  /** The 'before-*' stages that exist, earliest first: only those after the completion day. */
  before: { stage: TrainingStage; date: LocalDate }[];
  /** Instant (ms) the facts became known (record declared, person registered): no stage goes out before it. */
  knownAtMs: number;
}

/** A stage ready to become a reminder. */
export interface ScheduledStage {
  stage: TrainingStage;
  /** Day the stage falls on. */
  date: LocalDate;
  /** When it may go out: a sending instant, never before `date`'s window start nor before `knownAtMs`. */
  notBefore: Date;
  /** The local day of `notBefore`. */
  sendDay: LocalDate;
}

/** The schedule of one (person, type): from the latest record when there is one, else from registration. */
export function trackOf(
  person: Pick<Person, 'createdAt'>,
  type: Pick<TrainingType, 'validityMonths'>,
  record: Pick<TrainingRecord, 'completedOn' | 'declaredAt'> | undefined,
  calendar: WorkingCalendar,
): TrainingTrack {
  if (!record) {
    const registeredAt = new Date(person.createdAt);
    return { overdueFrom: calendar.localDateOf(registeredAt), before: [], knownAtMs: registeredAt.getTime() };
  }
  const expiresOn = expiryOf(record.completedOn, type.validityMonths);
  const before = daysBeforeExpiry
    .map((days) => ({ stage: `before-${days}` as const, date: addCalendarDays(expiresOn, -days) }))
    // A validity shorter than the lead would put the stage before the completion itself.
    .filter(({ date }) => date > record.completedOn);
  const declaredAtMs = Date.parse(record.declaredAt);
  return { expiresOn, overdueFrom: expiresOn, before, knownAtMs: Number.isNaN(declaredAtMs) ? -Infinity : declaredAtMs };
}

/**
 * Window start of each day, per calendar: every sweep asks again about the same stage days, and reading a
 * wall-clock time through the zone's offsets is the costly part of planning (one entry per distinct day).
 */
const windowStartsByCalendar = new WeakMap<WorkingCalendar, Map<LocalDate, number>>();

function windowStartOf(date: LocalDate, calendar: WorkingCalendar): number {
  let starts = windowStartsByCalendar.get(calendar);
  if (!starts) {
    starts = new Map();
    windowStartsByCalendar.set(calendar, starts);
  }
  let start = starts.get(date);
  if (start === undefined) {
    start = calendar.localInstant(date, calendar.window.start).getTime();
    starts.set(date, start);
  }
  return start;
}

function stageAt(track: TrainingTrack, index: number): { stage: TrainingStage; date: LocalDate } {
  const before = track.before[index];
  if (before) return before;
  const n = index - track.before.length;
  return { stage: `expired-${n}`, date: addCalendarDays(track.overdueFrom, n * expiredEveryDays) };
}

/** Index of the last stage falling on or before `day`, -1 when none does. */
function lastIndexOnOrBefore(track: TrainingTrack, day: LocalDate): number {
  if (day >= track.overdueFrom) {
    return track.before.length + Math.floor(daysBetween(track.overdueFrom, day) / expiredEveryDays);
  }
  return track.before.filter(({ date }) => date <= day).length - 1;
}

/** First index in [low, high) where `test` holds, for a test that is false then true along the indexes. */
function firstIndexWhere(low: number, high: number, test: (index: number) => boolean): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The stages of a track to plan now. A stage goes out at the start of the sending window of its day or of the
 * next working day (the calendar's nextSendingInstant, from cached window starts), and never before the facts
 * were known. Send instants never decrease along the stages; stages sharing one instant (those already past
 * when a record is declared late, or a person registered after the window opened) collapse into the latest, so
 * nobody gets two reminders of one training at once.
 * With `since`: the kept stages whose instant is in (since, now], the same whatever the sweeps' cut points.
 * Without (first sweep): only the latest stage reached by `now`, not the whole history.
 */
export function stagesToPlan(
  track: TrainingTrack,
  window: { since?: Date; now: Date },
  calendar: WorkingCalendar,
): ScheduledStage[] {
  const nowMs = window.now.getTime();
  const last = lastIndexOnOrBefore(track, calendar.localDateOf(window.now));
  if (last < 0) return [];

  const instants = new Map<number, { ms: number; day: LocalDate }>();
  const sending = (index: number): { ms: number; day: LocalDate } => {
    let instant = instants.get(index);
    if (instant === undefined) {
      const day = calendar.nextWorkingDay(stageAt(track, index).date, { inclusive: true });
      const windowStart = windowStartOf(day, calendar);
      if (windowStart >= track.knownAtMs) instant = { ms: windowStart, day };
      else {
        const at = calendar.nextSendingInstant(new Date(track.knownAtMs));
        instant = { ms: at.getTime(), day: calendar.localDateOf(at) };
      }
      instants.set(index, instant);
    }
    return instant;
  };
  const sendAt = (index: number): number => sending(index).ms;
  const scheduled = (index: number): ScheduledStage => ({
    ...stageAt(track, index),
    notBefore: new Date(sendAt(index)),
    sendDay: sending(index).day,
  });

  // Stages after `last` fall on later days, so they go out after `now`: `last` is the end of the search.
  const firstNotReached = firstIndexWhere(0, last + 1, (index) => sendAt(index) > nowMs);
  if (window.since === undefined) return firstNotReached === 0 ? [] : [scheduled(firstNotReached - 1)];

  const sinceMs = window.since.getTime();
  const planned: ScheduledStage[] = [];
  for (let index = firstIndexWhere(0, firstNotReached, (i) => sendAt(i) > sinceMs); index < firstNotReached; index += 1) {
    const supersededAtOnce = index < last && sendAt(index + 1) === sendAt(index);
    if (!supersededAtOnce) planned.push(scheduled(index));
  }
  return planned;
}
