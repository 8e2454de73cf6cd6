import type { Locale } from '../../cards/locale';
import type { LocalDate } from '../reminders/calendar';
import { daysBetween, formatDay } from '../training/training-dates';
import { addMonthsTo } from './label-dates';
import { isCurrentDone, isPending, lastDoneOn, type LabelObligation } from './label-obligation';

/** `calendrier` looks this many months ahead (issue 7: "what is due in the next 6 months"). */
export const lookAheadMonths = 6;

const byDueOn = <O extends Pick<LabelObligation, 'dueOn' | 'id'>>(a: O, b: O) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);

/** Pending obligations due from `today` to `today` + `months` (both included), soonest first. */
export function dueWithin<O extends LabelObligation>(obligations: readonly O[], today: LocalDate, months = lookAheadMonths): O[] {
  const until = addMonthsTo(today, months);
  return obligations.filter((o) => isPending(o) && o.dueOn >= today && o.dueOn <= until).sort(byDueOn);
}

/** Pending obligations whose due date has passed (due before `today`), the oldest first. */
export function late<O extends LabelObligation>(obligations: readonly O[], today: LocalDate): O[] {
  return obligations.filter((o) => isPending(o) && o.dueOn < today).sort(byDueOn);
}

const texts = {
  fr: {
    once: 'Une seule fois',
    every: (n: number) => (n === 12 ? 'Tous les ans' : n % 12 === 0 ? `Tous les ${n / 12} ans` : `Tous les ${n} mois`),
    afterDone: (months: string, base: string) => `${months} après la dernière réalisation de « ${base} »`,
    fromDue: (offset: string, before: boolean, base: string) => `${offset} ${before ? 'avant' : 'après'} l’échéance de « ${base} »`,
    sameDay: (base: string) => `le jour de l’échéance de « ${base} »`,
    months: (n: number) => `${n} mois`,
    weeks: (n: number) => `${n} semaine${n > 1 ? 's' : ''}`,
    and: ' et ',
    extension: (n: number) => ` (+ ${n} mois de report)`,
    inDays: (n: number) => (n === 0 ? 'aujourd’hui' : n === 1 ? 'demain' : `dans ${n} jours`),
    lateBy: (n: number) => `en retard de ${n} jour${n > 1 ? 's' : ''}`,
    window: (from: string, to: string) => `du ${from} au ${to}`,
    doneOn: (day: string) => `fait le ${day}`,
    retired: 'retirée',
    lastDone: (day: string) => `dernière réalisation le ${day}`,
  },
  en: {
    once: 'Once',
    every: (n: number) => (n === 12 ? 'Every year' : n % 12 === 0 ? `Every ${n / 12} years` : `Every ${n} months`),
    afterDone: (months: string, base: string) => `${months} after “${base}” was last done`,
    fromDue: (offset: string, before: boolean, base: string) => `${offset} ${before ? 'before' : 'after'} “${base}” is due`,
    sameDay: (base: string) => `the day “${base}” is due`,
    months: (n: number) => `${n} month${n > 1 ? 's' : ''}`,
    weeks: (n: number) => `${n} week${n > 1 ? 's' : ''}`,
    and: ' and ',
    extension: (n: number) => ` (+ ${n} month${n > 1 ? 's' : ''} extension)`,
    inDays: (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`),
    lateBy: (n: number) => `${n} day${n > 1 ? 's' : ''} late`,
    window: (from: string, to: string) => `from ${from} to ${to}`,
    doneOn: (day: string) => `done on ${day}`,
    retired: 'retired',
    lastDone: (day: string) => `last done on ${day}`,
  },
};

/** How occurrences follow each other, as people say it: "Tous les ans", "18 mois après la dernière réalisation de « … »". */
export function scheduleText(obligation: LabelObligation, all: readonly LabelObligation[], locale: Locale): string {
  const t = texts[locale];
  const { schedule } = obligation;
  if (schedule.kind === 'one-off') return t.once;
  if (schedule.kind === 'recurring') return t.every(schedule.everyMonths);
  const base = all.find((o) => o.id === schedule.from);
  const baseName = base ? base.label[locale] : schedule.from;
  const extension = schedule.extensionMonths > 0 ? t.extension(schedule.extensionMonths) : '';
  if (schedule.basis === 'done') return t.afterDone(t.months(schedule.months), baseName) + extension;
  const parts = [...(schedule.months !== 0 ? [t.months(Math.abs(schedule.months))] : []), ...(schedule.weeks !== 0 ? [t.weeks(Math.abs(schedule.weeks))] : [])];
  if (parts.length === 0) return t.sameDay(baseName) + extension;
  // Months and weeks go the same way in every schedule the product builds; the sign of the months decides otherwise.
  const before = schedule.months < 0 || (schedule.months === 0 && schedule.weeks < 0);
  return t.fromDue(parts.join(t.and), before, baseName) + extension;
}

/** Its period, when it has one: "du 22/03/2027 au 01/04/2027"; else empty. */
export function windowText(obligation: Pick<LabelObligation, 'dueOn' | 'windowStartsOn'>, locale: Locale): string {
  if (obligation.windowStartsOn === undefined || obligation.windowStartsOn >= obligation.dueOn) return '';
  return texts[locale].window(formatDay(obligation.windowStartsOn, locale), formatDay(obligation.dueOn, locale));
}

/** When it is due, as a line shows it: "01/04/2027 (du 22/03/2027 au 01/04/2027)". */
export function dueText(obligation: Pick<LabelObligation, 'dueOn' | 'windowStartsOn'>, locale: Locale): string {
  const due = formatDay(obligation.dueOn, locale);
  const window = windowText(obligation, locale);
  return window === '' ? due : `${due} (${window})`;
}

/** Where it stands on `today`: "dans 12 jours", "en retard de 3 jours", "fait le 22/06/2026", "retirée". */
export function standingText(obligation: LabelObligation, today: LocalDate, locale: Locale): string {
  const t = texts[locale];
  if (!obligation.active) return t.retired;
  if (isCurrentDone(obligation)) {
    const entry = obligation.history.findLast((h) => h.occurrenceDueOn === obligation.dueOn);
    return t.doneOn(formatDay(entry?.doneOn ?? obligation.dueOn, locale));
  }
  const days = daysBetween(today, obligation.dueOn);
  return days >= 0 ? t.inDays(days) : t.lateBy(-days);
}

/** "dernière réalisation le 22/06/2026", or empty when never done. */
export function lastDoneText(obligation: LabelObligation, locale: Locale): string {
  const last = lastDoneOn(obligation);
  return last === undefined ? '' : texts[locale].lastDone(formatDay(last, locale));
}
