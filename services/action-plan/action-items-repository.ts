import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { AuditEntry, StoredAuditEntry } from '../audit/audit-repository';
import { assertSafeKey, lookupKey, storageKey, storageYear } from '../storage/keys';
import { odataFilter } from '../storage/odata-filter';
import { createNumbered, historyEntity, historyEntries, historyRowKey, replaceWithHistory, type HistoryRow } from '../storage/entity-history';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { actionItemSchema, type ActionItem } from './action-item';
import { actionIdSchema, compareActionIds, nextActionId } from './action-number';

/** An action as read from storage, with the ETag its next change must match. */
export type StoredActionItem = ActionItem & { etag: string };

/** One write of an import: a new action (no ETag), or the replacement of the stored version it was checked against. */
export interface ActionImportWrite {
  item: ActionItem;
  /** ETag of the stored version replaced; absent for a new number. */
  etag?: string;
  /** The stored version replaced, for the history entry. */
  before?: ActionItem;
}

/** RowKey of the item itself; its history rows sort after it, newest first. */
const itemRowKey = 'item';
/** RowKey of the guard that lets one source (a check answer) give one action; its PartitionKey is 'origin|…'. */
const originRowKey = 'guard';

interface ItemRow {
  /** The whole item as JSON: one read gives every field, and the schema is checked on the way out. */
  data: string;
  /** Copies of fields the plan is filtered on, so queries can say them without reading the JSON. */
  state: string;
  year: number;
  ownerId: string;
  deadline: string;
}

function toItemRow(item: ActionItem) {
  const valid = actionItemSchema.parse(item);
  return {
    partitionKey: assertSafeKey(valid.id, 'action id'),
    rowKey: itemRowKey,
    data: JSON.stringify(valid),
    state: valid.state,
    year: valid.year,
    ownerId: valid.ownerId,
    deadline: valid.deadline ?? '',
  };
}

function fromItemRow(row: ItemRow & { etag?: string }): StoredActionItem {
  return { ...actionItemSchema.parse(JSON.parse(row.data)), etag: row.etag ?? '' };
}

/** Sources an action may come from: a check answer, 'check|<item id>|<quarter>' (bot/handlers/action-from-check.ts). */
const originPattern = /^check\|[A-Z0-9][A-Z0-9-]{1,39}\|\d{4}-Q[1-4]$/;
/** The partition of a claimed origin, the origin checked first (a template would turn an object into text). */
const originPartition = (origin: unknown) => assertSafeKey(`origin|${storageKey(origin, 'action origin', originPattern)}`, 'action origin');

/** A history entry of one action, in its partition ('h|<inverted instant>|<uuid>'). */
function historyRow(itemId: string, entry: AuditEntry, at: Date) {
  return historyEntity(itemId, historyRowKey('h|', at), entry, at);
}

/**
 * The action plan. One partition per action (PartitionKey = its number): the item row and its history rows
 * live together, so a change and its history entry are written in one transaction (both or neither), and
 * `historique 2021-07` reads one partition. The ETag of the item row makes concurrent changes exclusive.
 */
export class ActionItemsRepository {
  constructor(private readonly table: TableClient) {}

  /** One action, or undefined (also for a value that cannot be an action number). */
  async get(id: string): Promise<StoredActionItem | undefined> {
    const key = lookupKey(id, actionIdSchema);
    if (key === undefined) return undefined;
    try {
      return fromItemRow(await this.table.getEntity<ItemRow>(key, itemRowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every action of the plan, in plan order (a prefecture has hundreds; the filter keeps history rows out). */
  async list(): Promise<StoredActionItem[]> {
    const rows = await listAllEntities<ItemRow>(this.table, odataFilter`RowKey eq ${itemRowKey}`);
    return rows.map(fromItemRow).sort((a, b) => compareActionIds(a.id, b.id));
  }

  /**
   * Creates an action under the next free number of its year, with its first history entry, in one transaction.
   * Two people creating at once both get a number: the loser of a number retries with the next one.
   */
  async create(draft: ActionItem, entry: AuditEntry, at: Date): Promise<StoredActionItem> {
    storageYear(draft.year, 'action year');
    const { id, etag } = await createNumbered(
      this.table,
      async () => nextActionId(draft.year, (await this.list()).map((item) => item.id)),
      (candidate) => ({ record: toItemRow({ ...draft, id: candidate }), history: historyRow(candidate, { ...entry, entityId: candidate, after: { ...draft, id: candidate } }, at) }),
      'action',
    );
    return { ...draft, id, etag };
  }

  /**
   * Stores the next state of an action if it has not changed since it was read, with its history entry, in one
   * transaction. Throws ConcurrentUpdateError when someone else changed it first: nothing is written then.
   */
  async update(current: StoredActionItem, next: ActionItem, entry: AuditEntry, at: Date): Promise<StoredActionItem> {
    const record = toItemRow(next); // checks the number before it is compared or used as a key
    if (next.id !== current.id) throw new Error('an action keeps its number');
    const etag = await replaceWithHistory(this.table, record, current.etag, historyRow(current.id, entry, at), `action ${current.id}`);
    return { ...next, etag };
  }

  /**
   * Claims the right to create the one action a source may give (a check answer: "check|HALL-HORAIRES|2027-Q1"):
   * a guard row created once, so two people clicking at the same moment make one action. A claim left unsettled
   * for `staleAfterMs` (a crash between the claim and the action) may be taken over; the caller has looked for an
   * action with that origin first.
   */
  async claimOrigin(origin: string, at: Date, staleAfterMs = 60_000): Promise<{ claimed: true } | { claimed: false; actionId?: string }> {
    const partitionKey = originPartition(origin);
    try {
      await this.table.createEntity({ partitionKey, rowKey: originRowKey, actionId: '', claimedAt: at.toISOString() });
      return { claimed: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const guard = await this.table.getEntity<{ actionId: string; claimedAt: string }>(partitionKey, originRowKey);
    if (guard.actionId) return { claimed: false, actionId: guard.actionId };
    if (at.getTime() - Date.parse(guard.claimedAt) < staleAfterMs) return { claimed: false };
    try {
      await this.table.updateEntity({ partitionKey, rowKey: originRowKey, claimedAt: at.toISOString() }, 'Merge', { etag: guard.etag });
      return { claimed: true };
    } catch (error) {
      if (isPreconditionFailed(error)) return { claimed: false };
      throw error;
    }
  }

  /** Records which action a claimed origin gave. */
  async settleOrigin(origin: string, actionId: string): Promise<void> {
    await this.table.updateEntity({ partitionKey: originPartition(origin), rowKey: originRowKey, actionId: storageKey(actionId, 'action id', actionIdSchema) }, 'Merge');
  }

  /** Gives a claim back (the action could not be made), so the next click may try again. */
  async releaseOrigin(origin: string): Promise<void> {
    try {
      await this.table.deleteEntity(originPartition(origin), originRowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** The history of one action, newest first (history RowKeys are 'h|…'; the item row is 'item'); none for a value that cannot be a number. */
  async history(id: string): Promise<StoredAuditEntry[]> {
    const key = lookupKey(id, actionIdSchema);
    if (key === undefined) return [];
    const rows = await listAllEntities<HistoryRow>(this.table, odataFilter`PartitionKey eq ${key} and RowKey gt ${'h|'} and RowKey lt ${'h}'}`);
    return historyEntries(rows, 'action', id);
  }

  /**
   * Adds actions whose number is not taken yet (demo data), each with a history entry; existing ones stay as
   * edited. Returns how many were added.
   */
  async addMissing(items: readonly ActionItem[], actorId: string, at: Date): Promise<number> {
    // Rows are built (schema and keys checked) before anything is read or written.
    const rows = items.map((item) => ({ id: item.id, row: toItemRow(item), item }));
    const known = new Set((await this.list()).map((item) => item.id));
    const actions: TransactionAction[] = rows
      .filter(({ id }) => !known.has(id))
      .flatMap(({ id, row, item }): TransactionAction[] => [
        ['upsert', row, 'Replace'],
        ['upsert', { ...historyRow(id, { actorId, action: 'action.import', entityType: 'action', entityId: id, after: item }, at), rowKey: 'h|import' }, 'Replace'],
      ]);
    await submitInBatches(this.table, actions);
    return actions.length / 2;
  }

  /**
   * Writes an imported plan (issue 5): each action with its history entry in one transaction of its own partition.
   * Nothing is written unless every replaced action still has the ETag it was validated against and no new number
   * has been taken meanwhile (ConcurrentUpdateError). The writes themselves are guarded the same way (update with
   * the ETag, create for a new number), so a change racing the import stops it there. Actions live in separate
   * partitions, so no transaction spans them: a crash or a lost race part-way leaves the first actions written,
   * each with its history, and the rest untouched. Running the same import again finishes it: the import skips rows
   * identical to the stored action (action-plan-exchange.ts), so only what is missing is written.
   */
  async importAll(writes: readonly ActionImportWrite[], entry: Pick<AuditEntry, 'actorId' | 'action' | 'entityType'>, at: Date): Promise<void> {
    // Built (and checked against the schema and key rules) before anything is sent.
    const transactions = writes.map(({ item, etag, before }): TransactionAction[] => [
      etag ? ['update', toItemRow(item), 'Replace', { etag }] : ['create', toItemRow(item)],
      ['create', historyRow(item.id, { ...entry, entityId: item.id, before, after: item }, at)],
    ]);
    const stored = new Map((await this.list()).map((item) => [item.id, item.etag]));
    const stale = writes.find(({ item, etag }) => (etag ? stored.get(item.id) !== etag : stored.has(item.id)));
    if (stale) throw new ConcurrentUpdateError(`action ${stale.item.id}`);
    for (const [index, actions] of transactions.entries()) {
      try {
        await this.table.submitTransaction(actions);
      } catch (error) {
        if (isPreconditionFailed(error) || isConflict(error) || isNotFound(error)) throw new ConcurrentUpdateError(`action ${writes[index]?.item.id ?? ''}`);
        throw error;
      }
    }
  }
}
