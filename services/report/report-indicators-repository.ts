import type { TableClient } from '@azure/data-tables';
import { lookupKey, storageKey, storageYear } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { indicatorEntrySchema, indicatorIdSchema, type IndicatorEntry, type ReportPeriod } from './report-indicators';

interface IndicatorRow {
  value: number;
  enteredBy: string;
  enteredAt: string;
}

const periodSchema = indicatorEntrySchema.shape.period;

/** The keys of a figure: PartitionKey its year, RowKey '<indicator>|<period>', each part checked first. */
function keysOf(indicatorId: unknown, period: unknown) {
  const checkedPeriod = storageKey(period, 'period', periodSchema);
  return { partitionKey: checkedPeriod.slice(0, 4), rowKey: `${storageKey(indicatorId, 'indicator id', indicatorIdSchema)}|${checkedPeriod}` };
}

function fromRow(row: IndicatorRow & { rowKey?: string }): IndicatorEntry {
  const [indicatorId = '', period = ''] = String(row.rowKey).split('|');
  const valid = indicatorEntrySchema.parse({ indicatorId, period, value: Number(row.value), enteredBy: row.enteredBy, enteredAt: row.enteredAt });
  return { ...valid, period: valid.period as ReportPeriod };
}

/** What an entry changed: the figure before (none for a first entry) and after (none for a removal). */
export interface IndicatorChange {
  before?: IndicatorEntry;
  after?: IndicatorEntry;
}

/**
 * Figures of the indicators the bot does not collect (issue 7): PartitionKey = year ('2025'), RowKey =
 * '<indicator>|<period>' ('delai-cni-passeports|2025-Q1'), so a year's report reads one partition. A new figure for
 * the same period replaces the old one under the ETag read; the audit keeps the old one.
 */
export class ReportIndicatorsRepository {
  constructor(private readonly table: TableClient) {}

  /** The figure of an indicator and period, or undefined (also for a value that cannot be one). */
  async get(indicatorId: string, period: ReportPeriod): Promise<(IndicatorEntry & { etag: string }) | undefined> {
    if (lookupKey(indicatorId, indicatorIdSchema) === undefined || lookupKey(period, periodSchema) === undefined) return undefined;
    const { partitionKey, rowKey } = keysOf(indicatorId, period);
    try {
      const row = await this.table.getEntity<IndicatorRow>(partitionKey, rowKey);
      return { ...fromRow(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Enters or corrects a figure; a concurrent entry of the same period is re-read and replaced, at most 3 times. */
  async set(entry: IndicatorEntry): Promise<IndicatorChange> {
    const valid = indicatorEntrySchema.parse(entry);
    const entity = { ...keysOf(valid.indicatorId, valid.period), value: valid.value, enteredBy: valid.enteredBy, enteredAt: valid.enteredAt };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.get(entry.indicatorId, entry.period);
      try {
        if (!current) await this.table.createEntity(entity);
        else await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        return { before: current && withoutEtag(current), after: entry };
      } catch (error) {
        if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
      }
    }
    throw new ConcurrentUpdateError(`report indicator ${entry.indicatorId} ${entry.period}`);
  }

  /** Removes a figure entered by mistake; returns it, or undefined when there was none (nor could be). */
  async remove(indicatorId: string, period: ReportPeriod): Promise<IndicatorEntry | undefined> {
    const current = await this.get(indicatorId, period);
    if (!current) return undefined;
    const { partitionKey, rowKey } = keysOf(indicatorId, period);
    try {
      await this.table.deleteEntity(partitionKey, rowKey, { etag: current.etag });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      if (isPreconditionFailed(error)) throw new ConcurrentUpdateError(`report indicator ${indicatorId} ${period}`);
      throw error;
    }
    return withoutEtag(current);
  }

  /** Every figure of a year, yearly and quarterly. */
  async listYear(year: number): Promise<IndicatorEntry[]> {
    const rows = await listAllEntities<IndicatorRow>(this.table, partitionFilter(String(storageYear(year, 'indicator year')).padStart(4, '0'), 'indicator year'));
    return rows.map(fromRow);
  }

  /** Adds figures where none is entered for the period (test and demo data); returns how many were added. */
  async addMissing(entries: readonly IndicatorEntry[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      const valid = indicatorEntrySchema.parse(entry);
      try {
        await this.table.createEntity({ ...keysOf(valid.indicatorId, valid.period), value: valid.value, enteredBy: valid.enteredBy, enteredAt: valid.enteredAt });
        added += 1;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    return added;
  }
}

function withoutEtag(entry: IndicatorEntry & { etag: string }): IndicatorEntry {
  const { etag, ...rest } = entry;
  void etag;
  return rest;
}
