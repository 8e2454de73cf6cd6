import { tzOffset } from '@date-fns/tz';
import Holidays from 'date-holidays';

/** A calendar day with no zone, 'YYYY-MM-DD': dates are stored this way (STYLE.md "Time"). */
export type LocalDate = string;

/** A wall-clock time 'HH:mm' (24 h), read on the calendar's zone. */
export type WallTime = string;

/** When reminders may be posted, in local wall-clock time: from `start` (included) to `end` (excluded). */
export interface SendingWindow {
  start: WallTime;
  end: WallTime;
}

/** Office hours of the reminder issue: nobody is pinged before 08:30 or from 18:00 on. */
export const defaultSendingWindow: Readonly<SendingWindow> = Object.freeze({ start: '08:30', end: '18:00' });

/**
 * Whose public holidays count, as date-holidays codes. 'FR' with no state is metropolitan France; an
 * Alsace-Moselle prefecture would pass state '57', '67' or '68' (they add Good Friday and 26 December).
 */
export interface HolidayRegion {
  country: string;
  state?: string;
}

/** How a calendar is built: the zone of the prefecture, its sending window, its holidays (metropolitan FR). */
export interface WorkingCalendarOptions {
  timeZone: string;
  window?: SendingWindow;
  holidays?: HolidayRegion;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A year always holds a working day; more lookahead than this means the holiday data is broken. */
const MAX_DAYS_WITHOUT_WORK = 366;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** UTC midnight of a calendar day; setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999. */
function utcMidnight(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function formatUtcDay(ms: number): LocalDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Calendar-day arithmetic is done on UTC midnights, where no day is 23 or 25 hours long. */
function dayToUtcMs(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const ms = utcMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (formatUtcDay(ms) === date) return ms;
  }
  throw new RangeError(`Invalid date "${date}": expected an existing calendar day written YYYY-MM-DD`);
}

function assertLocalDate(date: LocalDate): void {
  dayToUtcMs(date);
}

function wallTimeToMinutes(time: WallTime): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`Invalid time "${time}": expected HH:mm between 00:00 and 23:59`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function assertInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant: the Date holds NaN');
}

/** True when `text` is an existing calendar day written 'YYYY-MM-DD' ('2027-02-29' is not). */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  return formatUtcDay(utcMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) === text;
}

/** `date` moved by `days` calendar days (negative goes back); quarters and "N days before" need it. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Invalid day count ${days}: expected an integer`);
  return formatUtcDay(dayToUtcMs(date) + days * MS_PER_DAY);
}

/** Day of the week of a calendar day, 0 = Sunday … 6 = Saturday (as Date#getDay). */
export function dayOfWeek(date: LocalDate): number {
  return new Date(dayToUtcMs(date)).getUTCDay();
}

/**
 * Working days and sending hours of one prefecture (reminder issue; complaint deadlines E.17): weekends and
 * public holidays are off, reminders go out inside the window only. Pure: every question takes its date or
 * instant, nothing reads the clock.
 */
const sharedCalendars = new Map<string, WorkingCalendar>();

/**
 * The calendar of a zone with the default sending window, built once per process and shared: building one loads
 * the holiday rules, and each instance caches the days it was asked about.
 */
export function calendarFor(timeZone: string): WorkingCalendar {
  let calendar = sharedCalendars.get(timeZone);
  if (!calendar) sharedCalendars.set(timeZone, (calendar = new WorkingCalendar({ timeZone })));
  return calendar;
}

export class WorkingCalendar {
  /** IANA zone the wall-clock times and local dates are read in. */
  readonly timeZone: string;
  /** Sending hours, validated at construction. */
  readonly window: Readonly<SendingWindow>;
  /** One instance per calendar: date-holidays takes milliseconds per year computed, so years are cached. */
  private readonly holidayRules: Holidays;
  private readonly holidaysByYear = new Map<number, ReadonlySet<LocalDate>>();
  /** Answers per day: the engine asks about the same few weeks over and over (one entry per day asked). */
  private readonly workingDays = new Map<LocalDate, boolean>();
  private readonly windowsByDay = new Map<LocalDate, { start: number; end: number }>();

  constructor(options: WorkingCalendarOptions) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone });
    } catch {
      throw new RangeError(`Unknown time zone "${options.timeZone}": expected an IANA name such as Europe/Paris`);
    }
    this.timeZone = options.timeZone;

    const window = options.window ?? defaultSendingWindow;
    if (wallTimeToMinutes(window.start) >= wallTimeToMinutes(window.end)) {
      throw new RangeError(`Invalid sending window ${window.start}–${window.end}: the start must come before the end`);
    }
    this.window = Object.freeze({ start: window.start, end: window.end });

    const { country, state } = options.holidays ?? { country: 'FR' };
    // date-holidays does not fail on unknown codes: 'XX' yields no holiday at all and an unknown state
    // silently falls back to the country's list, so both are checked here.
    this.holidayRules = new Holidays({ types: ['public'] });
    if (!Object.hasOwn(this.holidayRules.getCountries(), country)) {
      throw new RangeError(`Unknown holiday country "${country}" (date-holidays code, e.g. FR)`);
    }
    if (state !== undefined && !Object.hasOwn(this.holidayRules.getStates(country) ?? {}, state)) {
      throw new RangeError(`Unknown holiday state "${state}" for ${country} (e.g. 57 for Moselle)`);
    }
    if (state === undefined) this.holidayRules.init(country, { types: ['public'] });
    else this.holidayRules.init(country, state, { types: ['public'] });
  }

  /** True on a public holiday ("jour férié") of the region; observances such as Whit Sunday do not count. */
  isPublicHoliday(date: LocalDate): boolean {
    assertLocalDate(date);
    const year = Number(date.slice(0, 4));
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(
        this.holidayRules
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public')
          // `date` is the local calendar day ("2027-05-06 00:00:00"), unlike `start`, an instant.
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      this.holidaysByYear.set(year, holidays);
    }
    return holidays.has(date);
  }

  /** Monday to Friday and not a public holiday: the days E.17 reply deadlines count. */
  isWorkingDay(date: LocalDate): boolean {
    let working = this.workingDays.get(date);
    if (working === undefined) {
      const weekday = dayOfWeek(date);
      working = weekday !== 0 && weekday !== 6 && !this.isPublicHoliday(date);
      this.workingDays.set(date, working);
    }
    return working;
  }

  /** The first working day after `date`, or from `date` on when `inclusive`. */
  nextWorkingDay(date: LocalDate, { inclusive = false }: { inclusive?: boolean } = {}): LocalDate {
    let day = inclusive ? date : addCalendarDays(date, 1);
    for (let checked = 0; checked < MAX_DAYS_WITHOUT_WORK; checked += 1) {
      if (this.isWorkingDay(day)) return day;
      day = addCalendarDays(day, 1);
    }
    throw new Error(`No working day within a year after ${date}: check the holiday region`);
  }

  /**
   * The day `n` working days after `date` (E.17: reply within 5 working days for an e-mail, 10 for a
   * letter). The day itself does not count: received on a Friday + 5 = the next Friday. n = 0 gives `date`.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Invalid working-day count ${n}: expected an integer ≥ 0`);
    assertLocalDate(date);
    let day = date;
    for (let counted = 0; counted < n; counted += 1) day = this.nextWorkingDay(day);
    return day;
  }

  /** When the start-of-quarter check reminders go out (DOMAIN §1): the quarter's first working day. */
  firstWorkingDayOfQuarter(quarter: { start: LocalDate }): LocalDate {
    return this.nextWorkingDay(quarter.start, { inclusive: true });
  }

  /** The calendar day an instant falls on in the calendar's zone. */
  localDateOf(instant: Date): LocalDate {
    assertInstant(instant);
    return formatUtcDay(this.wallMs(instant.getTime()));
  }

  /**
   * The first instant of `date` at which the zone's clock reads `time` or later. So on the spring-forward
   * day 02:30 (which does not exist) is the end of the gap, 03:00 summer time; on the autumn day 02:30
   * (which happens twice) is its first, summer-time occurrence. Later times never map to earlier instants.
   */
  localInstant(date: LocalDate, time: WallTime): Date {
    // The wall-clock reading written as if it were UTC; each candidate offset gives a possible instant.
    const wall = dayToUtcMs(date) + wallTimeToMinutes(time) * MS_PER_MINUTE;
    const before = this.offsetMs(wall - MS_PER_DAY);
    const after = this.offsetMs(wall + MS_PER_DAY);
    const readings = [wall - before, wall - after].filter((instant) => this.wallMs(instant) === wall);
    if (readings.length > 0) return new Date(Math.min(...readings));
    // In the gap: the clock jumps over `time`, so the answer is the instant the offset changes.
    return new Date(this.offsetChangeBetween(wall - after, wall - before));
  }

  /**
   * When a reminder due at `at` may be posted: `at` itself inside the window of a working day, otherwise
   * the start of the next window (the reminder issue: "a reminder that falls outside waits").
   */
  nextSendingInstant(at: Date): Date {
    const date = this.localDateOf(at);
    if (this.isWorkingDay(date)) {
      const window = this.windowOn(date);
      if (at.getTime() < window.start) return new Date(window.start);
      if (at.getTime() < window.end) return new Date(at.getTime());
    }
    return new Date(this.windowOn(this.nextWorkingDay(date)).start);
  }

  /**
   * The window of one day as instants. Clocks change on Sundays in Europe, never a working day, so the
   * window of a working day is never cut or doubled by a change of time.
   */
  private windowOn(date: LocalDate): { start: number; end: number } {
    let window = this.windowsByDay.get(date);
    if (!window) {
      window = {
        start: this.localInstant(date, this.window.start).getTime(),
        end: this.localInstant(date, this.window.end).getTime(),
      };
      this.windowsByDay.set(date, window);
    }
    return window;
  }

  /** UTC offset of the zone at an instant, in milliseconds (Intl data, through @date-fns/tz). */
  private offsetMs(instant: number): number {
    return tzOffset(this.timeZone, new Date(instant)) * MS_PER_MINUTE;
  }

  /** The zone's wall-clock reading at an instant, written as if it were UTC. */
  private wallMs(instant: number): number {
    return instant + this.offsetMs(instant);
  }

  /** First instant in (low, high] with the offset `high` has; the offsets at `low` and `high` differ. */
  private offsetChangeBetween(low: number, high: number): number {
    const target = this.offsetMs(high);
    let lo = low;
    let hi = high;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetMs(mid) === target) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}
