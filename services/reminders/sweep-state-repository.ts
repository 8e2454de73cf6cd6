import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';

const partitionKey = 'state';
const rowKey = 'reminder-sweep';

/** How far planning has got: the next sweep plans what became due after this instant. */
export interface SweepState {
  plannedUntil?: string;
  etag?: string;
}

/** The sweep's watermark, kept beside the leases (PartitionKey "state"). Written only after a window is planned. */
export class SweepStateRepository {
  constructor(private readonly table: TableClient) {}

  async read(): Promise<SweepState> {
    try {
      const row = await this.table.getEntity<{ plannedUntil: string }>(partitionKey, rowKey);
      return { plannedUntil: row.plannedUntil, etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return {};
      throw error;
    }
  }

  /** Moves the watermark forward; false when another sweep moved it meanwhile (its window will be planned again, harmlessly). */
  async advance(previous: SweepState, plannedUntil: Date): Promise<boolean> {
    const entity = { partitionKey, rowKey, plannedUntil: plannedUntil.toISOString() };
    try {
      if (previous.etag) await this.table.updateEntity(entity, 'Replace', { etag: previous.etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isConflict(error)) return false;
      throw error;
    }
  }
}
