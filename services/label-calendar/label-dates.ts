import { addMonths, format } from 'date-fns';
import { addCalendarDays, isLocalDate, type LocalDate } from '../reminders/calendar';
import type { DerivedSchedule } from './label-obligation';

/** The label is valid 3 years (CLU 2021: "La labellisation est valable 3 ans"). */
export const labelValidityMonths = 36;

/** The follow-up audit is due within 18 months of the label (CLU 2021: "dans le délai de 18 mois suivant la labellisation"). */
export const followUpAuditMonths = 18;

/**
 * `date` moved by `months` calendar months (negative goes back), clamped to the end of a shorter month as date-fns
 * does: 31 Aug + 1 month is 30 Sep. 18/12/2019 + 18 months is 18/06/2021.
 */
export function addMonthsTo(date: LocalDate, months: number): LocalDate {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  if (!Number.isInteger(months)) throw new RangeError(`Invalid month count ${months}: expected an integer`);
  // Local noon, set field by field: no zone offset or midnight gap can move the day, and years < 100 stay put.
  const day = new Date(2000, 0, 1, 12);
  day.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return format(addMonths(day, months), 'yyyy-MM-dd');
}

/** The due date a derived schedule gives from its base date: months (with the extension), then weeks. */
export function derivedDueOn(schedule: Pick<DerivedSchedule, 'months' | 'weeks' | 'extensionMonths'>, baseOn: LocalDate): LocalDate {
  return addCalendarDays(addMonthsTo(baseOn, schedule.months + schedule.extensionMonths), schedule.weeks * 7);
}

/** What a label granted on `grantedOn` makes due: its renewal (36 months) and its follow-up audit (18 months + extension). */
export function labelMilestones(grantedOn: LocalDate, extensionMonths = 0): { renewalDueOn: LocalDate; followUpAuditDueOn: LocalDate } {
  return {
    renewalDueOn: derivedDueOn({ months: labelValidityMonths, weeks: 0, extensionMonths: 0 }, grantedOn),
    followUpAuditDueOn: derivedDueOn({ months: followUpAuditMonths, weeks: 0, extensionMonths }, grantedOn),
  };
}

/**
 * A day as a person types it: 'AAAA-MM-JJ' (what Input.Date sends) or 'JJ/MM/AAAA' (what French people write);
 * undefined when it is neither or does not exist (31/02/2027).
 */
export function parseDayInput(text: string): LocalDate | undefined {
  const typed = text.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const iso = french ? `${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}` : typed;
  return isLocalDate(iso) ? iso : undefined;
}
