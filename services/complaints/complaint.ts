import { z } from 'zod';
import { aadObjectIdSchema, serviceCodeSchema } from '../directory/person';
import { isLocalDate } from '../reminders/calendar';
import { complaintChannels, complaintKinds, outOfScopeReasons } from './complaint-channels';
import { complaintIdSchema } from './complaint-number';

/** Where a complaint is in its life: waiting for a reply on the substance, answered, or filed. */
export const complaintStates = ['open', 'answered', 'closed'] as const;

/** One state. */
export type ComplaintState = (typeof complaintStates)[number];

/** French and English names of each state. */
export const complaintStateLabels: Readonly<Record<ComplaintState, { fr: string; en: string }>> = {
  open: { fr: 'En attente de réponse', en: 'Awaiting reply' },
  answered: { fr: 'Répondue', en: 'Answered' },
  closed: { fr: 'Classée', en: 'Closed' },
};

/** Text limits: a summary is a short paragraph (the 2020 report lists themes in one line each). */
export const complaintLimits = { summary: 1000, closeReason: 300 } as const;

const localDate = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');
const noControlButNewline = (text: string) => !/(?!\n)\p{Cc}/u.test(text);

/** A reply sent to the user (17.1, 17.2): on the substance, or a holding reply announcing a forecast date. */
export const complaintReplySchema = z.object({
  kind: z.enum(['substance', 'holding']),
  /** Day the reply was sent. */
  on: localDate,
  /** Holding reply: the date announced for the reply on the substance; it becomes the due date. */
  forecastOn: localDate.optional(),
  /** Who recorded it. */
  by: aadObjectIdSchema,
  /** When it was recorded (ISO). */
  at: z.iso.datetime(),
});

/** One reply. */
export type ComplaintReply = z.infer<typeof complaintReplySchema>;

const baseSchema = z.object({
  /** 'R-2026-0012': year of receipt and row. */
  id: complaintIdSchema,
  /** How it reached the prefecture. */
  channel: z.enum(complaintChannels),
  kind: z.enum(complaintKinds),
  /** Day it was received (not the day it was logged). */
  receivedOn: localDate,
  /** What it is about, without personal data (the form refuses e-mails, phones, NIR, birth dates, IBAN). */
  summary: z.string().trim().min(1).max(complaintLimits.summary).refine(noControlButNewline, 'caractères de contrôle interdits'),
  /** Commitment of the référentiel concerned ('E.17', '3.1'), if any. */
  commitment: z.string().min(1).max(20).optional(),
  /** Inside the Qual-e-pref scope: counted in the label's indicators. */
  inScope: z.boolean(),
  /** Why not, when out of scope. */
  outOfScopeReason: z.enum(outOfScopeReasons).optional(),
  /** Service in charge. */
  service: serviceCodeSchema,
  /** aadObjectId of the agent who answers and gets the reminders. */
  assigneeId: aadObjectIdSchema,
  /** When the current assignee was given it (ISO): keys the card sent to them. */
  assignedAt: z.iso.datetime(),
  /** Due date computed at receipt (E.17), kept to judge a holding reply sent late. */
  initialDueOn: localDate,
  /** Due date in force: the initial one, or the forecast date of the last holding reply. */
  dueOn: localDate,
  /** When the due date in force was set (ISO): reminder stages already past then collapse into one. */
  dueSetAt: z.iso.datetime(),
  /** Day the acknowledgement of receipt was sent (17.3), when owed and sent. */
  acknowledgedOn: localDate.optional(),
  /** Replies in the order they were recorded. */
  replies: z.array(complaintReplySchema).max(50),
  state: z.enum(complaintStates),
  /** Day it was filed. */
  closedOn: localDate.optional(),
  /** Why it was filed without a reply on the substance (duplicate, withdrawn…). */
  closeReason: z.string().trim().min(1).max(complaintLimits.closeReason).refine(noControlButNewline).optional(),
  /** aadObjectId of who logged it. */
  createdBy: aadObjectIdSchema,
  /** When it was logged (ISO). */
  createdAt: z.iso.datetime(),
  /** Bumped by every change: a card carries the revision it showed, so a stale card is refused. */
  revision: z.number().int().min(0),
});

/** A complaint, suggestion or information request (3.1, E.16–E.18), with the rules tying its fields together. */
export const complaintSchema = baseSchema.superRefine((complaint, ctx) => {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  need(complaint.id.slice(2, 6) === complaint.receivedOn.slice(0, 4), 'id', 'l’année du numéro est celle de la réception');
  need(complaint.inScope === (complaint.outOfScopeReason === undefined), 'outOfScopeReason', 'motif obligatoire hors périmètre, et seulement alors');
  need(complaint.dueOn >= complaint.initialDueOn, 'dueOn', 'l’échéance ne recule pas');
  need(complaint.state !== 'answered' || complaint.replies.some((reply) => reply.kind === 'substance'), 'state', 'répondue sans réponse sur le fond');
  need(complaint.state !== 'closed' || complaint.closedOn !== undefined, 'closedOn', 'date de classement obligatoire');
  need(complaint.replies.every((reply) => (reply.kind === 'holding') === (reply.forecastOn !== undefined)), 'replies', 'date prévisionnelle pour une réponse d’attente, et seulement alors');
});

/** A complaint (or suggestion, or information request). */
export type Complaint = z.infer<typeof baseSchema>;

/** The reply on the substance, if any (the first one counts). */
export function substanceReply(complaint: Pick<Complaint, 'replies'>): ComplaintReply | undefined {
  return complaint.replies.find((reply) => reply.kind === 'substance');
}
