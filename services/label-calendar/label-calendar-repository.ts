import type { TableClient, TransactionAction } from '@azure/data-tables';
import { assertSafeKey, lookupKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { labelObligationIdSchema, labelObligationSchema, type LabelObligation, type StoredLabelObligation } from './label-obligation';

/** The whole calendar is one small partition (a dozen obligations): read in one query, changed in one transaction. */
const partitionKey = 'obligation';

interface ObligationRow {
  /** The whole obligation as JSON, its done history included: one read gives everything, checked by the schema. */
  data: string;
  /** Copies for people reading the table in Storage Explorer; never read back. */
  dueOn: string;
  ownerId: string;
  active: boolean;
}

function toRow(obligation: LabelObligation) {
  const valid = labelObligationSchema.parse(obligation);
  return {
    partitionKey,
    rowKey: assertSafeKey(valid.id, 'label obligation id'),
    data: JSON.stringify(valid),
    dueOn: valid.dueOn,
    ownerId: valid.ownerId,
    active: valid.active,
  } satisfies ObligationRow & { partitionKey: string; rowKey: string };
}

function fromRow(row: ObligationRow & { etag?: string }): StoredLabelObligation {
  return { ...labelObligationSchema.parse(JSON.parse(row.data)), etag: row.etag ?? '' };
}

/** One write of a change: a creation (no ETag) or the replacement of the version read (its ETag). */
export interface ObligationWrite {
  obligation: LabelObligation;
  etag?: string;
}

/**
 * The label calendar (DOMAIN §5): PartitionKey 'obligation', RowKey the obligation id, the done history inside the
 * row. One row per obligation means one ETag guards the occurrence and its history together: marking done appends
 * to the history and moves the due date in a single guarded write, never half of it.
 */
export class LabelCalendarRepository {
  constructor(private readonly table: TableClient) {}

  /** One obligation with its ETag, or undefined (also for a value that cannot be an obligation id). */
  async get(id: string): Promise<StoredLabelObligation | undefined> {
    const key = lookupKey(id, labelObligationIdSchema);
    if (key === undefined) return undefined;
    try {
      return fromRow(await this.table.getEntity<ObligationRow>(partitionKey, key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every obligation, active or retired, by due date. */
  async list(): Promise<StoredLabelObligation[]> {
    const rows = await listAllEntities<ObligationRow>(this.table, partitionFilter(partitionKey, 'label calendar'));
    return rows.map(fromRow).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  }

  /**
   * Writes changes in one transaction (creations with `create`, replacements with `Replace` + the ETag read): all of
   * them or none. Throws ConcurrentUpdateError when an id was taken meanwhile (409) or a row changed or vanished since
   * it was read (412, 404). Returns the written obligations with their new ETags, re-read.
   */
  async writeAll(writes: readonly ObligationWrite[]): Promise<StoredLabelObligation[]> {
    if (writes.length === 0) return [];
    const actions: TransactionAction[] = writes.map(({ obligation, etag }) =>
      etag === undefined ? ['create', toRow(obligation)] : ['update', toRow(obligation), 'Replace', { etag }],
    );
    try {
      await submitInBatches(this.table, actions);
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError('label obligation');
      throw error;
    }
    const written = await Promise.all(writes.map(({ obligation }) => this.get(obligation.id)));
    return written.filter((o): o is StoredLabelObligation => o !== undefined);
  }

  /** Adds the obligations not stored yet (demo calendar), leaving existing ones as edited and done. */
  async addMissing(obligations: readonly LabelObligation[]): Promise<number> {
    // Rows are built (schema and keys checked) before anything is read or written.
    const rows = obligations.map(toRow);
    const known = new Set((await this.list()).map((o) => o.id));
    const actions: TransactionAction[] = rows.filter((row) => !known.has(row.rowKey)).map((row) => ['upsert', row, 'Replace']);
    await submitInBatches(this.table, actions);
    return actions.length;
  }
}
