import type { TableClient, TransactionAction } from '@azure/data-tables';
import { assertSafeKey, lookupKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed, storageStatus } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { checkItemSchema, type CheckItem, type StoredCheckItem } from './check-item';

const partitionKey = 'item';

type CheckItemRow = Omit<CheckItem, 'id' | 'url'> & { url?: string };

function fromRow(row: CheckItemRow & { rowKey?: string; etag?: string }): StoredCheckItem {
  return { ...checkItemSchema.parse({ ...row, id: row.rowKey, url: row.url || undefined }), etag: row.etag ?? '' };
}

function toRow(item: CheckItem) {
  const valid = checkItemSchema.parse(item);
  const { id, url, ...fields } = valid;
  return { partitionKey, rowKey: assertSafeKey(id, 'check item id'), ...fields, url: url ?? '' };
}

/** One write of an import: a creation (no ETag) or the replacement of the version read (its ETag). */
export interface CheckItemWrite {
  item: CheckItem;
  etag?: string;
}

/** Quarterly check items (one small partition; a prefecture has tens of them). */
export class CheckItemsRepository {
  constructor(private readonly table: TableClient) {}

  /** One item with its ETag, or undefined (also for a value that cannot be an item id). */
  async get(id: string): Promise<StoredCheckItem | undefined> {
    const key = lookupKey(id, checkItemSchema.shape.id);
    if (key === undefined) return undefined;
    try {
      return fromRow(await this.table.getEntity<CheckItemRow>(partitionKey, key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every item, active or retired, with its ETag, sorted by service then label. */
  async list(): Promise<StoredCheckItem[]> {
    const rows = await listAllEntities<CheckItemRow>(this.table, partitionFilter(partitionKey, 'check items'));
    return rows.map(fromRow).sort((a, b) => a.service.localeCompare(b.service) || a.label.localeCompare(b.label, 'fr'));
  }

  /**
   * Creates an item (no `etag`) or replaces the version read (its `etag`). Throws ConcurrentUpdateError when the
   * id was taken meanwhile (creation) or the item changed or vanished since it was read (edit).
   */
  async save(item: CheckItem, etag?: string): Promise<StoredCheckItem> {
    const row = toRow(item);
    try {
      const result = etag ? await this.table.updateEntity(row, 'Replace', { etag }) : await this.table.createEntity(row);
      return { ...checkItemSchema.parse(item), etag: result.etag ?? '' };
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError('check item');
      throw error;
    }
  }

  /** Replaces an item read with its ETag (see save). */
  async update(item: StoredCheckItem): Promise<StoredCheckItem> {
    const { etag, ...fields } = item;
    if (!etag) throw new Error('a check item update needs the ETag read with it');
    return this.save(fields, etag);
  }

  /**
   * Writes an import: creations, and replacements guarded by the ETag each row was validated against. All rows are
   * in one partition, so up to 100 rows go in one transaction and the import is atomic (all or nothing). Bigger
   * imports are written in ordered transactions of 100: if one fails (an item changed meanwhile), the earlier ones
   * stay written, and running the same import again completes it — rows already written match their stored item
   * (by identifiant or libellé) and change nothing.
   */
  async importAll(writes: readonly CheckItemWrite[]): Promise<void> {
    const actions: TransactionAction[] = writes.map(({ item, etag }) => (etag ? ['update', toRow(item), 'Replace', { etag }] : ['create', toRow(item)]));
    try {
      await submitInBatches(this.table, actions);
    } catch (error) {
      const status = storageStatus(error);
      if (status === 409 || status === 412 || status === 404) throw new ConcurrentUpdateError('check item');
      throw error;
    }
  }

  /** Adds items that do not exist yet (demo data), leaving existing ones as edited. */
  async addMissing(items: readonly CheckItem[]): Promise<number> {
    // Rows are built (schema and keys checked) before anything is read or written.
    const rows = items.map(toRow);
    const known = new Set((await this.list()).map((i) => i.id));
    const actions: TransactionAction[] = rows.filter((row) => !known.has(row.rowKey)).map((row) => ['upsert', row, 'Replace']);
    await submitInBatches(this.table, actions);
    return actions.length;
  }
}
