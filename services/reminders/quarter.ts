import type { LocalDate } from './calendar';
import { addCalendarDays, isLocalDate } from './calendar';

/** Quarter number within the year. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/** Canonical quarter id, '2027-Q1'; French users may type '2027-T1' ("trimestre"), see parseQuarterId. */
export type QuarterId = `${number}-Q${QuarterNumber}`;

/** A calendar quarter: the period in which each information check must be confirmed once (DOMAIN §1, 1.2). */
export interface Quarter {
  id: QuarterId;
  /** First day, e.g. '2027-01-01'. */
  start: LocalDate;
  /** Last day, included, e.g. '2027-03-31'. */
  end: LocalDate;
}

const TYPED_QUARTER_ID = /^(\d{4})-[QT]([1-4])$/i;
const CANONICAL_QUARTER_ID = /^(\d{4})-Q([1-4])$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toQuarterNumber(value: number): QuarterNumber {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  throw new RangeError(`Invalid quarter number ${value}: expected 1 to 4`);
}

/** Last day of each quarter: all fall in 30- or 31-day months, so leap years never matter. */
const LAST_DAYS = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;

/** The quarter with that year and number; years stay within the four digits of LocalDate. */
function quarterFrom(year: number, number: QuarterNumber): Quarter {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`Invalid quarter year ${year}: expected 0000 to 9999`);
  }
  const yyyy = pad(year, 4);
  return {
    id: `${yyyy}-Q${number}` as QuarterId,
    start: `${yyyy}-${pad((number - 1) * 3 + 1)}-01`,
    end: `${yyyy}-${LAST_DAYS[number]}`,
  };
}

/** Reads a quarter id as people type it ('2027-Q1', '2027-t1'); undefined when it is not one. */
export function parseQuarterId(text: string): QuarterId | undefined {
  const match = TYPED_QUARTER_ID.exec(text.trim());
  if (!match) return undefined;
  return `${match[1] ?? ''}-Q${match[2] ?? ''}` as QuarterId;
}

function splitId(id: QuarterId): { year: number; number: QuarterNumber } {
  const match = CANONICAL_QUARTER_ID.exec(id);
  if (!match) throw new RangeError(`Invalid quarter id "${id}": expected YYYY-Qn`);
  return { year: Number(match[1]), number: toQuarterNumber(Number(match[2])) };
}

/** The quarter an id names; throws on a malformed id, which only a bug can produce once typed. */
export function quarterById(id: QuarterId): Quarter {
  const { year, number } = splitId(id);
  return quarterFrom(year, number);
}

/** The calendar quarter a day belongs to. */
export function quarterOf(date: LocalDate): Quarter {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}": expected an existing day written YYYY-MM-DD`);
  const month = Number(date.slice(5, 7));
  return quarterFrom(Number(date.slice(0, 4)), toQuarterNumber(Math.ceil(month / 3)));
}

/** The quarter after `id`: the next round of check reminders (DOMAIN §1, every quarter). */
export function nextQuarter(id: QuarterId): Quarter {
  const { year, number } = splitId(id);
  return number === 4 ? quarterFrom(year + 1, 1) : quarterFrom(year, toQuarterNumber(number + 1));
}

/** The quarter before `id`: the one escalated when it ended with items unchecked (DOMAIN §1). */
export function previousQuarter(id: QuarterId): Quarter {
  const { year, number } = splitId(id);
  return number === 1 ? quarterFrom(year - 1, 4) : quarterFrom(year, toQuarterNumber(number - 1));
}

/** The day `n` calendar days before the quarter's last day: the "again before the quarter ends" reminder. */
export function daysBeforeEnd(quarter: Pick<Quarter, 'end'>, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Invalid day count ${n}: expected an integer ≥ 0`);
  return addCalendarDays(quarter.end, -n);
}
