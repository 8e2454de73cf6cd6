import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { assertSafeKey, lookupKey, storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { referentielIds, type Commitment, type ReferentielFile } from './commitment';

/** Partitions are the shipped référentiels only. */
const referentielSchema = z.enum(referentielIds);

interface CommitmentRow {
  module: number;
  theme: string;
  title: string;
  details: string;
  parent: string;
  order: number;
}

function fromRow(row: CommitmentRow & { rowKey?: string }): Commitment & { order: number } {
  const details = JSON.parse(row.details || '[]') as string[];
  return {
    id: String(row.rowKey),
    module: row.module,
    theme: row.theme || undefined,
    title: row.title,
    details: details.length > 0 ? details : undefined,
    parent: row.parent || undefined,
    order: row.order,
  };
}

/** The référentiel in storage: PartitionKey = prefecture slug, RowKey = commitment id. Editable data, not code. */
export class CommitmentsRepository {
  constructor(private readonly table: TableClient) {}

  /** One commitment, or undefined (also for a référentiel or an id that cannot be one). */
  async get(referentiel: string, id: string): Promise<Commitment | undefined> {
    const partitionKey = lookupKey(referentiel, referentielSchema);
    const rowKey = lookupKey(id);
    if (partitionKey === undefined || rowKey === undefined) return undefined;
    try {
      return fromRow(await this.table.getEntity<CommitmentRow>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every commitment of a référentiel, in the order of its source document. */
  async list(referentiel: string): Promise<Commitment[]> {
    const rows = await listAllEntities<CommitmentRow>(this.table, partitionFilter(storageKey(referentiel, 'référentiel', referentielSchema), 'référentiel'));
    return rows
      .map(fromRow)
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...commitment }) => commitment);
  }

  /**
   * Loads a shipped référentiel, adding only the commitments not stored yet: edits made since are kept,
   * and a second start writes nothing. Returns how many were added.
   */
  async loadMissing(file: ReferentielFile): Promise<number> {
    const partitionKey = storageKey(file.prefecture, 'référentiel', referentielSchema);
    const existing = new Set((await this.list(partitionKey)).map((c) => c.id));
    const actions: TransactionAction[] = file.commitments
      .map((commitment, order) => ({ commitment, order }))
      .filter(({ commitment }) => !existing.has(commitment.id))
      .map(({ commitment, order }) => [
        'upsert',
        {
          partitionKey,
          rowKey: assertSafeKey(commitment.id, 'commitment id'),
          module: commitment.module,
          theme: commitment.theme ?? '',
          title: commitment.title,
          details: JSON.stringify(commitment.details ?? []),
          parent: commitment.parent ?? '',
          order,
        },
        'Replace',
      ]);
    await submitInBatches(this.table, actions);
    return actions.length;
  }
}
