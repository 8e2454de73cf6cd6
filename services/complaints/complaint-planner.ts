import { stagesInWindow, timed, workingDayOnOrBefore, workingDaysBefore, workingDaysUntil, type TimedStage } from '../action-plan/action-reminder-stages';
import type { Person } from '../directory/person';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder, ReminderAction, ReminderText } from '../reminders/reminder';
import { formatDay } from '../training/training-dates';
import { channelRules } from './complaint-channels';
import type { Complaint } from './complaint';
import { acknowledgementDueOn, awaitsAcknowledgement } from './complaint-deadline';
import { complaintEscalationRecipients } from './complaint-people';

/** The assignee is reminded this many working days before the due date, then on it (issue 6). */
export const complaintReminderWorkingDaysBefore = 2;

/** What the complaints planner reads: the open complaints, the directory, and the sweep's time window. */
export interface ComplaintPlanningInput {
  complaints: readonly Complaint[];
  people: readonly Pick<Person, 'id' | 'name' | 'roles' | 'service'>[];
  /** End of the previous sweep; undefined on the first sweep (then only what is due now, once). */
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

/** The digest line's button: opens the complaint's card. */
export function openComplaintButton(id: string): ReminderAction {
  return { verb: 'complaint.open', data: { id }, title: { fr: 'Voir la réclamation', en: 'Open complaint' } };
}

const maxSummary = 100;
const short = (text: string) => {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= maxSummary ? line : `${line.slice(0, maxSummary - 1).trimEnd()}…`;
};

function left(n: number): { fr: string; en: string } {
  if (n <= 0) return { fr: 'aujourd’hui', en: 'today' };
  return n === 1 ? { fr: 'dans 1 jour ouvré', en: 'in 1 working day' } : { fr: `dans ${n} jours ouvrés`, en: `in ${n} working days` };
}

/** What the assignee reads before and on the due date; "in N working days" counts from the day it goes out. */
function assigneeText(complaint: Complaint, stage: TimedStage, calendar: WorkingCalendar): ReminderText {
  const when = left(workingDaysUntil(stage.day, complaint.dueOn, calendar));
  const channel = channelRules[complaint.channel].label;
  return {
    fr: { title: `Réclamation ${complaint.id} à traiter : ${short(complaint.summary)}`, detail: `Réponse attendue le ${formatDay(complaint.dueOn, 'fr')} (${when.fr}) — ${channel.fr}` },
    en: { title: `Complaint ${complaint.id} to answer: ${short(complaint.summary)}`, detail: `Reply due on ${formatDay(complaint.dueOn, 'en')} (${when.en}) — ${channel.en}` },
  };
}

/** What the managers and the quality officer read once the due date has passed. */
function escalationText(complaint: Complaint, assigneeName: string | undefined): ReminderText {
  return {
    fr: {
      title: `Réclamation ${complaint.id} sans réponse à l’échéance : ${short(complaint.summary)}`,
      detail: `Agent : ${assigneeName ?? 'inconnu'} (${complaint.service}) — réponse attendue le ${formatDay(complaint.dueOn, 'fr')}`,
    },
    en: {
      title: `Complaint ${complaint.id} unanswered at its due date: ${short(complaint.summary)}`,
      detail: `Agent: ${assigneeName ?? 'unknown'} (${complaint.service}) — reply was due on ${formatDay(complaint.dueOn, 'en')}`,
    },
  };
}

/** What the assignee reads when an e-mail still has no acknowledgement of receipt (17.3). */
function acknowledgementText(complaint: Complaint): ReminderText {
  const channel = channelRules[complaint.channel].label;
  return {
    fr: { title: `Accusé de réception à envoyer : réclamation ${complaint.id}`, detail: `Reçue le ${formatDay(complaint.receivedOn, 'fr')} (${channel.fr.toLowerCase()}) — 17.3` },
    en: { title: `Acknowledgement to send: complaint ${complaint.id}`, detail: `Received on ${formatDay(complaint.receivedOn, 'en')} (${channel.en.toLowerCase()}) — 17.3` },
  };
}

const instant = (iso: string) => {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? -Infinity : at;
};

/**
 * Complaint reminders (issue 6; E.17, 17.3). To the assignee of an open complaint: 2 working days before the due
 * date and on it; once to the service's managers and the quality officers on the first working day after it; and,
 * when the channel owes an acknowledgement not yet recorded, on the first working day after receipt. Keys hold the
 * due date in force ("complaint:R-2026-0012:2026-03-19:before-2", "…:escalation:<id>"), so a holding reply that
 * moves it starts a fresh schedule; "complaint:R-2026-0012:ack" is sent once. Stages already past when the due date
 * was set collapse into one. Returns the reminders whose `notBefore` is in (since, now].
 */
export function planComplaintReminders(input: ComplaintPlanningInput): PlannedReminder[] {
  const { complaints, people, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const window = { since, now };
  const reached = (stage: TimedStage) => stage.at <= now.getTime() && (since === undefined || stage.at > since.getTime());
  const names = new Map(people.map((person) => [person.id, person.name]));
  const planned: PlannedReminder[] = [];

  for (const complaint of complaints) {
    if (complaint.state !== 'open') continue;
    const action = openComplaintButton(complaint.id);
    const due: LocalDate = complaint.dueOn;
    const knownAt = instant(complaint.dueSetAt);
    const stages = [
      timed('before-2', workingDaysBefore(due, complaintReminderWorkingDaysBefore, calendar), knownAt, calendar),
      timed('due', workingDayOnOrBefore(due, calendar), knownAt, calendar),
    ];
    for (const stage of stagesInWindow(stages, window)) {
      planned.push({
        key: `complaint:${complaint.id}:${due}:${stage.stage}`,
        recipientId: complaint.assigneeId,
        notBefore: new Date(stage.at).toISOString(),
        text: assigneeText(complaint, stage, calendar),
        action,
      });
    }
    const escalation = timed('escalation', calendar.nextWorkingDay(due), knownAt, calendar);
    if (reached(escalation)) {
      for (const recipient of complaintEscalationRecipients(complaint, people)) {
        planned.push({
          key: `complaint:${complaint.id}:${due}:escalation:${recipient.id}`,
          recipientId: recipient.id,
          notBefore: new Date(escalation.at).toISOString(),
          text: escalationText(complaint, names.get(complaint.assigneeId)),
          action,
        });
      }
    }
    if (awaitsAcknowledgement(complaint)) {
      const ack = timed('ack', acknowledgementDueOn(complaint.receivedOn, calendar), instant(complaint.createdAt), calendar);
      if (reached(ack)) {
        planned.push({ key: `complaint:${complaint.id}:ack`, recipientId: complaint.assigneeId, notBefore: new Date(ack.at).toISOString(), text: acknowledgementText(complaint), action });
      }
    }
  }
  return planned;
}
