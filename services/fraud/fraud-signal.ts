import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { aadObjectIdSchema } from '../directory/person';
import { isLocalDate } from '../reminders/calendar';
import { fraudNatures, fraudServices, titleTypes, type FraudService } from './fraud-catalog';

/** Where a signal stands: submitted (awaiting the referent), then confirmed, not confirmed, or to complete. */
export const fraudStates = ['submitted', 'confirmed', 'not-confirmed', 'to-complete'] as const;

/** Where a signal stands. */
export type FraudState = (typeof fraudStates)[number];

/** Labels of the states, as the cards show them. */
export const fraudStateLabels: Record<FraudState, Record<Locale, string>> = {
  submitted: { fr: 'À qualifier', en: 'To qualify' },
  confirmed: { fr: 'Fraude confirmée', en: 'Fraud confirmed' },
  'not-confirmed': { fr: 'Non confirmée', en: 'Not confirmed' },
  'to-complete': { fr: 'À compléter par l’auteur', en: 'To complete by the author' },
};

/** Outcomes a referent may choose. */
export const qualificationOutcomes = ['confirmed', 'not-confirmed', 'to-complete'] as const;

/** One outcome of a qualification. */
export type QualificationOutcome = (typeof qualificationOutcomes)[number];

const localDateSchema = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');

/** Max lengths of the free texts (the card inputs enforce them too). */
export const fraudTextLimits = { fileReference: 40, description: 1000, question: 500, answer: 1000 } as const;

/** Signal number: fraud domain, year of detection, order in that domain and year ('BMI-2025-0007'). */
export const fraudSignalIdSchema = z.string().regex(/^(BMI|CERT|PERMIS|SIV|AUTRE)-\d{4}-\d{4,6}$/, 'numéro de signalement invalide');

/** One question of the referent and the author's answer. */
export const fraudExchangeSchema = z.object({
  /** The referent's question (no personal data). */
  question: z.string().min(1).max(fraudTextLimits.question),
  askedBy: aadObjectIdSchema,
  askedAt: z.iso.datetime(),
  /** The author's answer, once given. */
  answer: z.string().min(1).max(fraudTextLimits.answer).optional(),
  answeredAt: z.iso.datetime().optional(),
});

/** A question and its answer. */
export type FraudExchange = z.infer<typeof fraudExchangeSchema>;

/** A fraud signal logged by an agent (23.x, E.33): what was detected, never who (no personal data in free text). */
export const fraudSignalSchema = z.object({
  /** 'BMI-2025-0007': the domain and year give the storage partition, so opening a number is a point read. */
  id: fraudSignalIdSchema,
  service: z.enum(fraudServices),
  titleType: z.enum(titleTypes),
  nature: z.enum(fraudNatures),
  /** Day the fraud was detected; its quarter and year are the signal's period in the indicators. */
  detectedOn: localDateSchema,
  /** The prefecture's internal file reference (checked for personal data). */
  fileReference: z.string().max(fraudTextLimits.fileReference),
  /** What was found, briefly (checked for personal data). */
  description: z.string().min(1).max(fraudTextLimits.description),
  /** Reported to the public prosecutor under article 40 of the code of criminal procedure, and when. */
  article40: z.object({ reported: z.boolean(), on: localDateSchema.optional() }),
  authorId: aadObjectIdSchema,
  createdAt: z.iso.datetime(),
  state: z.enum(fraudStates),
  /** Start of the current qualification round: creation, then each answer of the author (ISO instant). */
  submittedAt: z.iso.datetime(),
  /** The referent's last decision. */
  qualification: z
    .object({ by: aadObjectIdSchema, at: z.iso.datetime(), outcome: z.enum(qualificationOutcomes), question: z.string().max(fraudTextLimits.question).optional() })
    .optional(),
  /** Questions asked and answers given, oldest first. */
  exchanges: z.array(fraudExchangeSchema).max(50),
  /** Bumped at every change. */
  revision: z.number().int().min(0),
});

/** A fraud signal. */
export type FraudSignal = z.infer<typeof fraudSignalSchema>;

/** A signal before storage gives it a number. */
export type FraudSignalDraft = Omit<FraudSignal, 'id'>;

/** Reads a signal number as typed ("bmi-2025-7", "BMI-2025-0007"); undefined when it is not one. */
export function parseFraudSignalId(text: string): string | undefined {
  const match = /^(BMI|CERT|PERMIS|SIV|AUTRE)-(\d{4})-(\d{1,6})$/i.exec(text.trim());
  if (!match) return undefined;
  return `${(match[1] ?? '').toUpperCase()}-${match[2] ?? ''}-${(match[3] ?? '').padStart(4, '0')}`;
}

/** The parts of a signal number. */
export function splitFraudSignalId(id: string): { service: FraudService; year: number; order: number } | undefined {
  if (!fraudSignalIdSchema.safeParse(id).success) return undefined;
  const [service, year, order] = id.split('-');
  return { service: service as FraudService, year: Number(year), order: Number(order) };
}

/** The number of the `order`-th signal of a domain and year. */
export function formatFraudSignalId(service: FraudService, year: number, order: number): string {
  return `${service}-${String(year).padStart(4, '0')}-${String(order).padStart(4, '0')}`;
}

/** Milliseconds of the signal's current round: what a qualification card was drawn for. */
export function roundOf(signal: Pick<FraudSignal, 'submittedAt'>): number {
  return Date.parse(signal.submittedAt);
}
