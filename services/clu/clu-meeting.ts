import { z } from 'zod';
import { aadObjectIdSchema } from '../directory/person';
import { isLocalDate } from '../reminders/calendar';

/** Where a meeting of the Comité local des usagers is in its life (DOMAIN §4). */
export const cluMeetingStates = ['scheduled', 'held', 'cancelled'] as const;

/** One state. */
export type CluMeetingState = (typeof cluMeetingStates)[number];

/** French and English names of each state. */
export const cluMeetingStateLabels: Readonly<Record<CluMeetingState, { fr: string; en: string }>> = {
  scheduled: { fr: 'Planifiée', en: 'Scheduled' },
  held: { fr: 'Tenue', en: 'Held' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

/** Text limits: the 2021 minutes list 19 members and 5 agenda points; these leave ample room. */
export const cluLimits = {
  agendaItems: 15,
  agendaItem: 300,
  members: 100,
  outsideMembers: 40,
  personName: 120,
  organisation: 200,
  place: 300,
  dialIn: 300,
  chair: 120,
  cancelReason: 300,
} as const;

/** 'CLU-2026', then 'CLU-2026-2' for a second meeting the same year (CLU 2021 mentions one in Nov. 2020 and Feb. 2021). */
export const cluMeetingIdSchema = z.string().regex(/^CLU-\d{4}(-\d{1,2})?$/, 'numéro de réunion CLU-AAAA attendu');

const localDate = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !/\p{Cc}/u.test(text), 'caractères de contrôle interdits');

/** A member from outside the prefecture: a person and the body they represent ("M. Lagonotte", "UDAF du Cher"). */
export const outsideMemberSchema = z.object({
  name: line(cluLimits.personName),
  organisation: line(cluLimits.organisation),
});

/** A member from outside the prefecture. */
export type OutsideMember = z.infer<typeof outsideMemberSchema>;

const baseSchema = z.object({
  /** 'CLU-2026'. */
  id: cluMeetingIdSchema,
  /** When it starts (UTC ISO), from the local date and time typed in the prefecture's zone. */
  startsAt: z.iso.datetime(),
  /** Where it is held in person, if it is. */
  place: line(cluLimits.place).optional(),
  /** Members may join by audio conference (CLU 2021: three members joined so). */
  audioConference: z.boolean(),
  /** How to join by audio conference (number, code, link), when given. */
  dialIn: line(cluLimits.dialIn).optional(),
  /** The chair as a directory person, when they are one (usually the secretary general). */
  chairId: aadObjectIdSchema.optional(),
  /** The chair's name as shown (the person's name, or a free name such as « Mme Leduc, secrétaire générale »). */
  chairName: line(cluLimits.chair),
  /** Agenda points in order (CLU 2021: bilan qualité, plan d’actions, programmes nationaux, souhaits, questions diverses). */
  agenda: z.array(line(cluLimits.agendaItem)).min(1).max(cluLimits.agendaItems),
  /** Internal members (aadObjectIds): they receive the invitation card and its reminders. */
  memberIds: z.array(aadObjectIdSchema).max(cluLimits.members),
  /** Outside members (associations, Défenseur des droits…): listed on the cards, invited by the usual channels. */
  outsideMembers: z.array(outsideMemberSchema).max(cluLimits.outsideMembers),
  state: z.enum(cluMeetingStates),
  /** When the current date and time were set (ISO): reminder stages already past then are not sent. */
  scheduledAt: z.iso.datetime(),
  /** Day it was held, once marked so. */
  heldOn: localDate.optional(),
  /** When it was marked held (ISO): from then on the next meeting's due date is known. */
  heldAt: z.iso.datetime().optional(),
  /** Day the minutes are due (the meeting day + 1 month by default; from the day held once marked). */
  minutesDueOn: localDate,
  /** Day the minutes were sent out, once recorded: it ends the reminders. */
  minutesRecordedOn: localDate.optional(),
  /** When and why it was cancelled. */
  cancelledAt: z.iso.datetime().optional(),
  cancelReason: line(cluLimits.cancelReason).optional(),
  /** aadObjectId of who scheduled it. */
  createdBy: aadObjectIdSchema,
  /** When it was scheduled (ISO). */
  createdAt: z.iso.datetime(),
  /** Bumped by every change: a card carries the revision it showed, so a stale card is refused. */
  revision: z.number().int().min(0),
});

/** A meeting of the CLU, with the rules tying its fields together. */
export const cluMeetingSchema = baseSchema.superRefine((meeting, ctx) => {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  need(meeting.place !== undefined || meeting.audioConference, 'place', 'lieu ou audio-conférence obligatoire');
  need(meeting.state !== 'held' || (meeting.heldOn !== undefined && meeting.heldAt !== undefined), 'heldOn', 'date de tenue obligatoire');
  need(meeting.state !== 'cancelled' || meeting.cancelledAt !== undefined, 'cancelledAt', 'date d’annulation obligatoire');
  need(meeting.minutesRecordedOn === undefined || meeting.state === 'held', 'minutesRecordedOn', 'compte rendu d’une réunion tenue seulement');
  need(new Set(meeting.memberIds).size === meeting.memberIds.length, 'memberIds', 'membre en double');
});

/** A meeting of the Comité local des usagers. */
export type CluMeeting = z.infer<typeof baseSchema>;

/** What an internal member answers to the invitation. */
export const cluAnswers = ['present', 'excused'] as const;

/** One answer. */
export type CluAnswerValue = (typeof cluAnswers)[number];

/** French and English names of each answer. */
export const cluAnswerLabels: Readonly<Record<CluAnswerValue | 'none', { fr: string; en: string }>> = {
  present: { fr: 'Présent(e)', en: 'Attending' },
  excused: { fr: 'Excusé(e)', en: 'Excused' },
  none: { fr: 'Sans réponse', en: 'No answer' },
};

/** An internal member's answer to the invitation of one meeting. */
export const cluAnswerSchema = z.object({
  meetingId: cluMeetingIdSchema,
  personId: aadObjectIdSchema,
  answer: z.enum(cluAnswers),
  /** When it was given (ISO). */
  answeredAt: z.iso.datetime(),
  /** The start it was given for: a meeting moved since asks again (the answer is shown as given for the old date). */
  forStartsAt: z.iso.datetime(),
});

/** An answer to an invitation. */
export type CluAnswer = z.infer<typeof cluAnswerSchema>;

/**
 * The standard agenda of the CLU 2021 minutes (seed 003), for a meeting held in `year`: the quality report of the
 * year before, the action plan, the national programmes, the members' wishes and suggestions, other questions.
 */
export function standardCluAgenda(year: number): string[] {
  return [
    `Présentation du bilan qualité ${year - 1}`,
    `Présentation du plan d’actions ${year}`,
    'Présentation des programmes nationaux (Services Publics +)',
    'Recueil des souhaits et suggestions des membres',
    'Questions diverses',
  ];
}

/** The next free meeting number of a year: 'CLU-2026', then 'CLU-2026-2', 'CLU-2026-3'… */
export function nextCluMeetingId(year: number, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  const first = `CLU-${year}`;
  if (!taken.has(first)) return first;
  for (let n = 2; ; n += 1) if (!taken.has(`${first}-${n}`)) return `${first}-${n}`;
}
