import type { Person } from '../directory/person';
import type { WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder, ReminderAction } from '../reminders/reminder';
import { workStates, type ActionItem } from './action-item';
import { approversOf, escalationRecipientsOf } from './action-people';
import { approvalReminderText, escalationReminderText, ownerReminderText } from './action-reminder-text';
import {
  approvalAfterWorkingDays,
  escalationAfterWorkingDays,
  ownerStagesUntil,
  stagesInWindow,
  timed,
  type TimedStage,
} from './action-reminder-stages';

/** What the action-plan planner reads: the plan, the directory, and the sweep's time window. */
export interface ActionPlanningInput {
  items: readonly ActionItem[];
  people: readonly Pick<Person, 'id' | 'name' | 'roles' | 'service'>[];
  /** End of the previous sweep; undefined on the first sweep (then only what is due now, once). */
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

/** The digest line's button: opens the action's card (verb to wire in bot/verbs.ts). */
export function openActionButton(id: string): ReminderAction {
  return { verb: 'action.open', data: { id }, title: { fr: 'Voir l’action', en: 'Open action' } };
}

/** When the current deadline became known: reminder stages before it collapse into one at that instant. */
function deadlineKnownAt(item: ActionItem): number {
  const at = Date.parse(item.deadlineSetAt ?? item.createdAt);
  return Number.isNaN(at) ? -Infinity : at;
}

/**
 * Action-plan reminders (DOMAIN §3, issue 5). To the owner of a planned or in-progress action: 14 and 3 working
 * days before the deadline, on it, then every 7 days while overdue; once to the owning services' managers and the
 * quality officers when it is 5 working days overdue; to the approvers once a closure has waited 3 working days.
 * Keys hold the deadline (a new deadline starts fresh) or the instant it was marked done (a re-submission after a
 * rejection starts fresh): "action:2021-07:2021-04-22:before-14", "action:…:escalation:<id>",
 * "action-approval:2021-07:<submittedAt>:<id>". Returns the reminders whose `notBefore` is in (since, now].
 */
export function planActionReminders(input: ActionPlanningInput): PlannedReminder[] {
  const { items, people, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const today = calendar.localDateOf(now);
  const window = { since, now };
  const planned: PlannedReminder[] = [];
  const names = new Map(people.map((person) => [person.id, person.name]));
  const reached = (stage: TimedStage) => stage.at <= now.getTime() && (since === undefined || stage.at > since.getTime());

  for (const item of items) {
    const action = openActionButton(item.id);
    if (workStates.includes(item.state) && item.deadline !== undefined) {
      const { deadline } = item;
      const knownAt = deadlineKnownAt(item);
      for (const stage of stagesInWindow(ownerStagesUntil(deadline, knownAt, today, calendar), window)) {
        planned.push({
          key: `action:${item.id}:${deadline}:${stage.stage}`,
          recipientId: item.ownerId,
          notBefore: new Date(stage.at).toISOString(),
          text: ownerReminderText(item, deadline, stage, calendar),
          action,
        });
      }
      const escalation = timed('escalation', calendar.addWorkingDays(deadline, escalationAfterWorkingDays), knownAt, calendar);
      if (reached(escalation)) {
        const ownerName = names.get(item.ownerId);
        for (const recipient of escalationRecipientsOf(item, people)) {
          planned.push({
            key: `action:${item.id}:${deadline}:escalation:${recipient.id}`,
            recipientId: recipient.id,
            notBefore: new Date(escalation.at).toISOString(),
            text: escalationReminderText(item, deadline, ownerName),
            action,
          });
        }
      }
    }
    if (item.state === 'awaiting-approval' && item.submittedAt !== undefined) {
      const submittedAt = new Date(item.submittedAt);
      if (Number.isNaN(submittedAt.getTime())) continue;
      const day = calendar.addWorkingDays(calendar.localDateOf(submittedAt), approvalAfterWorkingDays);
      const stage = timed('approval', day, submittedAt.getTime(), calendar);
      if (!reached(stage)) continue;
      const submitter = item.submittedBy === undefined ? undefined : names.get(item.submittedBy);
      for (const approver of approversOf(item, people)) {
        planned.push({
          key: `action-approval:${item.id}:${item.submittedAt}:${approver.id}`,
          recipientId: approver.id,
          notBefore: new Date(stage.at).toISOString(),
          text: approvalReminderText(item, submittedAt, submitter, calendar),
          action,
        });
      }
    }
  }
  return planned;
}
