import type { TableClient } from '@azure/data-tables';
import { assertSafeKey, hashKey, lookupKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';

/**
 * What proactive messages need to reach a conversation. Kept as an opaque JSON document: the shape is
 * Bot Framework's ConversationReference, which services/ does not need to know.
 */
export interface StoredConversation {
  /** "personal" for a 1:1 chat with a person, "channel" or "groupChat" otherwise. */
  scope: string;
  /** aadObjectId for personal chats, a hash of the conversation id otherwise. */
  key: string;
  /** The serialised conversation reference. */
  reference: string;
  /** False once the bot was uninstalled or the person left. */
  active: boolean;
  /** Last time it changed (ISO instant). */
  updatedAt: string;
}

interface ConversationRow {
  reference: string;
  active: boolean;
  updatedAt: string;
}

/** Durable conversation references (PartitionKey = scope, RowKey = person id or conversation hash). */
export class ConversationReferenceRepository {
  // Last reference written per key: a message whose reference did not change costs no storage call.
  private readonly lastWritten = new Map<string, string>();
  private static readonly cacheLimit = 10_000;

  constructor(private readonly table: TableClient) {}

  /** RowKey for a conversation: the person's id in personal scope, else a hash of the conversation id. */
  static keyFor(scope: string, personId: string | undefined, conversationId: string): string {
    return scope === 'personal' && personId ? assertSafeKey(assertSafeKey(personId, 'person id').toLowerCase(), 'person id') : hashKey(conversationId);
  }

  /**
   * Stores the reference if it is new or changed, and marks it active. Returns true when it wrote. `force` writes
   * even when this instance wrote the same reference before: an (re)installation may follow an uninstall that
   * another instance recorded.
   */
  async remember(scope: string, key: string, reference: string, nowIso: string, force = false): Promise<boolean> {
    const keys = { partitionKey: assertSafeKey(scope, 'scope'), rowKey: assertSafeKey(key, 'conversation key') };
    const cacheKey = `${keys.partitionKey}/${keys.rowKey}`;
    if (!force && this.lastWritten.get(cacheKey) === reference) return false;
    await this.table.upsertEntity({ ...keys, reference, active: true, updatedAt: nowIso }, 'Replace');
    if (this.lastWritten.size >= ConversationReferenceRepository.cacheLimit) this.lastWritten.clear();
    this.lastWritten.set(cacheKey, reference);
    return true;
  }

  /** Marks a conversation inactive (bot uninstalled): reminders stop going there. */
  async deactivate(scope: string, key: string, nowIso: string): Promise<void> {
    const keys = { partitionKey: assertSafeKey(scope, 'scope'), rowKey: assertSafeKey(key, 'conversation key') };
    this.lastWritten.delete(`${keys.partitionKey}/${keys.rowKey}`);
    try {
      await this.table.updateEntity({ ...keys, active: false, updatedAt: nowIso }, 'Merge');
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** One stored conversation, or undefined (also for a value that cannot be a key). */
  async get(scope: string, key: string): Promise<StoredConversation | undefined> {
    const partitionKey = lookupKey(scope);
    const rowKey = lookupKey(key);
    if (partitionKey === undefined || rowKey === undefined) return undefined;
    try {
      const row = await this.table.getEntity<ConversationRow>(partitionKey, rowKey);
      return { scope, key, reference: row.reference, active: row.active, updatedAt: row.updatedAt };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every active conversation of a scope. */
  async listActive(scope: string): Promise<StoredConversation[]> {
    const rows = await listAllEntities<ConversationRow>(this.table, `${partitionFilter(scope, 'scope')} and active eq true`);
    return rows.map((row) => ({
      scope,
      key: String((row as { rowKey?: string }).rowKey),
      reference: row.reference,
      active: row.active,
      updatedAt: row.updatedAt,
    }));
  }
}
