import type { TableClient } from '@azure/data-tables';
import { storageKey } from '../storage/keys';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';

/**
 * The lowest order a new fraud signal of a domain and year may follow, kept apart from the signals themselves.
 * Numbers are "highest stored + 1": once the purge deletes the highest signal of a partition (a never-confirmed
 * one, 6 months old, often of the current year), its number would be given again, and the blanked audit entries
 * of the deleted signal would then share a number with a new one. The purge raises the floor before deleting.
 * Table NumberFloors: PartitionKey = 'fraud-signal', RowKey = the signals' partition ('BMI|2026').
 */
const kind = 'fraud-signal';

interface FloorRow {
  order: number;
}

/** The floor of a partition of FraudSignals (0 when no signal of it was ever purged). */
export async function readFraudNumberFloor(floors: TableClient, fraudPartition: string): Promise<number> {
  try {
    const row = await floors.getEntity<FloorRow>(kind, storageKey(fraudPartition, 'fraud partition'));
    return typeof row.order === 'number' ? row.order : 0;
  } catch (error) {
    if (isNotFound(error)) return 0;
    throw error;
  }
}

/** Raises the floor of a partition to at least `order` (never lowers it; safe against a concurrent raise). */
export async function raiseFraudNumberFloor(floors: TableClient, fraudPartition: string, order: number): Promise<void> {
  const rowKey = storageKey(fraudPartition, 'fraud partition');
  for (let attempt = 0; attempt < 10; attempt += 1) {
    let current: (FloorRow & { etag?: string }) | undefined;
    try {
      current = await floors.getEntity<FloorRow>(kind, rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (current && current.order >= order) return;
    try {
      if (current) await floors.updateEntity({ partitionKey: kind, rowKey, order }, 'Replace', { etag: current.etag });
      else await floors.createEntity({ partitionKey: kind, rowKey, order });
      return;
    } catch (error) {
      // Someone raised it meanwhile: read it again and compare.
      if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
    }
  }
  throw new Error('fraud number floor: too many concurrent raises');
}
