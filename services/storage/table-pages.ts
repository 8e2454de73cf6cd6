import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';

/** Reads every page of a query, following continuation tokens (a page may be empty yet carry a token). */
export async function listAllEntities<T extends object>(
  client: TableClient,
  filter?: string,
  select?: string[],
): Promise<TableEntityResult<T>[]> {
  const all: TableEntityResult<T>[] = [];
  const pages = client.listEntities<T>({ queryOptions: { filter, select } }).byPage({ maxPageSize: 1000 });
  for await (const page of pages) all.push(...page);
  return all;
}

/** Reads one page of at most `pageSize` entities; `continuationToken` resumes where the previous page stopped. */
export async function listOnePage<T extends object>(
  client: TableClient,
  options: { filter?: string; pageSize: number; continuationToken?: string },
): Promise<{ items: TableEntityResult<T>[]; continuationToken?: string }> {
  const pages = client
    .listEntities<T>({ queryOptions: { filter: options.filter } })
    .byPage({ maxPageSize: options.pageSize, continuationToken: options.continuationToken });
  const first = await pages.next();
  if (first.done) return { items: [] };
  return { items: [...first.value], continuationToken: first.value.continuationToken };
}

/** Max operations in one entity group transaction (PLATFORM.md). */
export const maxBatchSize = 100;

/** Submits actions grouped by partition in transactions of at most 100; each transaction is atomic. */
export async function submitInBatches(client: TableClient, actions: TransactionAction[]): Promise<number> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const entity = action[1] as TableEntity;
    const list = byPartition.get(entity.partitionKey) ?? [];
    list.push(action);
    byPartition.set(entity.partitionKey, list);
  }
  let transactions = 0;
  for (const list of byPartition.values()) {
    for (let start = 0; start < list.length; start += maxBatchSize) {
      await client.submitTransaction(list.slice(start, start + maxBatchSize));
      transactions += 1;
    }
  }
  return transactions;
}
