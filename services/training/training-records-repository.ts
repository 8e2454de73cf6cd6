import { odata, type TableClient } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { isConflict, isNotFound } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { trainingRecordSchema, type TrainingRecord } from './training-record';

type TrainingRecordRow = Omit<TrainingRecord, 'personId'>;

/**
 * RowKey of a record: one completion per person, type and day. A double click, or the same training declared
 * twice by the person and their manager, lands on the same row instead of adding a second one.
 */
export function trainingRecordRowKey(typeId: string, completedOn: string): string {
  return assertSafeKey(`${typeId}|${completedOn}`, 'training record key');
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

  /** One record, or undefined. */
  async get(personId: string, typeId: string, completedOn: string): Promise<TrainingRecord | undefined> {
    try {
      const row = await this.table.getEntity<TrainingRecordRow>(assertSafeKey(personId, 'person id'), trainingRecordRowKey(typeId, completedOn));
      return fromRow(row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every record of one person (one partition). */
  async listFor(personId: string): Promise<TrainingRecord[]> {
    const rows = await listAllEntities<TrainingRecordRow>(this.table, odata`PartitionKey eq ${assertSafeKey(personId, 'person id')}`);
    return rows.map(fromRow);
  }

  /** Every record (the sweep, a manager's or the quality officer's overview): a few per person. */
  async listAll(): Promise<TrainingRecord[]> {
    const rows = await listAllEntities<TrainingRecordRow>(this.table);
    return rows.map(fromRow);
  }
}
