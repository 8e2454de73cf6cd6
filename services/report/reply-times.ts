import type { Complaint } from '../complaints/complaint';
import { substanceReply } from '../complaints/complaint';
import { effectiveReceiptDay } from '../complaints/complaint-deadline';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';

/**
 * Working days a reply took, counted as E.17 counts its delay (complaint-deadline.ts): from the day counting starts
 * (the day of receipt, or the next working day after a weekend or holiday) excluded, to the reply day included.
 * An answer on the day of receipt took 0.
 */
export function workingDaysTaken(receivedOn: LocalDate, repliedOn: LocalDate, calendar: WorkingCalendar): number {
  let day = effectiveReceiptDay(receivedOn, calendar);
  let taken = 0;
  // Bounded by the reply day: a reply is at most a few months after receipt.
  while (day < repliedOn) {
    day = calendar.nextWorkingDay(day);
    if (day <= repliedOn) taken += 1;
  }
  return taken;
}

/** Mean and median of a list of numbers; both undefined for an empty list. */
export function meanAndMedian(values: readonly number[]): { mean?: number; median?: number } {
  if (values.length === 0) return {};
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, median };
}

/** How long the in-scope requests of a set took to get their reply on the substance, in working days. */
export interface ReplyTimes {
  /** Requests with a reply on the substance (the others are still open or were filed). */
  count: number;
  mean?: number;
  median?: number;
}

/** Reply times of the requests given (the caller picks the year and the scope). */
export function replyTimes(complaints: readonly Pick<Complaint, 'receivedOn' | 'replies'>[], calendar: WorkingCalendar): ReplyTimes {
  const days = complaints.flatMap((complaint) => {
    const reply = substanceReply(complaint);
    return reply ? [workingDaysTaken(complaint.receivedOn, reply.on, calendar)] : [];
  });
  return { count: days.length, ...meanAndMedian(days) };
}
