import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { ReminderText } from '../reminders/reminder';
import { formatDay } from '../training/training-dates';
import type { ActionItem } from './action-item';
import { approvalAfterWorkingDays, escalationAfterWorkingDays, workingDaysUntil, type OwnerStage, type TimedStage } from './action-reminder-stages';

/** A digest line is short: long findings are cut. */
const maxFindingInDetail = 120;

function shortFinding(item: Pick<ActionItem, 'finding'>): string {
  return item.finding.length <= maxFindingInDetail ? item.finding : `${item.finding.slice(0, maxFindingInDetail - 1).trimEnd()}…`;
}

function workingDaysLeft(n: number): { fr: string; en: string } {
  if (n <= 0) return { fr: 'aujourd’hui', en: 'today' };
  return n === 1 ? { fr: 'dans 1 jour ouvré', en: 'in 1 working day' } : { fr: `dans ${n} jours ouvrés`, en: `in ${n} working days` };
}

/**
 * What the owner reads. "In N working days" is counted from the day the reminder goes out, so a stage sent late
 * (the deadline was set after it) still says the truth.
 */
export function ownerReminderText(
  item: Pick<ActionItem, 'id' | 'finding'>,
  deadline: LocalDate,
  stage: TimedStage<OwnerStage>,
  calendar: WorkingCalendar,
): ReminderText {
  const finding = shortFinding(item);
  if (stage.stage.startsWith('overdue-')) {
    return {
      fr: { title: `Action ${item.id} en retard : ${finding}`, detail: `Échéance dépassée depuis le ${formatDay(deadline, 'fr')} : réalisez-la ou demandez un report.` },
      en: { title: `Action ${item.id} overdue: ${finding}`, detail: `Deadline passed on ${formatDay(deadline, 'en')}: complete it or ask for a new deadline.` },
    };
  }
  const left = workingDaysLeft(workingDaysUntil(stage.day, deadline, calendar));
  return {
    fr: { title: `Action ${item.id} à réaliser : ${finding}`, detail: `Échéance le ${formatDay(deadline, 'fr')} (${left.fr})` },
    en: { title: `Action ${item.id} to complete: ${finding}`, detail: `Due on ${formatDay(deadline, 'en')} (${left.en})` },
  };
}

/** What the managers and the quality officer read when an action is 5 working days overdue. */
export function escalationReminderText(item: Pick<ActionItem, 'id' | 'finding' | 'services'>, deadline: LocalDate, ownerName: string | undefined): ReminderText {
  const finding = shortFinding(item);
  const services = item.services.join(' / ');
  return {
    fr: {
      title: `Action ${item.id} en retard de ${escalationAfterWorkingDays} jours ouvrés : ${finding}`,
      detail: `Pilote : ${ownerName ?? 'inconnu'} (${services}) — échéance le ${formatDay(deadline, 'fr')}`,
    },
    en: {
      title: `Action ${item.id} ${escalationAfterWorkingDays} working days overdue: ${finding}`,
      detail: `Owner: ${ownerName ?? 'unknown'} (${services}) — due on ${formatDay(deadline, 'en')}`,
    },
  };
}

/** What the approvers read when a closure has waited 3 working days. */
export function approvalReminderText(
  item: Pick<ActionItem, 'id' | 'finding'>,
  submittedAt: Date,
  submitterName: string | undefined,
  calendar: WorkingCalendar,
): ReminderText {
  const finding = shortFinding(item);
  const day = calendar.localDateOf(submittedAt);
  return {
    fr: {
      title: `Action ${item.id} à valider : ${finding}`,
      detail: `Déclarée réalisée le ${formatDay(day, 'fr')}${submitterName ? ` par ${submitterName}` : ''}, sans décision depuis ${approvalAfterWorkingDays} jours ouvrés`,
    },
    en: {
      title: `Action ${item.id} awaiting approval: ${finding}`,
      detail: `Marked done on ${formatDay(day, 'en')}${submitterName ? ` by ${submitterName}` : ''}, no decision for ${approvalAfterWorkingDays} working days`,
    },
  };
}
