import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Role } from '../directory/roles';
import { assertSafeKey, lookupKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { trainingTypeIdSchema, trainingTypeSchema, type TrainingType } from './training-type';

/** The catalogue is one small partition (a prefecture has a handful of training types). */
const partitionKey = 'type';

interface TrainingTypeRow {
  labelFr: string;
  labelEn: string;
  commitment: string;
  validityMonths: number;
  /** Roles that must hold it, comma-separated ('' = none listed). */
  requiredRoles: string;
  /** Service codes whose members must hold it, comma-separated. */
  requiredServices: string;
  active: boolean;
}

/** A training type as read from storage, with the ETag needed to update it. */
export type StoredTrainingType = TrainingType & { etag: string };

const split = (cell: string | undefined) => (cell ?? '').split(',').filter(Boolean);

function fromRow(row: TrainingTypeRow & { rowKey?: string; etag?: string }): StoredTrainingType {
  const roles = split(row.requiredRoles) as Role[];
  const services = split(row.requiredServices);
  const type = trainingTypeSchema.parse({
    id: row.rowKey,
    label: { fr: row.labelFr, en: row.labelEn },
    commitment: row.commitment,
    validityMonths: row.validityMonths,
    requiredFor: { ...(roles.length > 0 ? { roles } : {}), ...(services.length > 0 ? { services } : {}) },
    active: row.active,
  });
  return { ...type, etag: row.etag ?? '' };
}

function toRow(type: TrainingType) {
  const valid = trainingTypeSchema.parse(type);
  return {
    partitionKey,
    rowKey: assertSafeKey(valid.id, 'training type id'),
    labelFr: valid.label.fr,
    labelEn: valid.label.en,
    commitment: valid.commitment,
    validityMonths: valid.validityMonths,
    requiredRoles: (valid.requiredFor.roles ?? []).join(','),
    requiredServices: (valid.requiredFor.services ?? []).join(','),
    active: valid.active,
  } satisfies TrainingTypeRow & { partitionKey: string; rowKey: string };
}

/** Commitment order as people read it: 4.1 … 4.4, 23.1, then E.28. */
function byCommitment(a: TrainingType, b: TrainingType): number {
  return a.commitment.localeCompare(b.commitment, 'fr', { numeric: true }) || a.label.fr.localeCompare(b.label.fr, 'fr');
}

/** Training types (4.1–4.4, 23.1, E.28): data the quality officer edits; RowKey = type id. */
export class TrainingTypesRepository {
  constructor(private readonly table: TableClient) {}

  /** One type by id, or undefined (also for a value that cannot be a type id). */
  async get(id: string): Promise<StoredTrainingType | undefined> {
    const key = lookupKey(id, trainingTypeIdSchema);
    if (key === undefined) return undefined;
    try {
      return fromRow(await this.table.getEntity<TrainingTypeRow>(partitionKey, key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every type, active or retired, in commitment order. */
  async list(): Promise<StoredTrainingType[]> {
    const rows = await listAllEntities<TrainingTypeRow>(this.table, partitionFilter(partitionKey, 'training types'));
    return rows.map(fromRow).sort(byCommitment);
  }

  /**
   * Creates a type (no `etag`) or replaces it if unchanged since it was read (`etag`). A create over an existing
   * id, or a replace over a newer version, throws ConcurrentUpdateError: nobody's edit is silently lost.
   */
  async save(type: TrainingType, etag?: string): Promise<StoredTrainingType> {
    const row = toRow(type);
    try {
      const result = etag === undefined ? await this.table.createEntity(row) : await this.table.updateEntity(row, 'Replace', { etag });
      return { ...trainingTypeSchema.parse(type), etag: result.etag ?? '' };
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError('training type');
      throw error;
    }
  }

  /** Adds the types not stored yet (demo data, a new prefecture's catalogue), leaving edited ones as they are. */
  async addMissing(types: readonly TrainingType[]): Promise<number> {
    // Rows are built (schema and keys checked) before anything is read or written.
    const rows = types.map(toRow);
    const known = new Set((await this.list()).map((type) => type.id));
    const actions: TransactionAction[] = rows.filter((row) => !known.has(row.rowKey)).map((row) => ['upsert', row, 'Replace']);
    await submitInBatches(this.table, actions);
    return actions.length;
  }
}
