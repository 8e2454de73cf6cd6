import type { TableClient } from '@azure/data-tables';
import { hashKey } from '../storage/keys';
import { isConflict, isNotFound } from '../storage/storage-errors';

/** How long an activity id is remembered; Teams redelivers within seconds to minutes (PLATFORM.md). */
export const defaultDedupeWindowMs = 24 * 60 * 60 * 1000;

interface ProcessedRow {
  expiresAt: string;
}

/**
 * Remembers activity ids already taken, so a redelivered activity is processed once.
 * `createEntity` is the atomic claim: two deliveries racing each other cannot both win.
 */
export class ProcessedActivityRepository {
  constructor(
    private readonly table: TableClient,
    private readonly windowMs = defaultDedupeWindowMs,
  ) {}

  private keys(conversationId: string, activityId: string) {
    const rowKey = hashKey(conversationId, activityId);
    return { partitionKey: rowKey.slice(0, 2), rowKey };
  }

  /** Claims the activity; false when it was already claimed within the window. */
  async claim(conversationId: string, activityId: string, now: Date): Promise<boolean> {
    const keys = this.keys(conversationId, activityId);
    const expiresAt = new Date(now.getTime() + this.windowMs).toISOString();
    try {
      await this.table.createEntity({ ...keys, expiresAt });
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const existing = await this.table.getEntity<ProcessedRow>(keys.partitionKey, keys.rowKey);
    if (new Date(existing.expiresAt) > now) return false;
    try {
      // Expired claim: take it over, guarded by its ETag so only one redelivery wins.
      await this.table.updateEntity({ ...keys, expiresAt }, 'Replace', { etag: existing.etag });
      return true;
    } catch {
      return false;
    }
  }

  /** Gives the claim back after a failed turn, so Teams' redelivery can be processed. */
  async release(conversationId: string, activityId: string): Promise<void> {
    const keys = this.keys(conversationId, activityId);
    try {
      // Unconditional on purpose: the claim is ours, whatever its ETag.
      await this.table.deleteEntity(keys.partitionKey, keys.rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
