import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntity } from '@azure/data-tables';
import type { AuditEntry, StoredAuditEntry } from '../audit/audit-repository';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from './storage-errors';

/**
 * History rows kept beside the record they describe (same partition), so a change and its history entry are
 * written in one transaction: both or neither. Used by the action plan and the complaints.
 */
// A type, not an interface: rows must be assignable to the SDK's Record-shaped entities.
export type HistoryRow = {
  at: string;
  actorId: string;
  action: string;
  before: string;
  after: string;
};

// Newest first inside a partition: the RowKey holds the time remaining until year 9999.
const maxMillis = Date.UTC(9999, 11, 31);

/** RowKey of a history entry: the record's prefix, then the inverted instant, then a uuid (two changes in one ms). */
export function historyRowKey(prefix: string, at: Date): string {
  return `${prefix}${String(maxMillis - at.getTime()).padStart(15, '0')}|${randomUUID()}`;
}

/** The row of one history entry. */
export function historyEntity(partitionKey: string, rowKey: string, entry: AuditEntry, at: Date): TableEntity<HistoryRow> {
  return {
    partitionKey,
    rowKey,
    at: at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    before: JSON.stringify(entry.before ?? null),
    after: JSON.stringify(entry.after ?? null),
  };
}

/** History rows as audit entries of one record. */
export function historyEntries(rows: readonly HistoryRow[], entityType: string, entityId: string): StoredAuditEntry[] {
  return rows.map((row) => ({
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    entityType,
    entityId,
    before: JSON.parse(row.before) as unknown,
    after: JSON.parse(row.after) as unknown,
  }));
}

/**
 * Creates a record under the next free number, with its first history entry, in one transaction. Two people
 * creating at once both get a number: the loser of a number (409) asks `nextId` again. Returns the number and
 * the record's ETag.
 */
export async function createNumbered(
  table: TableClient,
  nextId: () => Promise<string>,
  rowsFor: (id: string) => { record: TableEntity; history: TableEntity },
  what: string,
): Promise<{ id: string; etag: string }> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const id = await nextId();
    const { record, history } = rowsFor(id);
    try {
      const responses = await table.submitTransaction([
        ['create', record],
        ['create', history],
      ]);
      return { id, etag: responses.subResponses[0]?.etag ?? '' };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new ConcurrentUpdateError(`${what} number`);
}

/**
 * Replaces a record if it still has `etag`, with its history entry, in one transaction; returns the new ETag.
 * Throws ConcurrentUpdateError when someone else changed it first: nothing is written then.
 */
export async function replaceWithHistory(table: TableClient, record: TableEntity, etag: string, history: TableEntity, what: string): Promise<string> {
  try {
    const responses = await table.submitTransaction([
      ['update', record, 'Replace', { etag }],
      ['create', history],
    ]);
    return responses.subResponses[0]?.etag ?? '';
  } catch (error) {
    if (isPreconditionFailed(error) || isConflict(error) || isNotFound(error)) throw new ConcurrentUpdateError(what);
    throw error;
  }
}
