import { stagesInWindow, timed, type TimedStage } from '../action-plan/action-reminder-stages';
import type { Person } from '../directory/person';
import { addCalendarDays, type LocalDate, type WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder } from '../reminders/reminder';
import { isPending, type LabelObligation } from './label-obligation';
import { escalationReminderText, markDoneAction, ownerReminderText, showCalendarAction } from './label-reminder-text';

/** The owner is reminded this many calendar days ahead (issue 7: "90/30/7 days"), earliest first. */
export const daysAhead = [90, 30, 7] as const;

/** While late, the owner is reminded every this many days (issue 7: "then weekly reminders to the owner while late"). */
export const lateEveryDays = 7;

/** An owner stage: 'before-90', 'before-30', 'before-7', then 'late-1' (first working day after the due date), 'late-2'… a week apart. */
export type LabelStage = `before-${(typeof daysAhead)[number]}` | `late-${number}`;

/** What the label-calendar planner reads: the obligations, the directory, and the sweep's time window. */
export interface LabelPlanningInput {
  obligations: readonly LabelObligation[];
  people: readonly Pick<Person, 'id' | 'name' | 'roles' | 'service'>[];
  /** End of the previous sweep; undefined on the first sweep (then only what is due now, once). */
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

function knownAtOf(obligation: Pick<LabelObligation, 'dueSetAt'>): number {
  const at = Date.parse(obligation.dueSetAt);
  return Number.isNaN(at) ? -Infinity : at;
}

/**
 * The owner's stages of the current occurrence, in order, up to the first one after `today`. Ahead stages count to
 * the period's start when there is one, else to the due date, each moved to the next working day; late stages start
 * on the first working day after the due date. Days never decrease along the list.
 */
export function ownerStagesUntil(o: Pick<LabelObligation, 'dueOn' | 'windowStartsOn' | 'dueSetAt'>, today: LocalDate, calendar: WorkingCalendar): TimedStage<LabelStage>[] {
  const knownAt = knownAtOf(o);
  const target = o.windowStartsOn ?? o.dueOn;
  const stages: TimedStage<LabelStage>[] = daysAhead.map((days) =>
    timed(`before-${days}` as const, calendar.nextWorkingDay(addCalendarDays(target, -days), { inclusive: true }), knownAt, calendar),
  );
  for (let n = 1; (stages.at(-1)?.day ?? '') <= today; n += 1) {
    const day = calendar.nextWorkingDay(addCalendarDays(o.dueOn, 1 + (n - 1) * lateEveryDays), { inclusive: true });
    stages.push(timed(`late-${n}`, day, knownAt, calendar));
  }
  return stages;
}

/** When the escalation goes: the first working day after the due date (never before it), not before it was known. */
export function escalationStage(o: Pick<LabelObligation, 'dueOn' | 'dueSetAt'>, calendar: WorkingCalendar): TimedStage<'escalation'> {
  return timed('escalation', calendar.nextWorkingDay(o.dueOn), knownAtOf(o), calendar);
}

/** Who hears of a late obligation: the quality officers and the managers of the owner's service, never the owner. */
export function escalationRecipients<P extends Pick<Person, 'id' | 'roles' | 'service'>>(ownerId: string, people: readonly P[]): P[] {
  const service = people.find((p) => p.id === ownerId)?.service;
  const managesOwner = (p: P) => p.roles.includes('manager') && service !== undefined && p.service === service;
  return people.filter((p) => p.id !== ownerId && (p.roles.includes('rq') || managesOwner(p)));
}

/**
 * Label-calendar reminders (DOMAIN §5, issue 7). To the owner of each active obligation whose current occurrence is
 * not done: 90, 30 and 7 calendar days ahead, then every week while late; once to the quality officers and the
 * owner's managers on the first working day after the due date. Keys hold the due date, so the next occurrence
 * starts fresh: "label:enquete-satisfaction:2027-04-01:before-30", "label:…:late-2", "label:…:escalation". Returns
 * the reminders whose `notBefore` is in (since, now]; the first sweep (no `since`) only the latest stage reached.
 */
export function planLabelReminders(input: LabelPlanningInput): PlannedReminder[] {
  const { obligations, people, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const today = calendar.localDateOf(now);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const reached = (stage: TimedStage) => stage.at <= now.getTime() && (since === undefined || stage.at > since.getTime());
  const planned: PlannedReminder[] = [];
  for (const o of obligations) {
    if (!isPending(o)) continue;
    const prefix = `label:${o.id}:${o.dueOn}`;
    for (const stage of stagesInWindow(ownerStagesUntil(o, today, calendar), { since, now })) {
      planned.push({
        key: `${prefix}:${stage.stage}`,
        recipientId: o.ownerId,
        notBefore: new Date(stage.at).toISOString(),
        text: ownerReminderText(o, stage.stage.startsWith('late-'), stage.day),
        action: markDoneAction(o.id),
      });
    }
    const escalation = escalationStage(o, calendar);
    if (!reached(escalation)) continue;
    for (const recipient of escalationRecipients(o.ownerId, people)) {
      planned.push({
        key: `${prefix}:escalation`,
        recipientId: recipient.id,
        notBefore: new Date(escalation.at).toISOString(),
        text: escalationReminderText(o, names.get(o.ownerId)),
        // The quality officers may mark it done themselves; the managers see where the calendar stands.
        action: recipient.roles.includes('rq') ? markDoneAction(o.id) : showCalendarAction,
      });
    }
  }
  return planned;
}
