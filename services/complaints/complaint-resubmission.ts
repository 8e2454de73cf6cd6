import { isRetriedSubmission } from '../resubmission';
import type { Complaint } from './complaint';

type Logged = Pick<
  Complaint,
  'createdBy' | 'createdAt' | 'channel' | 'kind' | 'receivedOn' | 'summary' | 'commitment' | 'inScope' | 'outOfScopeReason' | 'service' | 'assigneeId'
>;

/** The fields a complaint form sets, in a fixed order. */
const formFields = (complaint: Logged): unknown[] => [
  complaint.createdBy,
  complaint.channel,
  complaint.kind,
  complaint.receivedOn,
  complaint.summary,
  complaint.commitment,
  complaint.inScope,
  complaint.outOfScopeReason,
  complaint.service,
  complaint.assigneeId,
];

/**
 * True when a stored complaint is an earlier attempt of this form: logged by the same person less than a day before,
 * with every field the same. One letter is logged once; this stops a retried form from counting it twice in the
 * report's figures per channel (E.16–E.18).
 */
export function isSameComplaintSubmission(stored: Logged, draft: Logged, now: Date): boolean {
  return isRetriedSubmission(stored.createdAt, now, formFields(stored), formFields(draft));
}
