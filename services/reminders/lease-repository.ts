import type { TableClient } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';

const partitionKey = 'lease';

interface LeaseRow {
  holder: string;
  expiresAt: string;
}

/** A lease this instance holds, with the ETag needed to renew or release it. */
export interface HeldLease {
  name: string;
  holder: string;
  expiresAt: string;
  etag: string;
}

/**
 * Leases in Azure Tables: one instance at a time runs the reminder sweep. Taking, renewing and releasing are
 * ETag-guarded, so two instances racing for a lease cannot both win; a lease whose holder died expires.
 */
export class LeaseRepository {
  constructor(private readonly table: TableClient) {}

  /** Takes the lease if it is free, expired, or already ours; undefined when another live holder has it. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<HeldLease | undefined> {
    const rowKey = assertSafeKey(name, 'lease name');
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    try {
      const created = await this.table.createEntity({ partitionKey, rowKey, holder, expiresAt });
      return { name, holder, expiresAt, etag: created.etag ?? '' };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    let current;
    try {
      current = await this.table.getEntity<LeaseRow>(partitionKey, rowKey);
    } catch (error) {
      if (isNotFound(error)) return undefined; // released between our two calls: the next sweep takes it
      throw error;
    }
    if (current.holder !== holder && new Date(current.expiresAt) > now) return undefined;
    return this.replace(name, holder, expiresAt, current.etag);
  }

  /** Extends a lease we hold; undefined when it was lost (expired and taken by another instance). */
  async renew(lease: HeldLease, now: Date, ttlMs: number): Promise<HeldLease | undefined> {
    return this.replace(lease.name, lease.holder, new Date(now.getTime() + ttlMs).toISOString(), lease.etag);
  }

  /** Gives the lease back (only if still ours), so another instance need not wait for it to expire. */
  async release(lease: HeldLease): Promise<void> {
    try {
      await this.table.deleteEntity(partitionKey, assertSafeKey(lease.name, 'lease name'), { etag: lease.etag });
    } catch (error) {
      if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
    }
  }

  private async replace(name: string, holder: string, expiresAt: string, etag: string): Promise<HeldLease | undefined> {
    try {
      const updated = await this.table.updateEntity({ partitionKey, rowKey: assertSafeKey(name, 'lease name'), holder, expiresAt }, 'Replace', { etag });
      return { name, holder, expiresAt, etag: updated.etag ?? '' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }
}
