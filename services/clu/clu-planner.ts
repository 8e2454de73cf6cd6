import { stagesInWindow, timed, workingDayOnOrBefore, type TimedStage } from '../action-plan/action-reminder-stages';
import type { Person } from '../directory/person';
import { addCalendarDays, type LocalDate, type WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder } from '../reminders/reminder';
import { addMonths, meetingDay, nextMeetingDue, upcomingMeeting } from './clu-dates';
import type { CluAnswer, CluMeeting } from './clu-meeting';
import { dueReminderText, invitationReminderText, minutesReminderText, openCluButton, scheduleCluButton } from './clu-reminder-text';
import { currentAnswer } from './clu-steps';

/** The quality officer is reminded this many months before the next meeting is due, then on the day (issue 7). */
export const dueReminderMonthsBefore = [3, 1] as const;

/** Internal members are reminded this many days before the meeting (issue 7: « one week and one day ahead »). */
export const invitationReminderDaysBefore = [7, 1] as const;

/** Once due, the minutes are asked for every this many days until their date is recorded (issue 7). */
export const minutesEveryDays = 7;

/** What the CLU planner reads: the meetings, the answers of the planned ones, the directory, the sweep's window. */
export interface CluPlanningInput {
  meetings: readonly CluMeeting[];
  /** Answers per meeting id (only planned meetings need theirs). */
  answers: ReadonlyMap<string, readonly CluAnswer[]>;
  people: readonly Pick<Person, 'id' | 'roles'>[];
  /** End of the previous sweep; undefined on the first sweep (then only the latest stage reached, once). */
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

const instant = (iso: string | undefined) => {
  const at = Date.parse(iso ?? '');
  return Number.isNaN(at) ? -Infinity : at;
};

/** The quality officer's stages: 3 months and 1 month before the due day, and the due day (a weekend moves back to the Friday). */
function dueStages(dueOn: LocalDate, knownAt: number, calendar: WorkingCalendar): TimedStage[] {
  const stages: TimedStage[] = dueReminderMonthsBefore.map((months) => timed(`before-${months}m`, workingDayOnOrBefore(addMonths(dueOn, -months), calendar), knownAt, calendar));
  stages.push(timed('due', workingDayOnOrBefore(dueOn, calendar), knownAt, calendar));
  return stages;
}

/** A member's stages: a week and a day before, on a working day; those already past when the date was set are not sent (the invitation was). */
function invitationStages(meeting: CluMeeting, day: LocalDate, calendar: WorkingCalendar): TimedStage[] {
  const scheduledAt = instant(meeting.scheduledAt);
  const startsAt = instant(meeting.startsAt);
  return invitationReminderDaysBefore
    .map((days) => timed(`before-${days}d`, workingDayOnOrBefore(addCalendarDays(day, -days), calendar), -Infinity, calendar))
    .filter((stage) => stage.at >= scheduledAt && stage.at < startsAt);
}

/** The minutes stages: on their due day (or the next working day), then every week, up to the first one after today. */
function minutesStages(dueOn: LocalDate, knownAt: number, today: LocalDate, calendar: WorkingCalendar): TimedStage[] {
  const stages: TimedStage[] = [];
  for (let n = 0; n === 0 || (stages.at(-1)?.day ?? '') <= today; n += 1) {
    stages.push(timed(n === 0 ? 'due' : `overdue-${n}`, calendar.nextWorkingDay(addCalendarDays(dueOn, n * minutesEveryDays), { inclusive: true }), knownAt, calendar));
  }
  return stages;
}

/**
 * CLU reminders (issue 7, DOMAIN §4). To the quality officers, while no meeting is planned: 3 months and 1 month
 * before the next meeting is due (12 months after the last), and on the day. To each internal member of a planned
 * meeting who has not said « excusé(e) » for its current date: 7 days and 1 day before. To the quality officers,
 * from the minutes' due day and weekly until their date is recorded. Keys hold what the schedule depends on, so a
 * change starts afresh: "clu-due:2027-02-16:before-1m", "clu-invitation:CLU-2027:<startsAt>:before-7d",
 * "clu-minutes:CLU-2026:2026-03-16:overdue-2". Returns the reminders whose `notBefore` is in (since, now].
 */
export function planCluReminders(input: CluPlanningInput): PlannedReminder[] {
  const { meetings, answers, people, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const window = { since, now };
  const today = calendar.localDateOf(now);
  const officers = people.filter((person) => person.roles.includes('rq'));
  const known = new Set(people.map((person) => person.id));
  const planned: PlannedReminder[] = [];

  const due = nextMeetingDue(meetings, now, calendar);
  if (due && !upcomingMeeting(meetings, now)) {
    for (const stage of stagesInWindow(dueStages(due.dueOn, due.knownAt, calendar), window)) {
      for (const officer of officers) {
        planned.push({
          key: `clu-due:${due.dueOn}:${stage.stage}`,
          recipientId: officer.id,
          notBefore: new Date(stage.at).toISOString(),
          text: dueReminderText(due.dueOn, due.basisDay, stage.day),
          action: scheduleCluButton,
        });
      }
    }
  }

  for (const meeting of meetings) {
    const day = meetingDay(meeting, calendar);
    if (meeting.state === 'scheduled' && instant(meeting.startsAt) > now.getTime()) {
      const byPerson = new Map((answers.get(meeting.id) ?? []).map((answer) => [answer.personId, answer]));
      for (const stage of stagesInWindow(invitationStages(meeting, day, calendar), window)) {
        for (const memberId of meeting.memberIds) {
          const answer = currentAnswer(meeting, byPerson.get(memberId));
          if (answer === 'excused' || !known.has(memberId)) continue;
          planned.push({
            key: `clu-invitation:${meeting.id}:${meeting.startsAt}:${stage.stage}`,
            recipientId: memberId,
            notBefore: new Date(stage.at).toISOString(),
            text: invitationReminderText(meeting, answer, calendar.timeZone, stage.day, day),
            action: openCluButton(answer ? { fr: 'Voir le CLU', en: 'Open the CLU' } : { fr: 'Répondre', en: 'Answer' }),
          });
        }
      }
    }
    const awaitingMinutes = meeting.minutesRecordedOn === undefined && (meeting.state === 'held' || (meeting.state === 'scheduled' && instant(meeting.startsAt) <= now.getTime()));
    if (awaitingMinutes) {
      const knownAt = meeting.state === 'held' ? Math.min(instant(meeting.heldAt), instant(meeting.startsAt)) : instant(meeting.startsAt);
      for (const stage of stagesInWindow(minutesStages(meeting.minutesDueOn, knownAt, today, calendar), window)) {
        for (const officer of officers) {
          planned.push({
            key: `clu-minutes:${meeting.id}:${meeting.minutesDueOn}:${stage.stage}`,
            recipientId: officer.id,
            notBefore: new Date(stage.at).toISOString(),
            text: minutesReminderText(meeting, meeting.heldOn ?? day),
            action: openCluButton({ fr: 'Voir le CLU', en: 'Open the CLU' }),
          });
        }
      }
    }
  }
  return planned;
}
