import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Locale } from '../../cards/locale';
import { isLocalDate, type LocalDate } from '../reminders/calendar';

function assertLocalDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}": expected an existing day written YYYY-MM-DD`);
}

/** Calendar days from `from` to `to` (negative when `to` comes first): "due in N days", "expired N days ago". */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  assertLocalDate(from);
  assertLocalDate(to);
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** A day as each language reads it: 12/03/2027 in French, 2027-03-12 in English (unambiguous abroad). */
export function formatDay(date: LocalDate, locale: Locale): string {
  assertLocalDate(date);
  if (locale === 'en') return date;
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const monthNames: Record<Locale, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The month of a 'YYYY-MM' id in words ("mars 2027", "March 2027"), for the managers' digest title. */
export function formatMonth(month: string, locale: Locale): string {
  const name = monthNames[locale][Number(month.slice(5, 7)) - 1];
  if (!/^\d{4}-\d{2}$/.test(month) || name === undefined) throw new RangeError(`Invalid month "${month}": expected YYYY-MM`);
  return `${name} ${month.slice(0, 4)}`;
}
