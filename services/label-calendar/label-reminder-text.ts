import type { LocalDate } from '../reminders/calendar';
import type { ReminderAction, ReminderText } from '../reminders/reminder';
import { daysBetween, formatDay } from '../training/training-dates';
import type { LabelObligation } from './label-obligation';

/** The owner's digest line button: opens the small "done" form of the obligation (verb wired in bot/verbs.ts). */
export function markDoneAction(id: string): ReminderAction {
  return { verb: 'labelCalendar.doneForm', data: { id }, title: { fr: 'Marquer comme fait', en: 'Mark as done' } };
}

/** The escalation line's button: the calendar of what is due and late (command « calendrier »). */
export const showCalendarAction: ReminderAction = {
  verb: 'command.run',
  data: { command: 'labelCalendar' },
  title: { fr: 'Voir le calendrier', en: 'Open the calendar' },
};

const name = (o: Pick<LabelObligation, 'label' | 'reference'>) => ({ fr: `${o.label.fr} (${o.reference})`, en: `${o.label.en} (${o.reference})` });

function inDays(days: number): { fr: string; en: string } {
  if (days <= 0) return { fr: 'aujourd’hui', en: 'today' };
  return days === 1 ? { fr: 'demain', en: 'tomorrow' } : { fr: `dans ${days} jours`, en: `in ${days} days` };
}

/**
 * What an owner's reminder says, counted from `sendDay` (the day it is read). Ahead: the due date, or the period's
 * start when the obligation has one (the survey must be ready when its two weeks begin). Late: since when.
 */
export function ownerReminderText(o: Pick<LabelObligation, 'label' | 'reference' | 'dueOn' | 'windowStartsOn'>, lateStage: boolean, sendDay: LocalDate): ReminderText {
  const what = name(o);
  const due = { fr: formatDay(o.dueOn, 'fr'), en: formatDay(o.dueOn, 'en') };
  if (lateStage) {
    const days = daysBetween(o.dueOn, sendDay);
    return {
      fr: { title: `Échéance dépassée : ${what.fr}`, detail: `Prévue le ${due.fr} (retard de ${days} jour${days > 1 ? 's' : ''}) : faites-la puis marquez-la comme faite.` },
      en: { title: `Past due: ${what.en}`, detail: `Due on ${due.en} (${days} day${days > 1 ? 's' : ''} late): do it, then mark it as done.` },
    };
  }
  const title = { fr: `Calendrier du label : ${what.fr}`, en: `Label calendar: ${what.en}` };
  if (o.windowStartsOn !== undefined && o.windowStartsOn < o.dueOn) {
    const when = inDays(daysBetween(sendDay, o.windowStartsOn));
    const from = { fr: formatDay(o.windowStartsOn, 'fr'), en: formatDay(o.windowStartsOn, 'en') };
    return {
      fr: { title: title.fr, detail: `Du ${from.fr} au ${due.fr} (début ${when.fr})` },
      en: { title: title.en, detail: `From ${from.en} to ${due.en} (starts ${when.en})` },
    };
  }
  const when = inDays(daysBetween(sendDay, o.dueOn));
  return {
    fr: { title: title.fr, detail: `Échéance le ${due.fr} (${when.fr})` },
    en: { title: title.en, detail: `Due on ${due.en} (${when.en})` },
  };
}

/** What the quality officers and the owner's managers read when an obligation passed its due date undone. */
export function escalationReminderText(o: Pick<LabelObligation, 'label' | 'reference' | 'dueOn'>, ownerName: string | undefined): ReminderText {
  const what = name(o);
  const owner = { fr: ownerName ?? 'responsable inconnu', en: ownerName ?? 'unknown owner' };
  return {
    fr: { title: `Calendrier du label, échéance dépassée : ${what.fr}`, detail: `Prévue le ${formatDay(o.dueOn, 'fr')}, pas encore faite — responsable : ${owner.fr}` },
    en: { title: `Label calendar, past due: ${what.en}`, detail: `Due on ${formatDay(o.dueOn, 'en')}, not done yet — owner: ${owner.en}` },
  };
}
