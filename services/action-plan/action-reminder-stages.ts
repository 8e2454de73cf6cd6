import { addCalendarDays, type LocalDate, type WorkingCalendar } from '../reminders/calendar';

/** Owner reminders ahead of the deadline, in working days (issue 5: "14 and 3 working days before"). */
export const workingDaysBeforeDeadline = [14, 3] as const;

/** While overdue, the owner is reminded every this many calendar days (issue 5: "then weekly"). */
export const overdueEveryDays = 7;

/** Managers and the quality officer hear of it once it is this many working days overdue (issue 5). */
export const escalationAfterWorkingDays = 5;

/** Approvers are reminded once a closure has waited this many working days for a decision (issue 5). */
export const approvalAfterWorkingDays = 3;

/** An owner stage: 'before-14', 'before-3', 'due' (the deadline), then 'overdue-1', 'overdue-2'… a week apart. */
export type OwnerStage = `before-${(typeof workingDaysBeforeDeadline)[number]}` | 'due' | `overdue-${number}`;

/** A stage placed in time. */
export interface TimedStage<Stage extends string = string> {
  stage: Stage;
  /** Working day it goes out. */
  day: LocalDate;
  /** Instant (ms) it may go out: the window start of `day`, or later when the facts were only known later. */
  at: number;
}

/** Window start of each day, per calendar: sweeps ask about the same days again and again (one entry per day). */
const windowStarts = new WeakMap<WorkingCalendar, Map<LocalDate, number>>();

/** The instant a working day's sending window opens. */
export function windowStartOf(day: LocalDate, calendar: WorkingCalendar): number {
  let starts = windowStarts.get(calendar);
  if (!starts) {
    starts = new Map();
    windowStarts.set(calendar, starts);
  }
  let start = starts.get(day);
  if (start === undefined) {
    start = calendar.localInstant(day, calendar.window.start).getTime();
    starts.set(day, start);
  }
  return start;
}

/** The last working day on or before `date`: a deadline on a Saturday is reminded on the Friday. */
export function workingDayOnOrBefore(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addCalendarDays(day, -1);
  return day;
}

/** The working day `n` working days before `date` (n ≥ 1): "14 working days before the deadline". */
export function workingDaysBefore(date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  let day = date;
  for (let counted = 0; counted < n; counted += 1) day = workingDayOnOrBefore(addCalendarDays(day, -1), calendar);
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`): "due in 3 working days". */
export function workingDaysUntil(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  return count;
}

/** A stage on `day`, not before the sending instant of `knownAtMs` (nobody is reminded of what was not yet known). */
export function timed<Stage extends string>(stage: Stage, day: LocalDate, knownAtMs: number, calendar: WorkingCalendar): TimedStage<Stage> {
  const start = windowStartOf(day, calendar);
  if (start >= knownAtMs) return { stage, day, at: start };
  const at = calendar.nextSendingInstant(new Date(knownAtMs));
  return { stage, day: calendar.localDateOf(at), at: at.getTime() };
}

/**
 * The owner's stages of one deadline, in order, up to the first one after `today` (which the caller needs to see
 * whether the last reached stage is superseded at the same instant). Days strictly increase along the list.
 */
export function ownerStagesUntil(deadline: LocalDate, knownAtMs: number, today: LocalDate, calendar: WorkingCalendar): TimedStage<OwnerStage>[] {
  const stages: TimedStage<OwnerStage>[] = workingDaysBeforeDeadline.map((n) => timed(`before-${n}` as const, workingDaysBefore(deadline, n, calendar), knownAtMs, calendar));
  stages.push(timed('due', workingDayOnOrBefore(deadline, calendar), knownAtMs, calendar));
  for (let n = 1; (stages.at(-1)?.day ?? '') <= today; n += 1) {
    stages.push(timed(`overdue-${n}`, calendar.nextWorkingDay(addCalendarDays(deadline, n * overdueEveryDays), { inclusive: true }), knownAtMs, calendar));
  }
  return stages;
}

/**
 * The stages to plan in the sweep window. Stages sharing one instant (all already past when the deadline was set)
 * collapse into the latest, so nobody gets "in 14 days" and "in 3 days" at once. With `since`: those in
 * (since, now]; the result does not depend on where sweeps cut time. Without (first sweep): only the latest
 * stage reached, not the whole history.
 */
export function stagesInWindow<Stage extends string>(stages: readonly TimedStage<Stage>[], window: { since?: Date; now: Date }): TimedStage<Stage>[] {
  const nowMs = window.now.getTime();
  const kept = stages.filter((stage, index) => stage.at <= nowMs && stages[index + 1]?.at !== stage.at);
  if (window.since === undefined) return kept.slice(-1);
  const sinceMs = window.since.getTime();
  return kept.filter((stage) => stage.at > sinceMs);
}
