import type { TableClient } from '@azure/data-tables';
import { assertSafeKey, lookupKey } from '../storage/keys';
import { isoInstant, odataFilter, partitionFilter } from '../storage/odata-filter';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, listOnePage } from '../storage/table-pages';
import type { OutboxEntry, PlannedReminder, ReminderAction, ReminderStatus, ReminderText } from './reminder';

interface OutboxRow {
  status: ReminderStatus;
  notBefore: string;
  attempts: number;
  text: string;
  action?: string;
  plannedAt: string;
  sentAt?: string;
  lastError?: string;
}

interface QueueRow {
  recipientId: string;
  key: string;
  notBefore: string;
}

/** The queue holds only what is still to send, in one partition: a sweep reads what is due, not the history. */
const queuePartition = 'due';

/** The queue row of a reminder, both parts checked as keys first (a template would turn an object into text). */
const queueKey = (recipientId: string, key: string) =>
  assertSafeKey(`${assertSafeKey(recipientId, 'recipient id')}|${assertSafeKey(key, 'reminder key')}`, 'queue key');

/** The record keys of an entry about to be changed, checked. */
const recordKeys = (entry: Pick<OutboxEntry, 'recipientId' | 'key'>) => ({
  partitionKey: assertSafeKey(entry.recipientId, 'recipient id'),
  rowKey: assertSafeKey(entry.key, 'reminder key'),
});

function fromRow(recipientId: string, key: string, row: OutboxRow & { etag?: string }): OutboxEntry {
  return {
    key,
    recipientId,
    notBefore: row.notBefore,
    text: JSON.parse(row.text) as ReminderText,
    action: row.action ? (JSON.parse(row.action) as ReminderAction) : undefined,
    status: row.status,
    attempts: row.attempts,
    plannedAt: row.plannedAt,
    sentAt: row.sentAt || undefined,
    lastError: row.lastError || undefined,
    etag: row.etag ?? '',
  };
}

/** What enqueueing a batch of planned reminders did. */
export interface EnqueueReport {
  /** Reminders new to the outbox. */
  planned: number;
  /** Reminders it already had (planned by an earlier sweep), left as they were. */
  known: number;
}

/**
 * The reminder outbox. `ReminderOutbox` (PartitionKey = recipient, RowKey = reminder key) is the record: a key
 * exists once per recipient, so planning the same reminder twice sends it once. `ReminderQueue` (one partition)
 * lists what is still to send, with its earliest send time. Writes are ordered so that a crash at any point
 * leaves either nothing planned or a reminder the next sweep sends (see docs/DATA-MODEL.md).
 */
export class OutboxRepository {
  constructor(
    private readonly outbox: TableClient,
    private readonly queue: TableClient,
  ) {}

  /** Adds planned reminders: queue row first (idempotent), then the outbox record (409 = already planned). */
  async enqueue(reminders: readonly PlannedReminder[], now: Date): Promise<EnqueueReport> {
    const report: EnqueueReport = { planned: 0, known: 0 };
    for (const reminder of reminders) {
      const recipientId = assertSafeKey(reminder.recipientId, 'recipient id');
      const key = assertSafeKey(reminder.key, 'reminder key');
      const rowKey = queueKey(recipientId, key);
      await this.queue.upsertEntity({ partitionKey: queuePartition, rowKey, recipientId, key, notBefore: reminder.notBefore }, 'Replace');
      try {
        await this.outbox.createEntity({
          partitionKey: recipientId,
          rowKey: key,
          status: 'pending',
          notBefore: reminder.notBefore,
          attempts: 0,
          text: JSON.stringify(reminder.text),
          action: reminder.action ? JSON.stringify(reminder.action) : '',
          plannedAt: now.toISOString(),
        });
        report.planned += 1;
      } catch (error) {
        if (!isConflict(error)) throw error;
        report.known += 1;
        const existing = await this.get(recipientId, key);
        // Already sent or given up: the queue row just written must not make it go out again.
        if (existing && existing.status !== 'pending') await this.dequeue(recipientId, key);
        else if (existing) await this.queue.upsertEntity({ partitionKey: queuePartition, rowKey, recipientId, key, notBefore: existing.notBefore }, 'Replace');
      }
    }
    return report;
  }

  /** One reminder, or undefined (also for a value that cannot be a key). */
  async get(recipientId: string, key: string): Promise<OutboxEntry | undefined> {
    const partitionKey = lookupKey(recipientId);
    const rowKey = lookupKey(key);
    if (partitionKey === undefined || rowKey === undefined) return undefined;
    try {
      return fromRow(partitionKey, rowKey, await this.outbox.getEntity<OutboxRow>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Queue rows due at `now` (at most `limit`); the caller reads each record before sending. */
  async due(now: Date, limit = 5000): Promise<{ recipientId: string; key: string }[]> {
    const filter = odataFilter`PartitionKey eq ${queuePartition} and notBefore le ${isoInstant(now, 'due instant')}`;
    const rows: { recipientId: string; key: string }[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await listOnePage<QueueRow>(this.queue, { filter, pageSize: 1000, continuationToken });
      rows.push(...page.items.map((row) => ({ recipientId: row.recipientId, key: row.key })));
      continuationToken = page.continuationToken;
    } while (continuationToken && rows.length < limit);
    return rows.slice(0, limit);
  }

  /** Number of reminders still to send, due or not. */
  async queued(): Promise<number> {
    return (await listAllEntities(this.queue, partitionFilter(queuePartition, 'reminder queue'), ['RowKey'])).length;
  }

  /** Records a send (ETag-guarded), then takes it off the queue. Returns false if the record changed meanwhile. */
  async markSent(entry: OutboxEntry, at: Date): Promise<boolean> {
    return this.finish(entry, { status: 'sent', sentAt: at.toISOString() });
  }

  /** Gives up on a reminder: the person cannot be reached (403/404) or the send failed for good. */
  async markGivenUp(entry: OutboxEntry, status: 'unreachable' | 'failed', reason: string, at: Date): Promise<boolean> {
    return this.finish(entry, { status, sentAt: at.toISOString(), lastError: reason, attempts: entry.attempts + 1 });
  }

  /** Puts a failed send back on the queue for a later attempt. */
  async reschedule(entry: OutboxEntry, notBefore: Date, reason: string): Promise<void> {
    await this.outbox.updateEntity(
      { ...recordKeys(entry), attempts: entry.attempts + 1, lastError: reason, notBefore: notBefore.toISOString() },
      'Merge',
      { etag: entry.etag },
    );
    await this.queue.upsertEntity(
      { partitionKey: queuePartition, rowKey: queueKey(entry.recipientId, entry.key), recipientId: entry.recipientId, key: entry.key, notBefore: notBefore.toISOString() },
      'Replace',
    );
  }

  /** Takes a reminder off the queue (idempotent). */
  async dequeue(recipientId: string, key: string): Promise<void> {
    try {
      // Unconditional on purpose: whatever the queue row says, the record decided it is done.
      await this.queue.deleteEntity(queuePartition, queueKey(recipientId, key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /**
   * Puts back on the queue a person's reminders that could not be delivered because Qualibot was not installed
   * for them, when they install it: only those planned within `maxAgeMs` (older ones are stale news). Returns how many.
   */
  async requeueUnreachable(recipientId: string, now: Date, maxAgeMs = 30 * 24 * 3600_000): Promise<number> {
    const oldest = new Date(now.getTime() - maxAgeMs).toISOString();
    const entries = (await this.listFor(recipientId)).filter((e) => e.status === 'unreachable' && e.plannedAt >= oldest);
    let requeued = 0;
    for (const entry of entries) {
      try {
        await this.outbox.updateEntity(
          { partitionKey: recipientId, rowKey: entry.key, status: 'pending', notBefore: now.toISOString(), attempts: 0, lastError: '' },
          'Merge',
          { etag: entry.etag },
        );
      } catch (error) {
        if (isPreconditionFailed(error) || isNotFound(error)) continue;
        throw error;
      }
      await this.queue.upsertEntity(
        { partitionKey: queuePartition, rowKey: queueKey(recipientId, entry.key), recipientId, key: entry.key, notBefore: now.toISOString() },
        'Replace',
      );
      requeued += 1;
    }
    return requeued;
  }

  /** A person's reminders, newest first (for "mes rappels"). */
  async listFor(recipientId: string): Promise<OutboxEntry[]> {
    const rows = await listAllEntities<OutboxRow>(this.outbox, partitionFilter(recipientId, 'recipient id'));
    return rows
      .map((row) => fromRow(recipientId, String((row as { rowKey?: string }).rowKey), row))
      .sort((a, b) => b.plannedAt.localeCompare(a.plannedAt));
  }

  private async finish(entry: OutboxEntry, fields: Partial<OutboxRow>): Promise<boolean> {
    try {
      await this.outbox.updateEntity({ ...recordKeys(entry), ...fields }, 'Merge', { etag: entry.etag });
    } catch (error) {
      if (isNotFound(error) || isPreconditionFailed(error)) return false;
      throw error;
    }
    await this.dequeue(entry.recipientId, entry.key);
    return true;
  }
}
