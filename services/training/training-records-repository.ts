import type { TableClient } from '@azure/data-tables';
import { assertSafeKey, lookupKey, storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { InvalidStorageInputError, isConflict, isNotFound } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { isLocalDate } from '../reminders/calendar';
import { trainingTypeIdSchema } from './training-type';
import { trainingRecordSchema, type TrainingRecord } from './training-record';

type TrainingRecordRow = Omit<TrainingRecord, 'personId'>;

/**
 * RowKey of a record: one completion per person, type and day. A double click, or the same training declared
 * twice by the person and their manager, lands on the same row instead of adding a second one.
 */
export function trainingRecordRowKey(typeId: string, completedOn: string): string {
  const type = storageKey(typeId, 'training type id', trainingTypeIdSchema);
  if (typeof completedOn !== 'string' || !isLocalDate(completedOn)) throw new InvalidStorageInputError('training completion date');
  return assertSafeKey(`${type}|${completedOn}`, 'training record key');
}

function fromRow(row: TrainingRecordRow & { partitionKey?: string }): TrainingRecord {
  return trainingRecordSchema.parse({
    personId: row.partitionKey,
    typeId: row.typeId,
    completedOn: row.completedOn,
    title: row.title,
    mode: row.mode,
    declaredBy: row.declaredBy,
    declaredAt: row.declaredAt,
  });
}

/** Outcome of adding a record: written, or already on record (the stored one is returned; nothing written). */
export type RecordAddOutcome = { added: true } | { added: false; existing: TrainingRecord };

/**
 * Completed trainings: PartitionKey = person id (« mes formations » is one partition read), RowKey =
 * `<typeId>|<completedOn>`. Records are evidence for the label audit: added, never updated.
 */
export class TrainingRecordsRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a record once; when that person already has this type completed that day, returns it instead. */
  async add(record: TrainingRecord): Promise<RecordAddOutcome> {
    const valid = trainingRecordSchema.parse(record);
    const { personId, ...fields } = valid;
    try {
      await this.table.createEntity({
        partitionKey: assertSafeKey(personId, 'person id'),
        rowKey: trainingRecordRowKey(valid.typeId, valid.completedOn),
        ...fields,
      });
      return { added: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await this.get(personId, valid.typeId, valid.completedOn);
      if (!existing) throw error;
      return { added: false, existing };
    }
  }

  /** One record, or undefined (also for a type id or a day that cannot be one). */
  async get(personId: string, typeId: string, completedOn: string): Promise<TrainingRecord | undefined> {
    const partitionKey = assertSafeKey(personId, 'person id');
    if (lookupKey(typeId, trainingTypeIdSchema) === undefined || typeof completedOn !== 'string' || !isLocalDate(completedOn)) return undefined;
    try {
      const row = await this.table.getEntity<TrainingRecordRow>(partitionKey, trainingRecordRowKey(typeId, completedOn));
      return fromRow(row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every record of one person (one partition). */
  async listFor(personId: string): Promise<TrainingRecord[]> {
    const rows = await listAllEntities<TrainingRecordRow>(this.table, partitionFilter(personId, 'person id'));
    return rows.map(fromRow);
  }

  /** Every record (the sweep, a manager's or the quality officer's overview): a few per person. */
  async listAll(): Promise<TrainingRecord[]> {
    const rows = await listAllEntities<TrainingRecordRow>(this.table);
    return rows.map(fromRow);
  }
}
