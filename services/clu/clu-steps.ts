import type { Locale } from '../../cards/locale';
import { isLocalDate, type LocalDate } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { defaultMinutesDueOn } from './clu-dates';
import { cluLimits, type CluAnswer, type CluAnswerValue, type CluMeeting } from './clu-meeting';

/** A step on a meeting: the next version, or why it is refused (nothing is written). */
export type CluStepResult = { ok: true; meeting: CluMeeting } | { ok: false; reason: string };

/** What the steps are checked against. */
export interface CluStepContext {
  /** Revision the clicked card showed: an older card is refused. */
  revision: number;
  /** Today in the prefecture. */
  today: LocalDate;
  /** The local day the meeting starts on. */
  meetingDay: LocalDate;
  now: Date;
  locale?: Locale;
}

const messages = {
  fr: {
    stale: 'Cette carte n’est plus à jour : la réunion a changé entre-temps. Rien n’a été enregistré.',
    notScheduled: 'Cette réunion n’est plus planifiée (tenue ou annulée). Rien n’a été enregistré.',
    notHeld: 'Marquez d’abord la réunion comme tenue. Rien n’a été enregistré.',
    dateInvalid: 'Date invalide : attendu AAAA-MM-JJ. Rien n’a été enregistré.',
    heldBefore: 'La réunion était prévue le {day} : elle ne peut pas avoir été tenue avant. Rien n’a été enregistré.',
    future: 'Cette date est dans le futur (aujourd’hui : {today}). Rien n’a été enregistré.',
    minutesBefore: 'Le compte rendu ne peut pas précéder la réunion ({day}). Rien n’a été enregistré.',
    alreadyRecorded: 'La date du compte rendu est déjà enregistrée ({day}).',
    reasonTooLong: 'Motif trop long (300 caractères au plus). Rien n’a été enregistré.',
    notMember: 'Vous ne figurez pas parmi les membres invités à cette réunion.',
    started: 'La réunion a commencé : la réponse ne peut plus changer.',
  },
  en: {
    stale: 'This card is out of date: the meeting changed meanwhile. Nothing was saved.',
    notScheduled: 'This meeting is no longer planned (held or cancelled). Nothing was saved.',
    notHeld: 'Mark the meeting as held first. Nothing was saved.',
    dateInvalid: 'Invalid date: expected YYYY-MM-DD. Nothing was saved.',
    heldBefore: 'The meeting was planned on {day}: it cannot have been held before. Nothing was saved.',
    future: 'This date is in the future (today: {today}). Nothing was saved.',
    minutesBefore: 'The minutes cannot come before the meeting ({day}). Nothing was saved.',
    alreadyRecorded: 'The minutes date is already recorded ({day}).',
    reasonTooLong: 'Reason too long (300 characters at most). Nothing was saved.',
    notMember: 'You are not among the members invited to this meeting.',
    started: 'The meeting has started: the answer can no longer change.',
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const bump = (meeting: CluMeeting, changes: Partial<CluMeeting>): CluMeeting => ({ ...meeting, ...changes, revision: meeting.revision + 1 });

/** Checks the date typed on a step: an existing day, not after today, not before `earliest`. */
function checkedDay(typed: string, earliest: LocalDate, tooEarly: string, context: CluStepContext): { day: LocalDate } | { reason: string } {
  const t = messages[context.locale ?? 'fr'];
  const locale = context.locale ?? 'fr';
  const day = typed.trim();
  if (!isLocalDate(day)) return { reason: t.dateInvalid };
  if (day > context.today) return { reason: fill(t.future, { today: formatDay(context.today, locale) }) };
  if (day < earliest) return { reason: fill(tooEarly, { day: formatDay(earliest, locale) }) };
  return { day };
}

/**
 * « Marquer comme tenue »: the meeting took place on `heldOn` (its planned day or later, not in the future). The
 * minutes become due 1 month after (issue 7), and the next meeting 12 months after.
 */
export function markHeld(meeting: CluMeeting, heldOn: string, context: CluStepContext): CluStepResult {
  const t = messages[context.locale ?? 'fr'];
  if (meeting.revision !== context.revision) return { ok: false, reason: t.stale };
  if (meeting.state !== 'scheduled') return { ok: false, reason: t.notScheduled };
  const checked = checkedDay(heldOn, context.meetingDay, t.heldBefore, context);
  if ('reason' in checked) return { ok: false, reason: checked.reason };
  return { ok: true, meeting: bump(meeting, { state: 'held', heldOn: checked.day, heldAt: context.now.toISOString(), minutesDueOn: defaultMinutesDueOn(checked.day) }) };
}

/** « Compte rendu reçu le … »: the day the minutes went out; it ends their reminders. */
export function recordMinutes(meeting: CluMeeting, minutesOn: string, context: CluStepContext): CluStepResult {
  const t = messages[context.locale ?? 'fr'];
  const locale = context.locale ?? 'fr';
  if (meeting.revision !== context.revision) return { ok: false, reason: t.stale };
  if (meeting.state !== 'held' || meeting.heldOn === undefined) return { ok: false, reason: t.notHeld };
  if (meeting.minutesRecordedOn !== undefined) return { ok: false, reason: fill(t.alreadyRecorded, { day: formatDay(meeting.minutesRecordedOn, locale) }) };
  const checked = checkedDay(minutesOn, meeting.heldOn, t.minutesBefore, context);
  if ('reason' in checked) return { ok: false, reason: checked.reason };
  return { ok: true, meeting: bump(meeting, { minutesRecordedOn: checked.day }) };
}

/** « Annuler la réunion »: invitations show it, reminders stop; the due date keeps counting from the last meeting. */
export function cancelMeeting(meeting: CluMeeting, reason: string, context: CluStepContext): CluStepResult {
  const t = messages[context.locale ?? 'fr'];
  if (meeting.revision !== context.revision) return { ok: false, reason: t.stale };
  if (meeting.state !== 'scheduled') return { ok: false, reason: t.notScheduled };
  const typed = reason.trim();
  if (typed.length > cluLimits.cancelReason || /\p{Cc}/u.test(typed)) return { ok: false, reason: t.reasonTooLong };
  return { ok: true, meeting: bump(meeting, { state: 'cancelled', cancelledAt: context.now.toISOString(), cancelReason: typed === '' ? undefined : typed }) };
}

/** An answer to record, or why it is refused; `changed` is false when it repeats the answer already given. */
export type CluAnswerResult = { ok: true; answer: CluAnswer; changed: boolean } | { ok: false; reason: string };

/**
 * « Présent(e) » / « Excusé(e) » on the invitation: internal members only, while the meeting is planned and has not
 * started. Changing one's mind is allowed until then; the same answer twice changes nothing (its first instant stays).
 */
export function answerInvitation(
  meeting: CluMeeting,
  personId: string,
  answer: CluAnswerValue,
  previous: CluAnswer | undefined,
  now: Date,
  locale: Locale = 'fr',
): CluAnswerResult {
  const t = messages[locale];
  if (!meeting.memberIds.includes(personId)) return { ok: false, reason: t.notMember };
  if (meeting.state !== 'scheduled') return { ok: false, reason: t.notScheduled };
  if (Date.parse(meeting.startsAt) <= now.getTime()) return { ok: false, reason: t.started };
  if (previous && previous.answer === answer && previous.forStartsAt === meeting.startsAt) return { ok: true, answer: previous, changed: false };
  return { ok: true, answer: { meetingId: meeting.id, personId, answer, answeredAt: now.toISOString(), forStartsAt: meeting.startsAt }, changed: true };
}

/** A member's answer as it stands for the meeting's current date: one given for an earlier date no longer counts. */
export function currentAnswer(meeting: Pick<CluMeeting, 'startsAt'>, answer: CluAnswer | undefined): CluAnswerValue | undefined {
  return answer && answer.forStartsAt === meeting.startsAt ? answer.answer : undefined;
}

