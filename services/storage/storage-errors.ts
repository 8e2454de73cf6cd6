import { isRestError } from '@azure/core-rest-pipeline';

/** HTTP status of a storage error, if the service answered at all. */
export function storageStatus(error: unknown): number | undefined {
  return isRestError(error) ? error.statusCode : undefined;
}

/** 409: the key already exists (createEntity's natural idempotency guard). */
export const isConflict = (error: unknown): boolean => storageStatus(error) === 409;

/** 412: the entity changed since it was read (ETag mismatch). */
export const isPreconditionFailed = (error: unknown): boolean => storageStatus(error) === 412;

/** 404: no such entity or table. */
export const isNotFound = (error: unknown): boolean => storageStatus(error) === 404;

const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

/** True when the storage could not be reached or answered with a server error: the user is told to retry later. */
export function isStorageUnavailable(error: unknown): boolean {
  if (isRestError(error)) {
    if (error.statusCode === undefined) return true;
    return error.statusCode >= 500 || error.statusCode === 408;
  }
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === 'string' && unreachableCodes.has(code)) return true;
    return error.name === 'AbortError' || error.name === 'TimeoutError';
  }
  return false;
}

/** Thrown by repositories when an ETag-guarded write lost the race; callers re-read and tell the user. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else`);
    this.name = 'ConcurrentUpdateError';
  }
}

/**
 * Thrown before any request when a value cannot be a key or a filter literal (wrong type, forbidden character,
 * too long, wrong shape): user text never reaches a PartitionKey, a RowKey or a query unchecked (issue 10).
 */
export class InvalidStorageInputError extends Error {
  constructor(
    readonly what: string,
    readonly kind: 'key' | 'filter value' = 'key',
  ) {
    super(`invalid storage ${kind} for ${what}`);
    this.name = 'InvalidStorageInputError';
  }
}
