import { randomUUID } from 'node:crypto';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TableClient } from '@azure/data-tables';
import type { Logger } from '../logger';
import { partitionFilter } from './odata-filter';
import type { TableName } from './table-names';

/** The stamps' single partition: a dozen rows, read in one request. */
const stampPartition = 'tables';

/** One stamp per table: a token every write replaces, so a reader knows whether what it computed is still current. */
interface StampEntity {
  partitionKey: string;
  rowKey: string;
  token: string;
}

/** Each tracked table's stamp as read at one moment; compare two with `tokenOf`. */
export type StampVector = ReadonlyMap<TableName, string>;

/**
 * Change stamps of the tables that figures are computed from. Every successful write to a tracked table, whichever
 * repository makes it and whichever instance of the bot, replaces that table's stamp in the `ChangeStamps` table:
 * a reader reads the dozen stamps in one request and recomputes only what depends on a table whose stamp moved,
 * instead of reading thousands of rows on each turn. The stamp is written after the row it announces, so a reader
 * that saw the old stamp reads again next time. A stamp that could not be written (storage lost between the two
 * writes) leaves the other instances late until `maxAgeMs` of their kept figures; this instance also counts its
 * own writes locally, so it is never late on them.
 */
export class ChangeStamps {
  private readonly localWrites = new Map<TableName, number>();
  /** Per table: the stamp write waiting to start, shared by every write that finished before it starts. */
  private readonly queued = new Map<TableName, Promise<void>>();
  private readonly running = new Map<TableName, Promise<void>>();

  constructor(
    private readonly stamps: TableClient,
    private readonly logger?: Logger,
  ) {}

  /** Watches writes through `client` (the client every repository of `table` holds) to keep its stamp current. */
  track(table: TableName, client: TableClient): void {
    const policy: PipelinePolicy = {
      name: `qualibot-change-stamp-${table}`,
      sendRequest: async (request, next) => {
        const response = await next(request);
        // Any successful write to rows (a failed transaction answers 202 too: a needless recomputation at worst);
        // creating the table at start-up (`/Tables`) changes no row.
        const rows = !/\/Tables(\(|$)/.test(new URL(request.url).pathname);
        if (rows && request.method !== 'GET' && request.method !== 'HEAD' && response.status >= 200 && response.status < 300) await this.changed(table);
        return response;
      },
    };
    client.pipeline.addPolicy(policy);
  }

  /** Records a change of `table`: counted here at once, then announced to the other instances (never throws). */
  changed(table: TableName): Promise<void> {
    this.localWrites.set(table, (this.localWrites.get(table) ?? 0) + 1);
    const waiting = this.queued.get(table);
    if (waiting) return waiting;
    const previous = this.running.get(table) ?? Promise.resolve();
    const write: Promise<void> = previous.then(async () => {
      this.queued.delete(table);
      this.running.set(table, write);
      try {
        // When it changed is the row's own `Timestamp`, set by the storage.
        const entity: StampEntity = { partitionKey: stampPartition, rowKey: table, token: randomUUID() };
        await this.stamps.upsertEntity(entity, 'Replace');
      } catch (error) {
        this.logger?.warn({ err: error, table }, 'change stamp not written: other instances see the change when their figures expire');
      } finally {
        if (this.running.get(table) === write) this.running.delete(table);
      }
    });
    this.queued.set(table, write);
    return write;
  }

  /** Every stamp, in one request, with this instance's own count of writes (so a lost stamp write still shows here). */
  async read(): Promise<StampVector> {
    const vector = new Map<TableName, string>();
    const rows = this.stamps.listEntities<StampEntity>({ queryOptions: { filter: partitionFilter(stampPartition, 'change stamps'), select: ['RowKey', 'token'] } });
    for await (const row of rows) vector.set(row.rowKey as TableName, row.token);
    for (const [table, count] of this.localWrites) vector.set(table, `${vector.get(table) ?? ''}#${count}`);
    return vector;
  }
}

/** The part of a stamp vector that `tables` depend on, as one comparable string. */
export function tokenOf(vector: StampVector, tables: readonly TableName[]): string {
  return tables.map((table) => `${table}=${vector.get(table) ?? ''}`).join(';');
}
