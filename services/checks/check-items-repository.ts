import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { checkItemSchema, type CheckItem } from './check-item';

const partitionKey = 'item';

type CheckItemRow = Omit<CheckItem, 'id' | 'url'> & { url?: string };

function fromRow(row: CheckItemRow & { rowKey?: string }): CheckItem {
  return checkItemSchema.parse({ ...row, id: row.rowKey, url: row.url || undefined });
}

function toRow(item: CheckItem) {
  const valid = checkItemSchema.parse(item);
  const { id, url, ...fields } = valid;
  return { partitionKey, rowKey: assertSafeKey(id, 'check item id'), ...fields, url: url ?? '' };
}

/** Quarterly check items (one small partition; a prefecture has tens of them). */
export class CheckItemsRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<CheckItem | undefined> {
    try {
      return fromRow(await this.table.getEntity<CheckItemRow>(partitionKey, assertSafeKey(id, 'check item id')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every item, active or retired, sorted by service then label. */
  async list(): Promise<CheckItem[]> {
    const rows = await listAllEntities<CheckItemRow>(this.table, odata`PartitionKey eq ${partitionKey}`);
    return rows.map(fromRow).sort((a, b) => a.service.localeCompare(b.service) || a.label.localeCompare(b.label, 'fr'));
  }

  /** Adds items that do not exist yet (demo data, imports), leaving existing ones as edited. */
  async addMissing(items: readonly CheckItem[]): Promise<number> {
    const known = new Set((await this.list()).map((i) => i.id));
    const actions: TransactionAction[] = items.filter((i) => !known.has(i.id)).map((i) => ['upsert', toRow(i), 'Replace']);
    await submitInBatches(this.table, actions);
    return actions.length;
  }
}
