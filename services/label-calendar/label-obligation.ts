import { z } from 'zod';
import { aadObjectIdSchema } from '../directory/person';
import { isLocalDate, type LocalDate } from '../reminders/calendar';

/** Obligation ids are slugs ('enquete-satisfaction'): they end up in reminder keys, row keys and card data. */
export const labelObligationIdSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant en minuscules, chiffres et tirets (ex. enquete-satisfaction)');

/** A day written YYYY-MM-DD that exists ('2027-02-29' does not). */
export const localDateSchema = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');

/** Control characters (C0, DEL, C1): labels and notes are one line of plain text shown on cards. */
export const controlCharacter = /\p{Cc}/u;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !controlCharacter.test(text), 'caractères de contrôle interdits');

/**
 * How the next occurrence comes (DOMAIN §5, CLU 2021):
 * - 'one-off': once; done, the obligation is complete.
 * - 'recurring': every N months (the survey, 3.2; the editorial line, 20.3; fraud awareness, 23.3; ES49 exercises),
 *   the next due date counted from the previous due date (see label-occurrences.ts).
 * - 'derived': N months and/or weeks from another obligation's date: its latest done date ('done': the label is
 *   renewed 36 months after it was granted, the follow-up audit is due 18 months after it) or its current due date
 *   ('due': the internal audit some weeks before the external one). `extensionMonths` is a postponement granted for
 *   the pending occurrence only (the 2-month COVID extension of 2021); `basedOn` is the base date the due date was
 *   computed from, so the due date moves only when the base does.
 */
export const labelScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('one-off') }),
  z.object({ kind: z.literal('recurring'), everyMonths: z.number().int().min(1).max(120) }),
  z.object({
    kind: z.literal('derived'),
    from: labelObligationIdSchema,
    basis: z.enum(['done', 'due']),
    months: z.number().int().min(-120).max(120),
    weeks: z.number().int().min(-104).max(104),
    extensionMonths: z.number().int().min(0).max(24),
    basedOn: localDateSchema,
  }),
]);

/** How an obligation's occurrences follow each other. */
export type LabelSchedule = z.infer<typeof labelScheduleSchema>;

/** A derived schedule. */
export type DerivedSchedule = Extract<LabelSchedule, { kind: 'derived' }>;

/** One occurrence marked done: the audit evidence of the label calendar. */
export const doneOccurrenceSchema = z.object({
  /** Due date of the occurrence this closes. */
  occurrenceDueOn: localDateSchema,
  /** Day it was actually done (never in the future). */
  doneOn: localDateSchema,
  /** Who marked it done (aadObjectId). */
  doneBy: aadObjectIdSchema,
  /** When it was recorded (ISO instant). */
  doneAt: z.iso.datetime(),
  /** Optional remark ("report de 2 mois accordé"). */
  note: oneLine(300).optional(),
});

/** One occurrence marked done. */
export type DoneOccurrence = z.infer<typeof doneOccurrenceSchema>;

/** Most done occurrences kept in the row (one a year for most obligations; the audit trail keeps everything). */
export const maxHistory = 100;

/** A dated obligation of the label calendar (DOMAIN §5). Data the quality officer edits, never logic. */
export const labelObligationSchema = z
  .object({
    /** Stable slug. */
    id: labelObligationIdSchema,
    /** What is due, as users read it. */
    label: z.object({ fr: oneLine(120), en: oneLine(120) }),
    /** Commitment or reference it serves, free text ('Label', '3.2', '20.3', '23.3', 'ES49'). */
    reference: oneLine(20),
    schedule: labelScheduleSchema,
    /** Due date of the current occurrence (done when the history holds it). */
    dueOn: localDateSchema,
    /** First day of the period it takes place in (the survey's two weeks), the period ending on `dueOn`. */
    windowStartsOn: localDateSchema.optional(),
    /** Who carries it out and is reminded (aadObjectId). */
    ownerId: aadObjectIdSchema,
    /** Occurrences done, oldest first. */
    history: z.array(doneOccurrenceSchema).max(maxHistory),
    /** Retired obligations are kept with their history but neither listed as due nor reminded. */
    active: z.boolean(),
    /** Counts the writes: 0 at creation. */
    revision: z.number().int().min(0),
    /** When the current due date became known (ISO): reminders never anticipate it. */
    dueSetAt: z.iso.datetime(),
    /** When it was created (ISO). */
    createdAt: z.iso.datetime(),
  })
  .refine((o) => o.windowStartsOn === undefined || o.windowStartsOn <= o.dueOn, {
    message: 'le début de la période doit précéder l’échéance',
    path: ['windowStartsOn'],
  });

/** A dated obligation of the label calendar. */
export type LabelObligation = z.infer<typeof labelObligationSchema>;

/** An obligation as read from storage, with the ETag its next change must match. */
export type StoredLabelObligation = LabelObligation & { etag: string };

/** True when the current occurrence is marked done. */
export function isCurrentDone(obligation: Pick<LabelObligation, 'dueOn' | 'history'>): boolean {
  return obligation.history.some((entry) => entry.occurrenceDueOn === obligation.dueOn);
}

/** Active and its current occurrence not done: listed as due or late, and reminded. */
export function isPending(obligation: Pick<LabelObligation, 'active' | 'dueOn' | 'history'>): boolean {
  return obligation.active && !isCurrentDone(obligation);
}

/** The latest day it was done, if ever (the label was granted on the latest done day of its renewal). */
export function lastDoneOn(obligation: Pick<LabelObligation, 'history'>): LocalDate | undefined {
  return obligation.history.reduce<LocalDate | undefined>((latest, entry) => (latest === undefined || entry.doneOn > latest ? entry.doneOn : latest), undefined);
}

/** The obligation's own fields, without what a repository adds (ETag). */
export function pickObligation(obligation: LabelObligation): LabelObligation {
  const { id, label, reference, schedule, dueOn, windowStartsOn, ownerId, history, active, revision, dueSetAt, createdAt } = obligation;
  return { id, label, reference, schedule, dueOn, windowStartsOn, ownerId, history, active, revision, dueSetAt, createdAt };
}
