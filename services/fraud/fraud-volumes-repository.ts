import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { assertSafeKey } from '../storage/keys';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { fraudServices, type FraudService } from './fraud-catalog';
import type { FraudPeriod, FraudVolume } from './fraud-volumes';

interface VolumeRow {
  volume: number;
  enteredBy: string;
  enteredAt: string;
}

const rowSchema = z.object({
  partitionKey: z.enum(fraudServices),
  rowKey: z.string().regex(/^\d{4}(-Q[1-4])?$/),
  volume: z.number().int().min(0),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

function fromRow(row: unknown): FraudVolume {
  const valid = rowSchema.parse(row);
  return { service: valid.partitionKey, period: valid.rowKey as FraudPeriod, volume: valid.volume, enteredBy: valid.enteredBy, enteredAt: valid.enteredAt };
}

/** What a volume entry changed: the value before (none for a first entry) and after. */
export interface VolumeChange {
  before?: FraudVolume;
  after: FraudVolume;
}

/**
 * Files processed per fraud domain and period: PartitionKey = domain ('BMI'), RowKey = period ('2025' or
 * '2025-Q1'), so a year's volumes of a domain are one range of one partition. A new entry for the same period
 * replaces the figure (a corrected count), under the ETag read, and the audit keeps the old one.
 */
export class FraudVolumesRepository {
  constructor(private readonly table: TableClient) {}

  async get(service: FraudService, period: FraudPeriod): Promise<(FraudVolume & { etag: string }) | undefined> {
    try {
      const row = await this.table.getEntity<VolumeRow>(assertSafeKey(service, 'fraud service'), assertSafeKey(period, 'period'));
      return { ...fromRow(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Enters (or corrects) a volume; a concurrent entry of the same period is re-read and replaced, at most 3 times. */
  async set(entry: FraudVolume): Promise<VolumeChange> {
    const entity = {
      partitionKey: assertSafeKey(entry.service, 'fraud service'),
      rowKey: assertSafeKey(entry.period, 'period'),
      volume: entry.volume,
      enteredBy: entry.enteredBy,
      enteredAt: entry.enteredAt,
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.get(entry.service, entry.period);
      try {
        if (!current) await this.table.createEntity(entity);
        else await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        const before = current && { service: current.service, period: current.period, volume: current.volume, enteredBy: current.enteredBy, enteredAt: current.enteredAt };
        return { before, after: entry };
      } catch (error) {
        if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
      }
    }
    throw new ConcurrentUpdateError(`fraud volume ${entry.service} ${entry.period}`);
  }

  /** Adds volumes where none is entered for the period (demo seeding); returns how many were added. */
  async addMissing(entries: readonly FraudVolume[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      try {
        await this.table.createEntity({ partitionKey: entry.service, rowKey: entry.period, volume: entry.volume, enteredBy: entry.enteredBy, enteredAt: entry.enteredAt });
        added += 1;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    return added;
  }

  /** Every domain's volumes of a year: the year's row and its quarters ('2025' ≤ RowKey < '2026'). */
  async listYear(year: number): Promise<FraudVolume[]> {
    const from = String(year).padStart(4, '0');
    const to = String(year + 1).padStart(4, '0');
    const rows = await listAllEntities<VolumeRow>(this.table, odata`RowKey ge ${from} and RowKey lt ${to}`);
    return rows.map(fromRow);
  }
}
