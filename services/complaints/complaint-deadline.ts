import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import { channelRules, type ChannelRule, type ComplaintChannel } from './complaint-channels';
import type { Complaint } from './complaint';

/**
 * The day counting starts from. A request received on a working day counts from that day (day 0, not counted:
 * "dans un délai de 5 jours ouvrés" runs from the next day, as legal delays do). One received on a Saturday, a
 * Sunday or a public holiday is registered on the next working day, which is then day 0.
 */
export function effectiveReceiptDay(receivedOn: LocalDate, calendar: WorkingCalendar): LocalDate {
  return calendar.nextWorkingDay(receivedOn, { inclusive: true });
}

/**
 * When the reply is due (E.17): the channel's working days after the day counting starts from. An e-mail received on
 * Friday 12 March 2027 is due Friday 19 March; received on Saturday 13 March, it counts from Monday 15 and is due
 * Monday 22. Weekends and French public holidays (Easter Monday, Ascension…) are skipped. Always a working day.
 */
export function replyDueOn(
  receivedOn: LocalDate,
  channel: ComplaintChannel,
  calendar: WorkingCalendar,
  rules: Readonly<Record<ComplaintChannel, ChannelRule>> = channelRules,
): LocalDate {
  return calendar.addWorkingDays(effectiveReceiptDay(receivedOn, calendar), rules[channel].replyWithinWorkingDays);
}

/** 17.3: the acknowledgement is expected the first working day after the day counting starts from. */
export function acknowledgementDueOn(receivedOn: LocalDate, calendar: WorkingCalendar): LocalDate {
  return calendar.addWorkingDays(effectiveReceiptDay(receivedOn, calendar), 1);
}

/** True when the channel owes an acknowledgement (17.3) that has not been recorded yet. */
export function awaitsAcknowledgement(complaint: Pick<Complaint, 'channel' | 'acknowledgedOn' | 'state'>): boolean {
  return complaint.state === 'open' && channelRules[complaint.channel].acknowledgement && complaint.acknowledgedOn === undefined;
}

/**
 * Whether the commitment was kept (17.1, 17.2: a reply within the delay, on the substance or a holding reply
 * announcing when). Replies are read in order: each must come on or before the due date then in force; a holding
 * reply moves the due date to its forecast. True when the reply on the substance came in time, false as soon as one
 * reply came late (a late holding reply does not excuse the delay already missed), undefined while unanswered.
 */
export function answeredOnTime(complaint: Pick<Complaint, 'initialDueOn' | 'replies'>): boolean | undefined {
  let due = complaint.initialDueOn;
  for (const reply of complaint.replies) {
    if (reply.on > due) return false;
    if (reply.kind === 'substance') return true;
    if (reply.forecastOn !== undefined && reply.forecastOn > due) due = reply.forecastOn;
  }
  return undefined;
}

/** Still waiting for a reply on the substance after its due date in force ("en retard"). */
export function isLate(complaint: Pick<Complaint, 'state' | 'dueOn'>, today: LocalDate): boolean {
  return complaint.state === 'open' && complaint.dueOn < today;
}
