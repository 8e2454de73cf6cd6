import { z } from 'zod';
import { cluFormCard } from '../../cards/clu-form';
import type { CardJson } from '../../cards/render';
import { fill } from '../../cards/render';
import { formatMeetingStart, meetingDay, meetingTime, nextMeetingDue, upcomingMeeting } from '../../services/clu/clu-dates';
import { formatOutsideMembers, validateCluForm, type CluField, type CluFieldError, type CluFormInput } from '../../services/clu/clu-form';
import { standardCluAgenda, type CluMeeting } from '../../services/clu/clu-meeting';
import type { StoredCluMeeting } from '../../services/clu/clu-meetings-repository';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { typedValuesShownAgain } from './shown-again';
import { maxOwnerChoices } from './check-item-form';
import { buildCluCard, invitationTopic } from './clu-view';
import { calendarFor } from '../../services/reminders/calendar';

const texts = {
  fr: {
    newHeading: 'Planifier le CLU',
    editHeading: 'Modifier la réunion {id}',
    newIntro: 'À l’enregistrement, chaque membre interne reçoit son invitation (présent / excusé) ; les rappels suivent une semaine et un jour avant.',
    editIntro: 'À l’enregistrement, chaque invitation déjà envoyée est mise à jour ; les nouveaux membres reçoivent la leur.',
    newSubmit: 'Enregistrer et inviter',
    editSubmit: 'Enregistrer les modifications',
    invalid: 'Certaines informations sont à corriger : voir les messages sous les champs. Rien n’a été enregistré.',
    unreadable: 'Certaines valeurs envoyées par la carte sont illisibles : vérifiez les champs et recommencez. Rien n’a été enregistré.',
    stale: 'Cette carte n’est plus à jour : la réunion a changé entre-temps. Rien n’a été enregistré.',
    raced: 'Une autre réunion vient d’être enregistrée sous ce numéro : rouvrez « clu ». Rien n’a été enregistré.',
    notFound: 'Cette réunion n’existe plus. Rien n’a été enregistré.',
    notShownAgain: 'Certains textes saisis sont trop longs pour être réaffichés : saisissez-les à nouveau.',
    created: 'Réunion {id} planifiée le {when}. Invitations envoyées à {count} membre(s) interne(s).',
    createdNoMember: 'Réunion {id} planifiée le {when}. Aucun membre interne à inviter.',
    updated: 'Réunion {id} modifiée ({when}). Les invitations sont mises à jour.',
  },
  en: {
    newHeading: 'Schedule the CLU',
    editHeading: 'Edit meeting {id}',
    newIntro: 'On saving, each internal member gets their invitation (attending / excused); reminders follow a week and a day before.',
    editIntro: 'On saving, every invitation already sent is updated; new members get theirs.',
    newSubmit: 'Save and invite',
    editSubmit: 'Save changes',
    invalid: 'Some information needs correcting: see the messages under the fields. Nothing was saved.',
    unreadable: 'Some values sent by the card are unreadable: check the fields and try again. Nothing was saved.',
    stale: 'This card is out of date: the meeting changed meanwhile. Nothing was saved.',
    raced: 'Another meeting was just saved under this number: open “clu” again. Nothing was saved.',
    notFound: 'This meeting no longer exists. Nothing was saved.',
    notShownAgain: 'Some texts typed are too long to be shown again: type them again.',
    created: 'Meeting {id} scheduled on {when}. Invitations sent to {count} internal member(s).',
    createdNoMember: 'Meeting {id} scheduled on {when}. No internal member to invite.',
    updated: 'Meeting {id} edited ({when}). Invitations are updated.',
  },
};

const formFields = ['date', 'time', 'place', 'audio', 'dialIn', 'chair', 'agenda', 'members', 'outsideMembers'] as const;
type FormValues = Record<(typeof formFields)[number], string>;
/** What a card may send per field: the domain says what is too long, this only keeps absurd payloads out. */
const fieldSizes: Record<(typeof formFields)[number], number> = { date: 40, time: 40, place: 1000, audio: 10, dialIn: 1000, chair: 500, agenda: 10_000, members: 20_000, outsideMembers: 20_000 };

const field = (max: number) => z.string().max(max).optional().default('');
const formSchema = z.object({
  id: z.string().max(20).optional().default(''),
  revision: z.coerce.number().int().min(0).optional().default(0),
  date: field(fieldSizes.date),
  time: field(fieldSizes.time),
  place: field(fieldSizes.place),
  audio: field(fieldSizes.audio),
  dialIn: field(fieldSizes.dialIn),
  chair: field(fieldSizes.chair),
  agenda: field(fieldSizes.agenda),
  members: field(fieldSizes.members),
  outsideMembers: field(fieldSizes.outsideMembers),
});

/** Values of a payload that failed the schema: strings kept (cut to the inputs' sizes), anything else dropped. */
function typedValues(raw: Record<string, unknown>): FormValues {
  return Object.fromEntries(formFields.map((name) => [name, typeof raw[name] === 'string' ? raw[name].slice(0, fieldSizes[name]) : ''])) as FormValues;
}

/** The form's values for a meeting being edited. */
function valuesOf(meeting: CluMeeting, timeZone: string): FormValues {
  return {
    date: meetingDay(meeting, calendarFor(timeZone)),
    time: meetingTime(meeting, timeZone),
    place: meeting.place ?? '',
    audio: String(meeting.audioConference),
    dialIn: meeting.dialIn ?? '',
    chair: meeting.chairName,
    agenda: meeting.agenda.join('\n'),
    members: meeting.memberIds.join(','),
    outsideMembers: formatOutsideMembers(meeting.outsideMembers),
  };
}

/**
 * A new meeting's form: the due date of the next meeting (if still ahead), 14:00, the standard agenda of CLU 2021,
 * and the place, chair and members of the last meeting; without one, the quality officers, managers and fraud
 * referents of the directory as members.
 */
async function newValues(context: HandlerContext): Promise<FormValues> {
  const { app, clock } = context;
  const calendar = app.calendar;
  const now = clock.now();
  const today = calendar.localDateOf(now);
  const [meetings, people] = await Promise.all([app.clu.list(), app.people.list()]);
  const due = nextMeetingDue(meetings, now, calendar);
  const date = due && due.dueOn > today ? due.dueOn : '';
  const last = meetings.filter((meeting) => meeting.state !== 'cancelled').at(-1);
  const known = new Set(people.map((person) => person.id));
  const defaultMembers = people.filter((person) => person.roles.some((role) => role === 'rq' || role === 'manager' || role === 'fraud-referent')).map((person) => person.id);
  return {
    date,
    time: '14:00',
    place: last?.place ?? '',
    audio: String(last?.audioConference ?? false),
    dialIn: last?.dialIn ?? '',
    chair: last?.chairName ?? '',
    agenda: standardCluAgenda(Number((date || today).slice(0, 4))).join('\n'),
    members: (last ? last.memberIds.filter((id) => known.has(id)) : defaultMembers).join(','),
    outsideMembers: last ? formatOutsideMembers(last.outsideMembers) : '',
  };
}

/** The form, with the directory to choose members from, the values as typed and any errors. */
async function buildCluForm(context: HandlerContext, meeting: CluMeeting | undefined, typed: FormValues, errors: readonly CluFieldError[] = []): Promise<CardJson> {
  const { app, clock, locale } = context;
  const t = texts[locale];
  // A refused form shows back what was typed: the heaviest texts are left out rather than the card failing.
  const { values, blanked } = typedValuesShownAgain(typed);
  const people = await app.people.list();
  const listed = people.length <= maxOwnerChoices;
  // A long directory types members as e-mails: ids already chosen are shown as their e-mail.
  const members = listed
    ? values.members
    : values.members
        .split(/[,;\n]+/)
        .map((typed) => people.find((person) => person.id === typed.trim())?.email ?? typed.trim())
        .filter(Boolean)
        .join(', ');
  const message = (name: CluField) => errors.filter((error) => error.field === name).map((error) => error.message).join(' ');
  const fieldErrors = errors.some((error) => error.field !== 'form');
  return cluFormCard(
    {
      heading: meeting ? fill(t.editHeading, { id: meeting.id }) : t.newHeading,
      intro: meeting ? t.editIntro : t.newIntro,
      submitLabel: meeting ? t.editSubmit : t.newSubmit,
      id: meeting?.id ?? '',
      revision: meeting?.revision ?? 0,
      ...values,
      members,
      people: listed
        ? [...people].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((person) => ({ value: person.id, title: `${person.name} (${person.service ?? '—'})` }))
        : [],
      today: app.calendar.localDateOf(clock.now()),
      formError: [message('form') || (fieldErrors ? t.invalid : ''), blanked.length > 0 ? t.notShownAgain : ''].filter(Boolean).join(' '),
      dateError: message('date'),
      timeError: message('time'),
      placeError: message('place'),
      dialInError: message('dialIn'),
      chairError: message('chair'),
      agendaError: message('agenda'),
      membersError: message('members'),
      outsideMembersError: message('outsideMembers'),
    },
    locale,
  );
}

/** The edit form of the planned meeting, or a new meeting's form when none is planned (or `id` is not planned). */
async function openForm(context: HandlerContext, id: string): Promise<CardJson> {
  const now = context.clock.now();
  const meetings = await context.app.clu.list();
  const meeting = id === '' ? upcomingMeeting(meetings, now) : meetings.find((candidate) => candidate.id === id && candidate.state === 'scheduled');
  return meeting ? buildCluForm(context, meeting, valuesOf(meeting, context.app.timeZone)) : buildCluForm(context, undefined, await newValues(context));
}

/** « planifier le clu »: the form of a new meeting, prefilled (or the planned one's, to edit it). */
export async function showScheduleCluForm(context: CommandContext): Promise<void> {
  await context.reply(await openForm(context, ''));
}

/** « Planifier » / « Modifier » on the `clu` card and « Planifier le CLU » on a reminder. */
export const cluFormVerb = defineVerb({
  schema: z.object({ id: z.string().max(20).optional().default('') }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => openForm(context, data.id),
});

/**
 * « Enregistrer et inviter » / « Enregistrer les modifications »: the domain checks every field (nothing is written on
 * a bad one: the form comes back with the errors next to the fields and the values kept). A new meeting's invitation
 * copies are listed before it is stored, then sent; an edit lists the new members' copies and redraws every copy.
 */
export const cluSaveVerb = defineVerb({
  schema: formSchema,
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const now = clock.now();
    const [meetings, people] = await Promise.all([app.clu.list(), app.people.list()]);
    const current: StoredCluMeeting | undefined = data.id === '' ? undefined : meetings.find((meeting) => meeting.id === data.id);
    if (data.id !== '' && !current) return buildCluCard(context, { notice: t.notFound, noticeColor: 'Attention' });
    if (current && current.revision !== data.revision) return buildCluCard(context, { notice: t.stale, noticeColor: 'Attention' });
    const input: CluFormInput = data;
    const result = validateCluForm(input, { actor, people, meetings, current, now, calendar: app.calendar, locale });
    if (!result.ok) return buildCluForm(context, current, data, result.errors);
    const { meeting } = result;
    const topic = invitationTopic(meeting.id);
    const when = formatMeetingStart(meeting.startsAt, locale, app.timeZone);
    // Copies are listed before the meeting is written: a crash in between leaves copies the next sweep sends or drops.
    if (meeting.memberIds.length > 0) await app.sharedCards.addRecipients(topic, meeting.memberIds, now.toISOString());
    try {
      if (current) await app.clu.update(current, meeting);
      else await app.clu.create(meeting);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      return buildCluCard(context, { notice: current ? t.stale : t.raced, noticeColor: 'Attention' });
    }
    await app.audit.append({ actorId: actor.id, action: current ? 'clu.update' : 'clu.schedule', entityType: 'clu-meeting', entityId: meeting.id, before: current, after: meeting });
    if (current) await app.sharedCards.markStale(topic, now.toISOString());
    context.publishSharedCard(topic);
    const notice = current
      ? fill(t.updated, { id: meeting.id, when })
      : fill(meeting.memberIds.length > 0 ? t.created : t.createdNoMember, { id: meeting.id, when, count: meeting.memberIds.length });
    return buildCluCard(context, { notice, noticeColor: 'Good' });
  },
  invalid: async (context, raw) => {
    const current = typeof raw.id === 'string' && raw.id !== '' ? await context.app.clu.get(raw.id.slice(0, 20)).catch(() => undefined) : undefined;
    return buildCluForm(context, current, typedValues(raw), [{ field: 'form', message: texts[context.locale].unreadable }]);
  },
});
