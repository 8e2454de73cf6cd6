import { cluCard, type CluFact } from '../../cards/clu';
import { cluInvitationCard } from '../../cards/clu-invitation';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import { formatMeetingStart, isUpcoming, meetingDay, nextMeetingDue, upcomingMeeting } from '../../services/clu/clu-dates';
import { cluAnswerLabels, type CluAnswer, type CluMeeting } from '../../services/clu/clu-meeting';
import { currentAnswer } from '../../services/clu/clu-steps';
import type { Person } from '../../services/directory/person';
import { formatDay } from '../../services/training/training-dates';
import { calendarFor } from '../../services/reminders/calendar';

/** Whose view a CLU card is drawn for, in which language, with which services. */
export interface CluViewer {
  actor: Person;
  locale: Locale;
  app: AppServices;
  clock: Clock;
}

/** A line telling what just happened, and its colour. */
export interface CluNotice {
  notice?: string;
  noticeColor?: string;
}

const texts = {
  fr: {
    facts: { number: 'Réunion', place: 'Lieu', audio: 'Audio-conférence', chair: 'Présidence', outside: 'Membres extérieurs' },
    audioYes: 'oui',
    invitationHeading: 'Invitation — Comité local des usagers',
    planned: 'Réunion planifiée ({id})',
    started: 'Réunion commencée',
    heldOn: 'Réunion tenue le {day}',
    cancelled: 'Réunion annulée',
    cancelledBecause: 'Réunion annulée : {reason}',
    noLongerInvited: 'Vous ne figurez plus parmi les membres invités à cette réunion.',
    yourAnswer: 'Votre réponse : {answer} (le {on}).',
    noAnswer: 'Vous n’avez pas encore répondu.',
    oldAnswer: 'La date a changé : vous aviez répondu « {answer} » pour le {day}. Confirmez votre réponse.',
    summary: 'Réponses : {present} présent(s) · {excused} excusé(s) · {none} sans réponse',
    answerOn: '{answer} — le {on}',
    answerForOld: 'Sans réponse (« {answer} » pour le {day})',
    unknownPerson: 'personne inconnue',
    dueAhead: 'Prochaine réunion à tenir avant le {due} (12 mois après celle du {last}).',
    dueLate: 'Réunion en retard : elle était à tenir avant le {due} (12 mois après celle du {last}).',
    dueAfter: 'La réunion planifiée est après l’échéance : le comité devait se réunir avant le {due} (12 mois après celle du {last}).',
    firstMeeting: 'Aucune réunion enregistrée : planifiez la première (le comité se réunit au moins une fois par an).',
    awaiting: 'La réunion du {day} ({id}) est passée : marquez-la comme tenue, ou annulez-la.',
    pastTitle: '{day} ({id})',
    pastHeldMinutes: 'Tenue — compte rendu diffusé le {on}',
    pastHeldAwaiting: 'Tenue — compte rendu attendu le {due}',
    pastHeldLate: 'Tenue — compte rendu attendu le {due} (en retard)',
    pastCancelled: 'Annulée',
    pastCancelledBecause: 'Annulée : {reason}',
    pastUnmarked: 'Date passée — à marquer comme tenue',
    minutesHint: 'Compte rendu de la réunion du {day}, attendu le {due}.',
  },
  en: {
    facts: { number: 'Meeting', place: 'Place', audio: 'Audio conference', chair: 'Chair', outside: 'Outside members' },
    audioYes: 'yes',
    invitationHeading: 'Invitation — Comité local des usagers (users’ committee)',
    planned: 'Meeting planned ({id})',
    started: 'Meeting started',
    heldOn: 'Meeting held on {day}',
    cancelled: 'Meeting cancelled',
    cancelledBecause: 'Meeting cancelled: {reason}',
    noLongerInvited: 'You are no longer among the members invited to this meeting.',
    yourAnswer: 'Your answer: {answer} (on {on}).',
    noAnswer: 'You have not answered yet.',
    oldAnswer: 'The date changed: you had answered “{answer}” for {day}. Confirm your answer.',
    summary: 'Answers: {present} attending · {excused} excused · {none} no answer',
    answerOn: '{answer} — on {on}',
    answerForOld: 'No answer (“{answer}” for {day})',
    unknownPerson: 'unknown person',
    dueAhead: 'Next meeting due by {due} (12 months after the one of {last}).',
    dueLate: 'Meeting overdue: it was due by {due} (12 months after the one of {last}).',
    dueAfter: 'The planned meeting comes after the due date: the committee was to meet by {due} (12 months after the one of {last}).',
    firstMeeting: 'No meeting recorded: schedule the first one (the committee meets at least once a year).',
    awaiting: 'The meeting of {day} ({id}) is past: mark it as held, or cancel it.',
    pastTitle: '{day} ({id})',
    pastHeldMinutes: 'Held — minutes sent out on {on}',
    pastHeldAwaiting: 'Held — minutes due on {due}',
    pastHeldLate: 'Held — minutes due on {due} (overdue)',
    pastCancelled: 'Cancelled',
    pastCancelledBecause: 'Cancelled: {reason}',
    pastUnmarked: 'Date passed — to mark as held',
    minutesHint: 'Minutes of the meeting of {day}, due on {due}.',
  },
};

/** How many past meetings the `clu` card lists. */
export const pastMeetingsShown = 5;

/** Topic of the shared invitation card of one meeting: one copy per internal member, redrawn on every change. */
export function invitationTopic(meetingId: string): string {
  return `clu-invitation|${meetingId}`;
}

/** The quality officer owns the CLU (DOMAIN "People and roles"); admins may stand in. */
export function isCluOfficer(actor: Pick<Person, 'roles'>): boolean {
  return actor.roles.includes('rq') || actor.roles.includes('admin');
}

const answerWord = (answer: CluAnswer['answer'], locale: Locale) => cluAnswerLabels[answer][locale].toLowerCase();

/** Number, place, audio conference, chair and outside members of a meeting, as facts. */
function meetingFacts(meeting: CluMeeting, locale: Locale): CluFact[] {
  const t = texts[locale].facts;
  const facts: CluFact[] = [{ title: t.number, value: meeting.id }];
  if (meeting.place) facts.push({ title: t.place, value: meeting.place });
  if (meeting.audioConference) facts.push({ title: t.audio, value: meeting.dialIn ?? texts[locale].audioYes });
  facts.push({ title: t.chair, value: meeting.chairName });
  if (meeting.outsideMembers.length > 0) {
    facts.push({ title: t.outside, value: meeting.outsideMembers.map((member) => `${member.name} (${member.organisation})`).join(', ') });
  }
  return facts;
}

const numbered = (agenda: readonly string[]) => agenda.map((item, index) => `${index + 1}. ${item}`);

/** The viewer's answer line on their invitation or the `clu` card, and its colour. */
function viewerAnswerLine(meeting: CluMeeting, answer: CluAnswer | undefined, viewer: CluViewer): { text: string; color: string } {
  const { locale, app } = viewer;
  const t = texts[locale];
  const calendar = calendarFor(app.timeZone);
  const current = currentAnswer(meeting, answer);
  if (current && answer) {
    const on = formatDay(calendar.localDateOf(new Date(answer.answeredAt)), locale);
    return { text: fill(t.yourAnswer, { answer: answerWord(current, locale), on }), color: current === 'present' ? 'Good' : 'Default' };
  }
  if (!isUpcoming(meeting, viewer.clock.now())) return { text: '', color: 'Default' };
  if (answer) {
    const day = formatDay(calendar.localDateOf(new Date(answer.forStartsAt)), locale);
    return { text: fill(t.oldAnswer, { answer: answerWord(answer.answer, locale), day }), color: 'Warning' };
  }
  return { text: t.noAnswer, color: 'Warning' };
}

/** One internal member's copy of the invitation, as they see it now (shared card « clu-invitation »). */
export function buildInvitationCard(viewer: CluViewer, meeting: CluMeeting, answer: CluAnswer | undefined, notice: CluNotice = {}): CardJson {
  const { locale, app, actor } = viewer;
  const t = texts[locale];
  const calendar = calendarFor(app.timeZone);
  const member = meeting.memberIds.includes(actor.id);
  const upcoming = isUpcoming(meeting, viewer.clock.now());
  let stateLine = fill(t.planned, { id: meeting.id });
  let stateColor = 'Accent';
  if (!member) [stateLine, stateColor] = [t.noLongerInvited, 'Default'];
  else if (meeting.state === 'cancelled') [stateLine, stateColor] = [meeting.cancelReason ? fill(t.cancelledBecause, { reason: meeting.cancelReason }) : t.cancelled, 'Attention'];
  else if (meeting.state === 'held') [stateLine, stateColor] = [fill(t.heldOn, { day: formatDay(meeting.heldOn ?? meetingDay(meeting, calendar), locale) }), 'Good'];
  else if (!upcoming) [stateLine, stateColor] = [t.started, 'Default'];
  const answerLine = member && meeting.state !== 'cancelled' ? viewerAnswerLine(meeting, answer, viewer) : { text: '', color: 'Default' };
  return cluInvitationCard(
    {
      id: meeting.id,
      heading: t.invitationHeading,
      stateLine,
      stateColor,
      when: formatMeetingStart(meeting.startsAt, locale, app.timeZone),
      facts: meetingFacts(meeting, locale).slice(1),
      agenda: numbered(meeting.agenda),
      answerText: answerLine.text,
      answerColor: answerLine.color,
      notice: notice.notice ?? '',
      noticeColor: notice.noticeColor ?? 'Default',
      canAnswer: member && upcoming,
    },
    locale,
  );
}

/** Every internal member's answer (quality officer's view): lines and the counts. */
function attendanceOf(meeting: CluMeeting, answers: readonly CluAnswer[], people: readonly Person[], locale: Locale, timeZone: string) {
  const t = texts[locale];
  const calendar = calendarFor(timeZone);
  const byPerson = new Map(answers.map((answer) => [answer.personId, answer]));
  const names = new Map(people.map((person) => [person.id, `${person.name} (${person.service ?? '—'})`]));
  const counts = { present: 0, excused: 0, none: 0 };
  const lines = meeting.memberIds.map((id) => {
    const answer = byPerson.get(id);
    const current = currentAnswer(meeting, answer);
    counts[current ?? 'none'] += 1;
    const title = names.get(id) ?? t.unknownPerson;
    if (current && answer) return { title, value: fill(t.answerOn, { answer: cluAnswerLabels[current][locale], on: formatDay(calendar.localDateOf(new Date(answer.answeredAt)), locale) }) };
    if (answer) return { title, value: fill(t.answerForOld, { answer: answerWord(answer.answer, locale), day: formatDay(calendar.localDateOf(new Date(answer.forStartsAt)), locale) }) };
    return { title, value: cluAnswerLabels.none[locale] };
  });
  return { lines, summary: fill(t.summary, counts) };
}

/** How a past meeting reads in the list: its day and number, then held / minutes / cancelled. */
function pastLine(meeting: CluMeeting, today: string, locale: Locale, timeZone: string): CluFact {
  const t = texts[locale];
  const day = meeting.heldOn ?? meetingDay(meeting, calendarFor(timeZone));
  const title = fill(t.pastTitle, { day: formatDay(day, locale), id: meeting.id });
  if (meeting.state === 'cancelled') return { title, value: meeting.cancelReason ? fill(t.pastCancelledBecause, { reason: meeting.cancelReason }) : t.pastCancelled };
  if (meeting.state === 'scheduled') return { title, value: t.pastUnmarked };
  if (meeting.minutesRecordedOn) return { title, value: fill(t.pastHeldMinutes, { on: formatDay(meeting.minutesRecordedOn, locale) }) };
  return { title, value: fill(meeting.minutesDueOn < today ? t.pastHeldLate : t.pastHeldAwaiting, { due: formatDay(meeting.minutesDueOn, locale) }) };
}

/**
 * The `clu` card for one viewer: the next meeting and their own answer for everyone; for the quality officer and
 * admins every member's answer, the due date of the next meeting, the last meetings and the buttons.
 */
export async function buildCluCard(viewer: CluViewer, notice: CluNotice = {}): Promise<CardJson> {
  const { app, actor, locale, clock } = viewer;
  const t = texts[locale];
  const now = clock.now();
  const calendar = calendarFor(app.timeZone);
  const today = calendar.localDateOf(now);
  const officer = isCluOfficer(actor);
  const [meetings, people] = await Promise.all([app.clu.list(), app.people.list()]);
  const next = upcomingMeeting(meetings, now);
  const answers = next ? await app.clu.answers(next.id) : [];
  const member = next?.memberIds.includes(actor.id) ?? false;
  const own = member ? viewerAnswerLine(next as CluMeeting, answers.find((answer) => answer.personId === actor.id), viewer) : { text: '', color: 'Default' };
  const attendance = next && officer ? attendanceOf(next, answers, people, locale, app.timeZone) : { lines: [], summary: '' };

  const due = nextMeetingDue(meetings, now, calendar);
  let dueText = '';
  // Late: nothing planned and the due day passed, or the meeting planned falls after it.
  const late = due !== undefined && (next ? meetingDay(next, calendar) > due.dueOn : due.dueOn < today);
  if (officer && due) dueText = fill(late ? (next ? t.dueAfter : t.dueLate) : t.dueAhead, { due: formatDay(due.dueOn, locale), last: formatDay(due.basisDay, locale) });
  else if (officer && !next && meetings.every((meeting) => meeting.state === 'cancelled')) dueText = t.firstMeeting;
  const awaiting = meetings.filter((meeting) => meeting.state === 'scheduled' && !isUpcoming(meeting, now)).at(-1);
  const minutesTarget = meetings.filter((meeting) => meeting.state === 'held' && meeting.minutesRecordedOn === undefined).at(-1);
  const cancelTarget = next ?? awaiting;
  const past = meetings.filter((meeting) => !isUpcoming(meeting, now)).reverse().slice(0, pastMeetingsShown);

  return cluCard(
    {
      notice: notice.notice ?? '',
      noticeColor: notice.noticeColor ?? 'Default',
      hasNext: next !== undefined,
      nextId: next?.id ?? '',
      nextRevision: next?.revision ?? 0,
      nextWhen: next ? formatMeetingStart(next.startsAt, locale, app.timeZone) : '',
      nextFacts: next ? meetingFacts(next, locale) : [],
      nextAgenda: next ? numbered(next.agenda) : [],
      showAttendance: next !== undefined && officer,
      attendanceSummary: attendance.summary,
      attendance: attendance.lines,
      viewerAnswer: own.text,
      viewerAnswerColor: own.color,
      canAnswer: member,
      dueText,
      dueColor: dueText === t.firstMeeting || late ? 'Attention' : 'Default',
      awaitingText: officer && awaiting ? fill(t.awaiting, { day: formatDay(meetingDay(awaiting, calendar), locale), id: awaiting.id }) : '',
      pastMeetings: officer ? past.map((meeting) => pastLine(meeting, today, locale, app.timeZone)) : [],
      canSchedule: officer && !next,
      canEdit: officer && next !== undefined,
      canCancel: officer && cancelTarget !== undefined,
      cancelId: cancelTarget?.id ?? '',
      cancelRevision: cancelTarget?.revision ?? 0,
      canMarkHeld: officer && awaiting !== undefined,
      heldId: awaiting?.id ?? '',
      heldRevision: awaiting?.revision ?? 0,
      heldDefault: awaiting ? meetingDay(awaiting, calendar) : '',
      heldMin: awaiting ? meetingDay(awaiting, calendar) : '',
      canRecordMinutes: officer && minutesTarget !== undefined,
      minutesId: minutesTarget?.id ?? '',
      minutesRevision: minutesTarget?.revision ?? 0,
      minutesMin: minutesTarget?.heldOn ?? '',
      minutesHint: minutesTarget ? fill(t.minutesHint, { day: formatDay(minutesTarget.heldOn ?? today, locale), due: formatDay(minutesTarget.minutesDueOn, locale) }) : '',
      today,
    },
    locale,
  );
}
