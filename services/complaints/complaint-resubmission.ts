import type { Complaint } from './complaint';

/**
 * How long a form sent again counts as the same submission. Teams redelivers within minutes (PLATFORM.md) and a
 * person told « momentanément indisponible » clicks again within the hour; a day covers both.
 */
export const sameComplaintWindowMs = 24 * 60 * 60 * 1000;

type Logged = Pick<
  Complaint,
  'createdBy' | 'createdAt' | 'channel' | 'kind' | 'receivedOn' | 'summary' | 'commitment' | 'inScope' | 'outOfScopeReason' | 'service' | 'assigneeId'
>;

/**
 * True when a stored complaint is an earlier attempt of this form: logged by the same person less than a day before,
 * with every field the same. One letter is logged once; this stops a retried form from counting it twice in the
 * report's figures per channel (E.16–E.18).
 */
export function isSameComplaintSubmission(stored: Logged, draft: Logged, now: Date): boolean {
  const age = now.getTime() - Date.parse(stored.createdAt);
  return (
    age >= 0 &&
    age < sameComplaintWindowMs &&
    stored.createdBy === draft.createdBy &&
    stored.channel === draft.channel &&
    stored.kind === draft.kind &&
    stored.receivedOn === draft.receivedOn &&
    stored.summary === draft.summary &&
    stored.commitment === draft.commitment &&
    stored.inScope === draft.inScope &&
    stored.outOfScopeReason === draft.outOfScopeReason &&
    stored.service === draft.service &&
    stored.assigneeId === draft.assigneeId
  );
}
