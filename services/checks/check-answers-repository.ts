import type { TableClient } from '@azure/data-tables';
import { lookupKey, storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { isConflict, isNotFound } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { checkItemSchema, type CheckAnswer } from './check-item';

type AnswerRow = Omit<CheckAnswer, 'itemId' | 'quarter' | 'updatedOn' | 'problem'> & { updatedOn?: string; problem?: string };

function fromRow(quarter: string, row: AnswerRow & { rowKey?: string }): CheckAnswer {
  return {
    itemId: String(row.rowKey),
    quarter,
    answer: row.answer,
    updatedOn: row.updatedOn || undefined,
    problem: row.problem || undefined,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt,
    late: row.late,
  };
}

/** Quarters as stored ('2027-Q1') and item ids as the catalogue allows them. */
const quarterPattern = /^\d{4}-Q[1-4]$/;
const itemIdSchema = checkItemSchema.shape.id;

/** Check answers: PartitionKey = quarter ("2027-Q1"), RowKey = item id, so an item is answered once per quarter. */
export class CheckAnswersRepository {
  constructor(private readonly table: TableClient) {}

  /** Records an answer; when one exists already, returns it instead (and writes nothing). */
  async record(answer: CheckAnswer): Promise<{ recorded: true } | { recorded: false; existing: CheckAnswer }> {
    const { itemId, quarter, ...fields } = answer;
    try {
      await this.table.createEntity({
        partitionKey: storageKey(quarter, 'quarter', quarterPattern),
        rowKey: storageKey(itemId, 'check item id', itemIdSchema),
        ...fields,
        updatedOn: fields.updatedOn ?? '',
        problem: fields.problem ?? '',
      });
      return { recorded: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await this.get(quarter, itemId);
      if (!existing) throw error;
      return { recorded: false, existing };
    }
  }

  /** The answer of an item in a quarter, or undefined (also for a value that cannot be a quarter or an item id). */
  async get(quarter: string, itemId: string): Promise<CheckAnswer | undefined> {
    const partitionKey = lookupKey(quarter, quarterPattern);
    const rowKey = lookupKey(itemId, itemIdSchema);
    if (partitionKey === undefined || rowKey === undefined) return undefined;
    try {
      return fromRow(partitionKey, await this.table.getEntity<AnswerRow>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every answer of a quarter. */
  async listQuarter(quarter: string): Promise<CheckAnswer[]> {
    const rows = await listAllEntities<AnswerRow>(this.table, partitionFilter(storageKey(quarter, 'quarter', quarterPattern), 'quarter'));
    return rows.map((row) => fromRow(quarter, row));
  }
}
