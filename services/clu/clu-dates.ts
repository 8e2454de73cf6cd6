import type { Locale } from '../../cards/locale';
import { isLocalDate, type LocalDate, type WorkingCalendar } from '../reminders/calendar';
import type { CluMeeting } from './clu-meeting';

/** The CLU meets at least once a year (CLU 2021: « a minima une fois par an »): the next is due 12 months after the last. */
export const cluIntervalMonths = 12;

/** The minutes are due this many months after the meeting, unless the quality officer records them earlier (issue 7). */
export const minutesDueAfterMonths = 1;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by `months` calendar months, the day clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  if (!Number.isInteger(months)) throw new RangeError(`Invalid month count ${months}: expected an integer`);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local day a meeting starts on, in the prefecture's zone. */
export function meetingDay(meeting: Pick<CluMeeting, 'startsAt'>, calendar: WorkingCalendar): LocalDate {
  return calendar.localDateOf(new Date(meeting.startsAt));
}

/** The local wall-clock time ('HH:mm') a meeting starts at. */
export function meetingTime(meeting: Pick<CluMeeting, 'startsAt'>, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(meeting.startsAt));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** A meeting start as people read it: « mardi 16 février 2027 à 14:00 », "Tuesday 16 February 2027 at 14:00". */
export function formatMeetingStart(startsAt: string, locale: Locale, timeZone: string): string {
  const instant = new Date(startsAt);
  const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  const time = meetingTime({ startsAt }, timeZone);
  return locale === 'fr' ? `${day} à ${time}` : `${day} at ${time}`;
}

/** The day the minutes of a meeting held (or planned) on `day` are due by default. */
export function defaultMinutesDueOn(day: LocalDate): LocalDate {
  return addMonths(day, minutesDueAfterMonths);
}

/** True while the meeting is planned and has not started yet. */
export function isUpcoming(meeting: Pick<CluMeeting, 'state' | 'startsAt'>, now: Date): boolean {
  return meeting.state === 'scheduled' && Date.parse(meeting.startsAt) > now.getTime();
}

/** The next meeting planned (the earliest one not started yet), if any. */
export function upcomingMeeting<M extends Pick<CluMeeting, 'state' | 'startsAt'>>(meetings: readonly M[], now: Date): M | undefined {
  return meetings.filter((meeting) => isUpcoming(meeting, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}

/** When the next meeting is due, and the meeting it counts from. */
export interface CluDueDate {
  /** Day by which the next meeting should be held. */
  dueOn: LocalDate;
  /** The meeting it counts from: the last one held, or the last one planned whose date has passed. */
  basis: CluMeeting;
  /** The day that meeting was held (or planned). */
  basisDay: LocalDate;
  /** Instant (ms) the due date became known: when the basis was marked held, or when its date passed. */
  knownAt: number;
}

/**
 * When the next meeting is due (DOMAIN §4): 12 months after the last one held, or after the last one planned whose
 * date has passed (not marked held yet). Cancelled meetings do not count. Undefined while no meeting has taken place.
 */
export function nextMeetingDue(meetings: readonly CluMeeting[], now: Date, calendar: WorkingCalendar): CluDueDate | undefined {
  let best: CluDueDate | undefined;
  for (const meeting of meetings) {
    const started = Date.parse(meeting.startsAt) <= now.getTime();
    let day: LocalDate | undefined;
    let knownAt = Date.parse(meeting.startsAt);
    if (meeting.state === 'held' && meeting.heldOn !== undefined) {
      day = meeting.heldOn;
      knownAt = Math.min(knownAt, Date.parse(meeting.heldAt ?? meeting.startsAt));
    } else if (meeting.state === 'scheduled' && started) {
      day = meetingDay(meeting, calendar);
    }
    if (day === undefined || (best !== undefined && day <= best.basisDay)) continue;
    best = { dueOn: addMonths(day, cluIntervalMonths), basis: meeting, basisDay: day, knownAt };
  }
  return best;
}
