import type { FraudSignal, FraudSignalDraft } from './fraud-signal';

/**
 * How long a form sent again counts as the same submission. Teams redelivers within minutes (PLATFORM.md) and a
 * person told « momentanément indisponible » clicks again within the hour; a day covers both.
 */
export const sameSubmissionWindowMs = 24 * 60 * 60 * 1000;

type Submitted = Pick<FraudSignal, 'authorId' | 'service' | 'titleType' | 'nature' | 'detectedOn' | 'fileReference' | 'description' | 'article40' | 'createdAt'>;

/**
 * True when a stored signal is an earlier attempt of this form: same author, every field the same, stored less than
 * a day before. Two real frauds do not share the file reference, the description and the detection day, so this
 * merges only retries: it stops a form sent twice from counting one fraud twice in the rates.
 */
export function isSameSubmission(stored: Submitted, draft: FraudSignalDraft, now: Date): boolean {
  const age = now.getTime() - Date.parse(stored.createdAt);
  return (
    age >= 0 &&
    age < sameSubmissionWindowMs &&
    stored.authorId === draft.authorId &&
    stored.service === draft.service &&
    stored.titleType === draft.titleType &&
    stored.nature === draft.nature &&
    stored.detectedOn === draft.detectedOn &&
    stored.fileReference === draft.fileReference &&
    stored.description === draft.description &&
    stored.article40.reported === draft.article40.reported &&
    stored.article40.on === draft.article40.on
  );
}
