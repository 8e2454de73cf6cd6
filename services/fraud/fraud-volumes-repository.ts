import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { lookupKey, storageKey, storageYear } from '../storage/keys';
import { odataFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { fraudServices, type FraudService } from './fraud-catalog';
import type { FraudPeriod, FraudVolume } from './fraud-volumes';

interface VolumeRow {
  volume: number;
  enteredBy: string;
  enteredAt: string;
}

const serviceSchema = z.enum(fraudServices);
const periodSchema = z.string().regex(/^\d{4}(-Q[1-4])?$/);

const rowSchema = z.object({
  partitionKey: serviceSchema,
  rowKey: periodSchema,
  volume: z.number().int().min(0),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

function fromRow(row: unknown): FraudVolume {
  const valid = rowSchema.parse(row);
  return { service: valid.partitionKey, period: valid.rowKey as FraudPeriod, volume: valid.volume, enteredBy: valid.enteredBy, enteredAt: valid.enteredAt };
}

/** The keys of an entry, checked: a domain of the catalogue and a period '2025' or '2025-Q1'. */
function keysOf(entry: Pick<FraudVolume, 'service' | 'period'>) {
  return { partitionKey: storageKey(entry.service, 'fraud service', serviceSchema), rowKey: storageKey(entry.period, 'period', periodSchema) };
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

  /** The volume of a domain and period, or undefined (also for a value that cannot be one). */
  async get(service: FraudService, period: FraudPeriod): Promise<(FraudVolume & { etag: string }) | undefined> {
    const partitionKey = lookupKey(service, serviceSchema);
    const rowKey = lookupKey(period, periodSchema);
    if (partitionKey === undefined || rowKey === undefined) return undefined;
    try {
      const row = await this.table.getEntity<VolumeRow>(partitionKey, rowKey);
      return { ...fromRow(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Enters (or corrects) a volume; a concurrent entry of the same period is re-read and replaced, at most 3 times. */
  async set(entry: FraudVolume): Promise<VolumeChange> {
    const entity = {
      ...keysOf(entry),
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
        await this.table.createEntity({ ...keysOf(entry), volume: entry.volume, enteredBy: entry.enteredBy, enteredAt: entry.enteredAt });
        added += 1;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    return added;
  }

  /** Every domain's volumes of a year: the year's row and its quarters ('2025' ≤ RowKey < '2026'). */
  async listYear(year: number): Promise<FraudVolume[]> {
    // An integer year only: '2025.5' to '2026.5' would take in 2026's rows.
    const checked = storageYear(year, 'fraud volume year', 1000);
    const rows = await listAllEntities<VolumeRow>(this.table, odataFilter`RowKey ge ${String(checked)} and RowKey lt ${String(checked + 1)}`);
    return rows.map(fromRow);
  }
}
