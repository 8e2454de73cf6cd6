import type { Person } from '../directory/person';
import type { WorkingCalendar } from '../reminders/calendar';
import { daysBeforeEnd, previousQuarter, quarterOf, type Quarter } from '../reminders/quarter';
import type { PlannedReminder } from '../reminders/reminder';
import type { CheckAnswer, CheckItem } from './check-item';

/** What the check planner reads. */
export interface CheckPlanningInput {
  items: readonly CheckItem[];
  /** Answers of the current and previous quarters (others are not needed). */
  answers: readonly CheckAnswer[];
  people: readonly Pick<Person, 'id' | 'name' | 'service' | 'roles'>[];
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

/** Days before the quarter's end of the second reminder (issue #4: "again 15 days before its end"). */
export const secondReminderDaysBeforeEnd = 15;

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const frQuarter = (quarter: Quarter) => `T${quarter.id.slice(-1)} ${quarter.id.slice(0, 4)}`;

interface Stage {
  stage: 'start' | 'before-end' | 'escalation';
  quarter: Quarter;
  at: Date;
}

/**
 * The quarterly check reminders (DOMAIN.md §1): to the owner on the quarter's first working day and again 15 days
 * before its end while unanswered; to the owner's managers and the quality officers on the first working day after a
 * quarter ended unanswered. Only stages reached after `since` and by `now`; on a first sweep (no `since`), only the
 * latest stage reached per item and quarter, not the whole past.
 */
export function planCheckReminders(input: CheckPlanningInput): PlannedReminder[] {
  const { calendar, now, since } = input;
  const today = calendar.localDateOf(now);
  const current = quarterOf(today);
  const previous = previousQuarter(current.id);
  const opening = (quarter: Quarter) => calendar.nextSendingInstant(calendar.localInstant(calendar.firstWorkingDayOfQuarter(quarter), calendar.window.start));
  const stages: Stage[] = [
    { stage: 'start', quarter: current, at: opening(current) },
    {
      stage: 'before-end',
      quarter: current,
      at: calendar.nextSendingInstant(calendar.localInstant(daysBeforeEnd(current, secondReminderDaysBeforeEnd), calendar.window.start)),
    },
    { stage: 'escalation', quarter: previous, at: opening(current) },
  ];
  const reached = stages.filter((s) => s.at <= now && (!since || s.at > since));
  // A first sweep mid-quarter owes the owner one reminder, not one per stage already past.
  const ownerStages = reached.filter((s) => s.stage !== 'escalation');
  const latestOwnerStage = since ? ownerStages : ownerStages.slice(-1);
  const planned = [...latestOwnerStage, ...reached.filter((s) => s.stage === 'escalation')];

  const answered = new Set(input.answers.map((a) => `${a.itemId}|${a.quarter}`));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const qualityOfficers = input.people.filter((p) => p.roles.includes('rq'));
  const reminders: PlannedReminder[] = [];
  for (const item of input.items) {
    if (!item.active) continue;
    for (const stage of planned) {
      if (answered.has(`${item.id}|${stage.quarter.id}`)) continue;
      if (item.createdAt > calendar.localInstant(stage.quarter.end, '23:59').toISOString()) continue; // not owed yet
      const key = `check:${item.id}:${stage.quarter.id}:${stage.stage}`;
      const notBefore = stage.at.toISOString();
      const owner = people.get(item.ownerId);
      if (stage.stage === 'escalation') {
        const managers = input.people.filter((p) => p.roles.includes('manager') && p.service === item.service);
        const recipients = new Set([...managers, ...qualityOfficers].map((p) => p.id));
        for (const recipientId of recipients) {
          reminders.push({
            key,
            recipientId,
            notBefore,
            text: {
              fr: { title: `Contrôle non fait : ${item.label}`, detail: `${owner?.name ?? 'Responsable inconnu'}, ${item.service} — ${frQuarter(stage.quarter)} terminé sans confirmation` },
              en: { title: `Check not done: ${item.label}`, detail: `${owner?.name ?? 'Unknown owner'}, ${item.service} — ${stage.quarter.id} ended unconfirmed` },
            },
            action: { verb: 'check.open', data: { itemId: item.id, quarter: stage.quarter.id }, title: { fr: 'Voir', en: 'View' } },
          });
        }
        continue;
      }
      reminders.push({
        key,
        recipientId: item.ownerId,
        notBefore,
        text: {
          fr: { title: `Contrôle trimestriel : ${item.label}`, detail: `À confirmer avant le ${frDate(stage.quarter.end)} (${frQuarter(stage.quarter)})` },
          en: { title: `Quarterly check: ${item.label}`, detail: `To confirm by ${stage.quarter.end} (${stage.quarter.id})` },
        },
        action: { verb: 'check.open', data: { itemId: item.id, quarter: stage.quarter.id }, title: { fr: 'Répondre', en: 'Answer' } },
      });
    }
  }
  return reminders;
}
