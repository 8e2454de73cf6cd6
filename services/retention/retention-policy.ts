import type { Complaint } from '../complaints/complaint';
import type { FraudSignal } from '../fraud/fraud-signal';
import { addMonthsTo } from '../label-calendar/label-dates';
import type { LocalDate } from '../reminders/calendar';

/** How long records are kept, in months; read from the settings (bot/config.ts, docs/OPERATIONS.md). */
export interface RetentionPeriods {
  /** A confirmed fraud signal, counted from its confirmation: at most 5 years after closure (CNIL, PLATFORM.md). */
  fraudClosedMonths: number;
  /** Any other fraud signal, counted from its creation: an alert not confirmed within 6 months is deleted (CNIL). */
  fraudUnqualifiedMonths: number;
  /** A complaint answered or filed, counted from that day (docs/OPERATIONS.md says why 5 years). */
  complaintsClosedMonths: number;
}

/** The defaults: 60, 6 and 60 months. */
export const defaultRetentionPeriods: Readonly<RetentionPeriods> = Object.freeze({
  fraudClosedMonths: 60,
  fraudUnqualifiedMonths: 6,
  complaintsClosedMonths: 60,
});

/** Which rule keeps a record: the purge reports its counts by rule. */
export type RetentionRule = 'fraud-closed' | 'fraud-unqualified' | 'complaint-closed';

/** When a record's retention runs out: it may be deleted from `expiresOn` on (that day included). */
export interface RetentionDeadline {
  rule: RetentionRule;
  /** Day the period starts: confirmation, creation, reply or filing (in the deployment's zone). */
  since: LocalDate;
  expiresOn: LocalDate;
}

/** The calendar day an instant falls on in a zone: periods count in days, so DST and the hour never matter. */
export function localDateIn(instant: Date | string, timeZone: string): LocalDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid instant "${String(instant)}"`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * A fraud signal's deadline. Only a confirmed fraud (« Fraude confirmée ») is a closed file kept 5 years after the
 * referent's confirmation. Every other state is an alert not (or not yet) found relevant: « À qualifier » and « À
 * compléter » are unqualified, « Non confirmée » is the product's « classée sans suite ». The CNIL asks alerts to
 * be qualified within 6 months and irrelevant ones deleted: all three go 6 months after creation, whatever the
 * answers in between (a late answer does not restart the clock).
 */
export function fraudSignalDeadline(
  signal: Pick<FraudSignal, 'state' | 'createdAt' | 'submittedAt' | 'qualification'>,
  periods: RetentionPeriods,
  timeZone: string,
): RetentionDeadline {
  if (signal.state === 'confirmed') {
    // A confirmed signal always carries its qualification; the last round's start is the safe fallback (later).
    const since = localDateIn(signal.qualification?.at ?? signal.submittedAt, timeZone);
    return { rule: 'fraud-closed', since, expiresOn: addMonthsTo(since, periods.fraudClosedMonths) };
  }
  const since = localDateIn(signal.createdAt, timeZone);
  return { rule: 'fraud-unqualified', since, expiresOn: addMonthsTo(since, periods.fraudUnqualifiedMonths) };
}

/**
 * A complaint's deadline, or undefined while it waits for a reply (open records are never purged). Its handling
 * ends with the reply on the substance (« Répondue ») or its filing (« Classée »), whichever came first: an answered
 * complaint nobody filed must not be kept forever.
 */
export function complaintDeadline(
  complaint: Pick<Complaint, 'state' | 'closedOn' | 'replies'>,
  periods: RetentionPeriods,
): RetentionDeadline | undefined {
  if (complaint.state === 'open') return undefined;
  const ends = [complaint.closedOn, complaint.replies.find((reply) => reply.kind === 'substance')?.on].filter((day): day is string => day !== undefined);
  const since = ends.sort()[0];
  if (since === undefined) return undefined;
  return { rule: 'complaint-closed', since, expiresOn: addMonthsTo(since, periods.complaintsClosedMonths) };
}

/** True once the deadline's day has come in the zone (exactly 5 years after is expired; the day before is not). */
export function isPastDeadline(deadline: RetentionDeadline | undefined, now: Date, timeZone: string): boolean {
  return deadline !== undefined && localDateIn(now, timeZone) >= deadline.expiresOn;
}

/** True when the fraud signal may be deleted now. */
export function isFraudSignalExpired(
  signal: Pick<FraudSignal, 'state' | 'createdAt' | 'submittedAt' | 'qualification'>,
  now: Date,
  periods: RetentionPeriods,
  timeZone: string,
): boolean {
  return isPastDeadline(fraudSignalDeadline(signal, periods, timeZone), now, timeZone);
}

/** True when the complaint may be deleted now. */
export function isComplaintExpired(complaint: Pick<Complaint, 'state' | 'closedOn' | 'replies'>, now: Date, periods: RetentionPeriods, timeZone: string): boolean {
  return isPastDeadline(complaintDeadline(complaint, periods), now, timeZone);
}

/**
 * The last year whose records may have expired under a period: a record's year (of detection, of receipt) is never
 * after the day its period starts, so later partitions need not be read.
 */
export function lastYearWithExpired(now: Date, months: number, timeZone: string): number {
  return Number(addMonthsTo(localDateIn(now, timeZone), -months).slice(0, 4));
}
