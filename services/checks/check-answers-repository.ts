import { odata, type TableClient } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { isConflict, isNotFound } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import type { CheckAnswer } from './check-item';

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

/** Check answers: PartitionKey = quarter ("2027-Q1"), RowKey = item id, so an item is answered once per quarter. */
export class CheckAnswersRepository {
  constructor(private readonly table: TableClient) {}

  /** Records an answer; when one exists already, returns it instead (and writes nothing). */
  async record(answer: CheckAnswer): Promise<{ recorded: true } | { recorded: false; existing: CheckAnswer }> {
    const { itemId, quarter, ...fields } = answer;
    try {
      await this.table.createEntity({
        partitionKey: assertSafeKey(quarter, 'quarter'),
        rowKey: assertSafeKey(itemId, 'check item id'),
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

  async get(quarter: string, itemId: string): Promise<CheckAnswer | undefined> {
    try {
      return fromRow(quarter, await this.table.getEntity<AnswerRow>(assertSafeKey(quarter, 'quarter'), assertSafeKey(itemId, 'check item id')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every answer of a quarter. */
  async listQuarter(quarter: string): Promise<CheckAnswer[]> {
    const rows = await listAllEntities<AnswerRow>(this.table, odata`PartitionKey eq ${assertSafeKey(quarter, 'quarter')}`);
    return rows.map((row) => fromRow(quarter, row));
  }
}
