import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Clock } from '../clock';
import { storageKey } from '../storage/keys';
import { odataFilter, partitionFilter } from '../storage/odata-filter';
import { InvalidStorageInputError } from '../storage/storage-errors';
import { listOnePage, submitInBatches } from '../storage/table-pages';

/** One change to domain data: who did what, when, and the values before and after. */
export interface AuditEntry {
  /** aadObjectId of the person who made the change, or "system". */
  actorId: string;
  /** Verb of the change, e.g. "person.update", "directory.import". */
  action: string;
  /** Kind of thing changed, e.g. "person". */
  entityType: string;
  /** Its id. */
  entityId: string;
  /** Values before the change (undefined for a creation). */
  before?: unknown;
  /** Values after the change (undefined for a deletion). */
  after?: unknown;
}

/** An audit entry as stored, with its instant. */
export type StoredAuditEntry = AuditEntry & { at: string };

type AuditRow = {
  at: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string;
  after: string;
};

// Rows sort newest first inside a month: RowKey starts with the time remaining until year 9999.
const maxMillis = Date.UTC(9999, 11, 31);

function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Append-only audit trail: one partition per month (PartitionKey "YYYY-MM"), newest first. */
export class AuditRepository {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  private toRow(entry: AuditEntry, at: Date) {
    const inverted = String(maxMillis - at.getTime()).padStart(15, '0');
    const row: AuditRow & { partitionKey: string; rowKey: string } = {
      partitionKey: monthKey(at),
      rowKey: `${inverted}-${randomUUID()}`,
      at: at.toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: JSON.stringify(entry.before ?? null),
      after: JSON.stringify(entry.after ?? null),
    };
    return row;
  }

  /** Appends entries; never updates or deletes. */
  async append(...entries: AuditEntry[]): Promise<void> {
    const at = this.clock.now();
    const rows = entries.map((entry) => this.toRow(entry, at));
    if (rows.length === 1 && rows[0]) await this.table.createEntity(rows[0]);
    else if (rows.length > 1) await submitInBatches(this.table, rows.map((row): TransactionAction => ['create', row]));
  }

  /** The newest entries of a month ("YYYY-MM"), optionally for one entity. */
  async listMonth(month: string, options: { entityId?: string; limit?: number } = {}): Promise<StoredAuditEntry[]> {
    const { entityId, limit = 100 } = options ?? {};
    // The page size goes into the request too: a whole number of entities a page may hold (PLATFORM.md).
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidStorageInputError('audit page size', 'filter value');
    const partition = partitionFilter(storageKey(month, 'audit month', /^\d{4}-\d{2}$/), 'audit month');
    // Only an absent id lists the whole month: '' or any other value is compared, never dropped.
    const filter = entityId === undefined ? partition : `${partition} and ${odataFilter`entityId eq ${entityId}`}`;
    const page = await listOnePage<AuditRow>(this.table, { filter, pageSize: limit });
    return page.items.map((row) => ({
      at: row.at,
      actorId: row.actorId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: JSON.parse(row.before) as unknown,
      after: JSON.parse(row.after) as unknown,
    }));
  }
}
