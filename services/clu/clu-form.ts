import type { Locale } from '../../cards/locale';
import { findOwner } from '../checks/check-item-edit';
import type { Person } from '../directory/person';
import { addCalendarDays, isLocalDate, type WorkingCalendar } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { defaultMinutesDueOn, formatMeetingStart, upcomingMeeting } from './clu-dates';
import { cluLimits, nextCluMeetingId, type CluMeeting, type OutsideMember } from './clu-meeting';

/** The fields of the meeting form. */
export type CluField = 'form' | 'date' | 'time' | 'place' | 'dialIn' | 'chair' | 'agenda' | 'members' | 'outsideMembers';

/** One reason the form is refused, next to the field to correct. */
export interface CluFieldError {
  field: CluField;
  message: string;
}

/** The form as a card sends it: strings, possibly empty. Lists are one item a line; members are ids or e-mails. */
export interface CluFormInput {
  date?: string;
  time?: string;
  place?: string;
  /** Input.Toggle: 'true' or 'false'. */
  audio?: string;
  dialIn?: string;
  chair?: string;
  agenda?: string;
  /** Comma-separated ids (a multi-select's value) or e-mails, one a line or separated by commas. */
  members?: string;
  /** One a line: « M. Lagonotte ; UDAF du Cher ». */
  outsideMembers?: string;
}

/** What the form is checked against. */
export interface CluFormContext {
  actor: Pick<Person, 'id'>;
  people: readonly Pick<Person, 'id' | 'name' | 'email'>[];
  /** Every meeting stored: numbering, and « one meeting planned at a time ». */
  meetings: readonly CluMeeting[];
  /** The meeting edited, absent for a new one. */
  current?: CluMeeting;
  now: Date;
  calendar: WorkingCalendar;
  locale?: Locale;
}

/** The meeting to store, or every problem found at once (nothing is written). */
export type CluFormResult = { ok: true; meeting: CluMeeting } | { ok: false; errors: CluFieldError[] };

/** A meeting further ahead than this is taken for a typo in the year. */
export const maxDaysAhead = 2 * 366;

const messages = {
  fr: {
    dateRequired: 'Indiquez la date de la réunion.',
    dateInvalid: 'Date invalide : attendu AAAA-MM-JJ, par exemple 2027-02-16.',
    timeRequired: 'Indiquez l’heure de la réunion.',
    timeInvalid: 'Heure invalide : attendu HH:MM, par exemple 14:00.',
    past: 'La date de la réunion est passée (maintenant : {now}) : choisissez une date à venir.',
    tooFar: 'La réunion est à plus de deux ans : vérifiez l’année.',
    placeRequired: 'Indiquez le lieu de la réunion, ou cochez l’audio-conférence.',
    tooLong: 'Pas plus de {max} caractères.',
    control: 'Ce texte contient des caractères non autorisés (tabulation…).',
    chairRequired: 'Indiquez qui préside (par exemple la secrétaire générale).',
    agendaRequired: 'L’ordre du jour est vide : indiquez au moins un point, un par ligne.',
    agendaTooMany: 'Pas plus de {max} points à l’ordre du jour.',
    agendaTooLong: 'Le point {n} dépasse {max} caractères.',
    membersUnknown: 'Membre inconnu de l’annuaire : {list}. Choisissez dans la liste ou donnez l’adresse e-mail d’une personne de l’annuaire.',
    membersTooMany: 'Pas plus de {max} membres internes.',
    outsideNoOrganisation: 'Ligne {n} (« {text} ») : indiquez l’organisme après un point-virgule, par exemple « M. Lagonotte ; UDAF du Cher ».',
    outsideTooLong: 'Ligne {n} : nom ou organisme trop long.',
    outsideTooMany: 'Pas plus de {max} membres extérieurs.',
    alreadyPlanned: 'Une réunion est déjà planifiée le {when} : modifiez-la plutôt (« clu »).',
    notEditable: 'Cette réunion est tenue, annulée ou déjà commencée : elle ne se modifie plus.',
  },
  en: {
    dateRequired: 'Give the day of the meeting.',
    dateInvalid: 'Invalid date: expected YYYY-MM-DD, for instance 2027-02-16.',
    timeRequired: 'Give the time of the meeting.',
    timeInvalid: 'Invalid time: expected HH:MM, for instance 14:00.',
    past: 'The meeting date has passed (now: {now}): pick a date to come.',
    tooFar: 'The meeting is more than two years ahead: check the year.',
    placeRequired: 'Give the place of the meeting, or tick audio conference.',
    tooLong: 'No more than {max} characters.',
    control: 'This text holds characters that are not allowed (tab…).',
    chairRequired: 'Give who chairs it (for instance the secretary general).',
    agendaRequired: 'The agenda is empty: give at least one point, one a line.',
    agendaTooMany: 'No more than {max} agenda points.',
    agendaTooLong: 'Point {n} is over {max} characters.',
    membersUnknown: 'Member not in the directory: {list}. Pick from the list or give the e-mail of someone in the directory.',
    membersTooMany: 'No more than {max} internal members.',
    outsideNoOrganisation: 'Line {n} (“{text}”): give the organisation after a semicolon, for instance “M. Lagonotte ; UDAF du Cher”.',
    outsideTooLong: 'Line {n}: name or organisation too long.',
    outsideTooMany: 'No more than {max} outside members.',
    alreadyPlanned: 'A meeting is already planned on {when}: edit it instead (“clu”).',
    notEditable: 'This meeting was held, cancelled or has started: it can no longer be edited.',
  },
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
const clean = (value: string | undefined) => (value ?? '').trim();
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);
const hasControl = (text: string) => /\p{Cc}/u.test(text);
const lines = (text: string | undefined) =>
  (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((item) => item.trim());
/** « 1/ », « 2. », « - », « • » before an agenda point are the typist's numbering, not the point. */
const withoutNumbering = (item: string) => item.replace(/^(?:\d{1,2}\s*[/.)-]|[-•*])\s*/u, '').trim();

/** Reads « Nom ; Organisme » (also a tab, « — », « – », « - » between spaces, or « Nom (Organisme) »). */
export function parseOutsideMember(text: string): { name: string; organisation: string } {
  const bracketed = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(text);
  if (bracketed) return { name: bracketed[1]!.trim(), organisation: bracketed[2]!.trim() };
  const separator = /\s*(?:;|\t|\s[—–-]\s)\s*/u.exec(text);
  if (!separator) return { name: text.trim(), organisation: '' };
  return { name: text.slice(0, separator.index).trim(), organisation: text.slice(separator.index + separator[0].length).trim() };
}

/** Outside members written back one a line, the way the form reads them. */
export function formatOutsideMembers(members: readonly OutsideMember[]): string {
  return members.map((member) => `${member.name} ; ${member.organisation}`).join('\n');
}

/**
 * Checks the meeting form (issue 7) and builds the meeting: all problems at once, next to their field — a date in
 * the past, an unknown member, an empty agenda, an outside member without organisation, no place and no audio
 * conference. A new meeting is refused while another is planned; an edit keeps the number and bumps the revision.
 */
export function validateCluForm(input: CluFormInput, context: CluFormContext): CluFormResult {
  const locale = context.locale ?? 'fr';
  const t = messages[locale];
  const { calendar, now, current } = context;
  const errors: CluFieldError[] = [];
  const fail = (field: CluField, message: string) => errors.push({ field, message });
  const today = calendar.localDateOf(now);

  if (current && (current.state !== 'scheduled' || Date.parse(current.startsAt) <= now.getTime())) fail('form', t.notEditable);
  const planned = upcomingMeeting(context.meetings, now);
  if (!current && planned) fail('form', fill(t.alreadyPlanned, { when: formatMeetingStart(planned.startsAt, locale, calendar.timeZone) }));

  const date = clean(input.date);
  const time = clean(input.time).slice(0, 5);
  let startsAt: Date | undefined;
  if (date === '') fail('date', t.dateRequired);
  else if (!isLocalDate(date)) fail('date', t.dateInvalid);
  if (time === '') fail('time', t.timeRequired);
  else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) fail('time', t.timeInvalid);
  else if (isLocalDate(date)) {
    startsAt = calendar.localInstant(date, time);
    const nowText = `${formatDay(today, locale)} ${locale === 'fr' ? 'à' : 'at'} ${new Intl.DateTimeFormat('en-GB', { timeZone: calendar.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now)}`;
    if (startsAt.getTime() <= now.getTime()) fail('date', fill(t.past, { now: nowText }));
    else if (date > addCalendarDays(today, maxDaysAhead)) fail('date', t.tooFar);
  }

  const text = (value: string | undefined, field: CluField, max: number): string | undefined => {
    const typed = clean(value);
    if (typed === '') return undefined;
    if (typed.length > max) fail(field, fill(t.tooLong, { max }));
    else if (hasControl(typed)) fail(field, t.control);
    return typed;
  };
  const place = text(input.place, 'place', cluLimits.place);
  const audioConference = clean(input.audio) === 'true';
  const dialIn = audioConference ? text(input.dialIn, 'dialIn', cluLimits.dialIn) : undefined;
  if (place === undefined && !audioConference) fail('place', t.placeRequired);

  const chairText = text(input.chair, 'chair', cluLimits.chair);
  if (chairText === undefined) fail('chair', t.chairRequired);
  const chair = chairText === undefined ? undefined : findOwner(context.people, chairText);

  const agenda = lines(input.agenda).map(withoutNumbering).filter((item) => item !== '');
  if (agenda.length === 0) fail('agenda', t.agendaRequired);
  else if (agenda.length > cluLimits.agendaItems) fail('agenda', fill(t.agendaTooMany, { max: cluLimits.agendaItems }));
  else {
    const long = agenda.findIndex((item) => item.length > cluLimits.agendaItem);
    if (long >= 0) fail('agenda', fill(t.agendaTooLong, { n: long + 1, max: cluLimits.agendaItem }));
    else if (agenda.some(hasControl)) fail('agenda', t.control);
  }

  const typedMembers = [...new Set(clean(input.members).split(/[,;\n]+/).map((item) => item.trim()).filter(Boolean))];
  const memberIds: string[] = [];
  const unknown: string[] = [];
  for (const typed of typedMembers) {
    const person = context.people.find((candidate) => candidate.id === typed) ?? findOwner(context.people, typed);
    if (!person) unknown.push(`« ${shown(typed)} »`);
    else if (!memberIds.includes(person.id)) memberIds.push(person.id);
  }
  if (unknown.length > 0) fail('members', fill(t.membersUnknown, { list: unknown.join(', ') }));
  else if (memberIds.length > cluLimits.members) fail('members', fill(t.membersTooMany, { max: cluLimits.members }));

  const outsideMembers: OutsideMember[] = [];
  const outsideLines = lines(input.outsideMembers);
  outsideLines.forEach((item, index) => {
    if (item === '') return;
    const parsed = parseOutsideMember(item);
    if (parsed.organisation === '' || parsed.name === '') fail('outsideMembers', fill(t.outsideNoOrganisation, { n: index + 1, text: shown(item) }));
    else if (parsed.name.length > cluLimits.personName || parsed.organisation.length > cluLimits.organisation || hasControl(item)) {
      fail('outsideMembers', fill(t.outsideTooLong, { n: index + 1 }));
    } else outsideMembers.push(parsed);
  });
  if (outsideMembers.length > cluLimits.outsideMembers) fail('outsideMembers', fill(t.outsideTooMany, { max: cluLimits.outsideMembers }));

  if (errors.length > 0 || !startsAt || chairText === undefined) return { ok: false, errors };
  const nowIso = now.toISOString();
  const startsAtIso = startsAt.toISOString();
  const fields = {
    startsAt: startsAtIso,
    place,
    audioConference,
    dialIn,
    chairId: chair?.id,
    chairName: chair?.name ?? chairText,
    agenda,
    memberIds,
    outsideMembers,
    minutesDueOn: defaultMinutesDueOn(date),
  };
  if (current) {
    const moved = current.startsAt !== startsAtIso;
    return { ok: true, meeting: { ...current, ...fields, scheduledAt: moved ? nowIso : current.scheduledAt, revision: current.revision + 1 } };
  }
  return {
    ok: true,
    meeting: {
      id: nextCluMeetingId(Number(date.slice(0, 4)), context.meetings.map((meeting) => meeting.id)),
      ...fields,
      state: 'scheduled',
      scheduledAt: nowIso,
      createdBy: context.actor.id,
      createdAt: nowIso,
      revision: 0,
    },
  };
}
