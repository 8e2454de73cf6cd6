import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { maxBatchSize } from '../storage/table-pages';

/** Key of one row to delete; with an ETag, `deleteRow` deletes it only if unchanged since it was read. */
export interface RowKeys {
  partitionKey: string;
  rowKey: string;
  etag?: string;
}

/** Rows read per request by the purge: memory stays bounded whatever the table holds. */
export const purgePageSize = 200;

/** Calls `visit` on each page of a query, in key order, one page in memory at a time. */
export async function forEachPage<T extends object>(
  table: TableClient,
  query: { filter?: string; select?: string[] },
  visit: (rows: (T & { partitionKey?: string; rowKey?: string; etag?: string })[]) => Promise<void> | void,
  pageSize = purgePageSize,
): Promise<void> {
  const pages = table.listEntities<T>({ queryOptions: { filter: query.filter, select: query.select } }).byPage({ maxPageSize: pageSize });
  for await (const page of pages) if (page.length > 0) await visit(page);
}

/** The first row's PartitionKey a query returns (the smallest, as rows come in key order), or undefined. */
export async function firstPartitionKey(table: TableClient, filter?: string): Promise<string | undefined> {
  const pages = table.listEntities<object>({ queryOptions: { filter, select: ['PartitionKey'] } }).byPage({ maxPageSize: 1 });
  // A page may be empty yet carry a continuation token: follow them until a row comes.
  for await (const page of pages) {
    const first = page[0];
    if (first) return String(first.partitionKey);
  }
  return undefined;
}

/** Upper bound of the keys starting with `prefix`: '|' is followed by '}', '-' by '.'. */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`;
}

/**
 * Deletes rows in transactions of one partition and at most 100 rows, in the order given: a caller putting a
 * record's main row last gets it deleted with the last batch of its partition, atomically. Deletes in a transaction
 * are unconditional (the SDK's transactions take no ETag on a delete). A row already gone (404) is no failure: a
 * rerun after an interruption meets such rows, and the others of its batch then go one by one, in the same order.
 * Returns the rows deleted.
 */
export async function deleteRows(table: TableClient, rows: readonly RowKeys[]): Promise<RowKeys[]> {
  const byPartition = new Map<string, RowKeys[]>();
  for (const row of rows) byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row]);
  const deleted: RowKeys[] = [];
  for (const list of byPartition.values()) {
    for (let start = 0; start < list.length; start += maxBatchSize) {
      const batch = list.slice(start, start + maxBatchSize);
      try {
        await table.submitTransaction(batch.map((row): TransactionAction => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]));
        deleted.push(...batch);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        for (const row of batch) if (await deleteRow(table, { partitionKey: row.partitionKey, rowKey: row.rowKey })) deleted.push(row);
      }
    }
  }
  return deleted;
}

/** Deletes one row; false when it was gone already. Throws 412 when its ETag no longer matches. */
export async function deleteRow(table: TableClient, row: RowKeys): Promise<boolean> {
  try {
    await table.deleteEntity(row.partitionKey, row.rowKey, row.etag ? { etag: row.etag } : {});
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** True for the error of a row that changed since it was read (someone worked on the record during the purge). */
export const changedMeanwhile = isPreconditionFailed;
