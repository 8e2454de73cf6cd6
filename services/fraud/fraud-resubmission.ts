import { isRetriedSubmission } from '../resubmission';
import type { FraudSignal, FraudSignalDraft } from './fraud-signal';

type Submitted = Pick<FraudSignal, 'authorId' | 'service' | 'titleType' | 'nature' | 'detectedOn' | 'fileReference' | 'description' | 'article40' | 'createdAt'>;

/** The fields a fraud form sets, in a fixed order. */
const formFields = (signal: Submitted): unknown[] => [
  signal.authorId,
  signal.service,
  signal.titleType,
  signal.nature,
  signal.detectedOn,
  signal.fileReference,
  signal.description,
  signal.article40.reported,
  signal.article40.on,
];

/**
 * True when a stored signal is an earlier attempt of this form: same author, every field the same, stored less than
 * a day before. Two real frauds do not share the file reference, the description and the detection day, so this
 * merges only retries: it stops a form sent twice from counting one fraud twice in the rates.
 */
export function isSameSubmission(stored: Submitted, draft: FraudSignalDraft, now: Date): boolean {
  return isRetriedSubmission(stored.createdAt, now, formFields(stored), formFields(draft));
}
