import type { TableClient, TransactionAction } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { odataFilter, partitionFilter } from '../storage/odata-filter';
import { InvalidStorageInputError } from '../storage/storage-errors';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';

/** Where one person's copy of a shared card is. */
export type CopyStatus = 'pending' | 'sent' | 'unreachable' | 'dropped';

/**
 * One person's copy of a card that several people hold and that changes for all of them (an approval request:
 * when one approver decides, every copy shows the decision). Topic = what the card is about, e.g.
 * "action-approval|2021-07|1767258000000": a new approval round is a new topic, so it sends fresh cards.
 */
export interface SharedCardCopy {
  topic: string;
  recipientId: string;
  status: CopyStatus;
  /** Id Teams gave the sent message: what `updateActivity` replaces. */
  activityId?: string;
  /** True when the state changed after this copy was sent: it must be redrawn. */
  stale: boolean;
  updatedAt: string;
  etag: string;
}

interface CopyRow {
  status: CopyStatus;
  activityId?: string;
  stale: boolean;
  updatedAt: string;
}

function fromRow(row: CopyRow & { partitionKey?: string; rowKey?: string; etag?: string }): SharedCardCopy {
  return {
    topic: String(row.partitionKey),
    recipientId: String(row.rowKey),
    status: row.status,
    activityId: row.activityId || undefined,
    stale: row.stale,
    updatedAt: row.updatedAt,
    etag: row.etag ?? '',
  };
}

/** The keys of a copy about to be changed, checked. */
const copyKeys = (copy: Pick<SharedCardCopy, 'topic' | 'recipientId'>) => ({
  partitionKey: assertSafeKey(copy.topic, 'shared card topic'),
  rowKey: assertSafeKey(copy.recipientId, 'recipient id'),
});

/**
 * Copies of shared cards (PartitionKey = topic, RowKey = recipient). Rows are written before anything is sent,
 * so a crash mid-way leaves pending or stale rows that the next sweep finishes: a copy may be sent twice only if
 * the crash falls between Teams accepting it and `markSent` (one message per crash, per recipient in flight).
 */
export class SharedCardCopiesRepository {
  constructor(private readonly table: TableClient) {}

  /** Adds pending copies for recipients not listed yet under the topic (one transaction per 100). */
  async addRecipients(topic: string, recipientIds: readonly string[], nowIso: string): Promise<number> {
    const key = assertSafeKey(topic, 'shared card topic');
    if (!Array.isArray(recipientIds)) throw new InvalidStorageInputError('recipient ids');
    // Every id checked before anything is read or written.
    const ids = [...new Set(recipientIds.map((id) => assertSafeKey(id, 'recipient id')))];
    const known = new Set((await this.list(key)).map((copy) => copy.recipientId));
    const fresh = ids.filter((id) => !known.has(id));
    const actions: TransactionAction[] = fresh.map((id) => [
      'create',
      { partitionKey: key, rowKey: id, status: 'pending', activityId: '', stale: false, updatedAt: nowIso },
    ]);
    try {
      await submitInBatches(this.table, actions);
    } catch (error) {
      // Another instance added the same copies meanwhile: theirs stand.
      if (!isConflict(error)) throw error;
    }
    return fresh.length;
  }

  /** Every copy of a topic. */
  async list(topic: string): Promise<SharedCardCopy[]> {
    const rows = await listAllEntities<CopyRow>(this.table, partitionFilter(topic, 'shared card topic'));
    return rows.map(fromRow);
  }

  /**
   * Marks the copies of a topic stale: the state changed, each must be redrawn (one transaction per 100). Pending
   * copies too: one being sent right now was drawn from the old state, and the stale flag makes its `markSent`
   * keep it due for a redraw.
   */
  async markStale(topic: string, nowIso: string): Promise<number> {
    const live = (await this.list(topic)).filter((copy) => copy.status === 'pending' || copy.status === 'sent');
    const actions: TransactionAction[] = live.map((copy) => [
      'update',
      { ...copyKeys(copy), stale: true, updatedAt: nowIso },
      'Merge',
    ]);
    await submitInBatches(this.table, actions);
    return live.length;
  }

  /** Copies still to send or to redraw, across topics (read by the sweep to finish interrupted work). */
  async needingWork(limit = 500): Promise<SharedCardCopy[]> {
    const rows = await listAllEntities<CopyRow>(this.table, odataFilter`status eq ${'pending'} or stale eq true`);
    return rows.slice(0, limit).map(fromRow);
  }

  /**
   * Records the send (or redraw) of a copy. When the row changed meanwhile (the state moved on while the card was
   * drawn), the message id is still kept and the copy stays stale, so the next pass redraws it.
   */
  async markSent(copy: SharedCardCopy, activityId: string, nowIso: string): Promise<void> {
    if (await this.merge(copy, { status: 'sent', activityId, stale: false, updatedAt: nowIso })) return;
    await this.table.updateEntity(
      { ...copyKeys(copy), status: 'sent', activityId, stale: true, updatedAt: nowIso },
      'Merge',
    );
  }

  /** The person cannot be reached (bot not installed, user gone): not retried. */
  async markUnreachable(copy: SharedCardCopy, nowIso: string): Promise<boolean> {
    return this.merge(copy, { status: 'unreachable', stale: false, updatedAt: nowIso });
  }

  /** Nothing to send after all (the change it announced was not made, or its subject is gone): not retried. */
  async markDropped(copy: SharedCardCopy, nowIso: string): Promise<boolean> {
    return this.merge(copy, { status: 'dropped', stale: false, updatedAt: nowIso });
  }

  private async merge(copy: SharedCardCopy, fields: Partial<CopyRow>): Promise<boolean> {
    try {
      await this.table.updateEntity({ ...copyKeys(copy), ...fields }, 'Merge', { etag: copy.etag });
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }
}
