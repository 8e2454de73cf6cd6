import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { AuditEntry, StoredAuditEntry } from '../audit/audit-repository';
import { lookupKey, storageKey, storageYear } from '../storage/keys';
import { odataFilter, partitionFilter } from '../storage/odata-filter';
import { createNumbered, historyEntity, historyEntries, historyRowKey, replaceWithHistory, type HistoryRow } from '../storage/entity-history';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { complaintSchema, type Complaint } from './complaint';
import { complaintIdSchema, formatComplaintId, nextComplaintId, parseComplaintId, yearOfComplaintId } from './complaint-number';

/** A complaint as read from storage, with the ETag its next change must match. */
export type StoredComplaint = Complaint & { etag: string };

/** History rows of one complaint sort together, newest first, after every item row ('R-…' < 'h|…'). */
const historyPrefix = (id: string) => `h|${id}|`;
/** Item rows are the RowKeys 'R-…': from 'R-' up to 'R.' ('.' follows '-'). */
const [itemFirst, itemEnd] = ['R-', 'R.'];

interface ItemRow {
  /** The whole complaint as JSON, checked against the schema on the way out. */
  data: string;
  /** Copies of what queries filter on. */
  state: string;
  service: string;
  assigneeId: string;
  dueOn: string;
}

/** The year partition of a number, checked first: a malformed number never names a partition. */
const partitionOf = (id: string) => String(yearOfComplaintId(storageKey(id, 'complaint id', complaintIdSchema)));

function toItemRow(complaint: Complaint) {
  const valid = complaintSchema.parse(complaint);
  return {
    partitionKey: partitionOf(valid.id),
    rowKey: valid.id,
    data: JSON.stringify(valid),
    state: valid.state,
    service: valid.service,
    assigneeId: valid.assigneeId,
    dueOn: valid.dueOn,
  };
}

function fromItemRow(row: ItemRow & { etag?: string }): StoredComplaint {
  return { ...complaintSchema.parse(JSON.parse(row.data)), etag: row.etag ?? '' };
}

function historyRow(id: string, entry: AuditEntry, at: Date) {
  return historyEntity(partitionOf(id), historyRowKey(historyPrefix(id), at), entry, at);
}

const byId = (a: Complaint, b: Complaint) => (parseComplaintId(a.id)?.row ?? 0) - (parseComplaintId(b.id)?.row ?? 0);

/**
 * Complaints, suggestions and information requests (issue 6). One partition per year of receipt (PartitionKey
 * '2026', RowKey 'R-2026-0012'): the list and the statistics of a year read one partition, numbering a year's next
 * complaint reads the same one, and a complaint's history rows ('h|R-2026-0012|…') live beside it, so a change and
 * its history entry are written in one transaction. A prefecture logs tens to a few hundred a year, so a service's
 * view filters that partition rather than having partitions of its own (which a reassignment would have to move).
 */
export class ComplaintsRepository {
  constructor(private readonly table: TableClient) {}

  /** One complaint, or undefined (also for a value that cannot be a complaint number). */
  async get(id: string): Promise<StoredComplaint | undefined> {
    const key = lookupKey(id, complaintIdSchema);
    if (key === undefined) return undefined;
    try {
      return fromItemRow(await this.table.getEntity<ItemRow>(partitionOf(key), key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The complaints received in one year, in number order. */
  async listYear(year: number): Promise<StoredComplaint[]> {
    const partition = partitionFilter(String(storageYear(year, 'complaint year')), 'complaint year');
    const rows = await listAllEntities<ItemRow>(this.table, `${partition} and ${odataFilter`RowKey ge ${itemFirst} and RowKey lt ${itemEnd}`}`);
    return rows.map(fromItemRow).sort(byId);
  }

  /** Complaints still waiting for a reply, whatever their year (the reminder sweep). */
  async listOpen(): Promise<StoredComplaint[]> {
    const rows = await listAllEntities<ItemRow>(this.table, odataFilter`RowKey ge ${itemFirst} and RowKey lt ${itemEnd} and state eq ${'open'}`);
    return rows.map(fromItemRow).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || byId(a, b));
  }

  /**
   * Stores a new complaint under the next free number of its year of receipt, with its first history entry, in one
   * transaction. Two people logging at once both get a number: the loser of a number retries with the next one.
   * Before each number is tried, `beforeWrite` lists what the complaint sets going (the agent's card), so a crash
   * right after the write leaves nothing to redo but sending.
   */
  async create(draft: Complaint, entry: AuditEntry, at: Date, beforeWrite: (candidate: Complaint) => Promise<void> = () => Promise.resolve()): Promise<StoredComplaint> {
    const year = storageYear(typeof draft.receivedOn === 'string' ? Number(draft.receivedOn.slice(0, 4)) : NaN, 'complaint year', 1000);
    toItemRow({ ...draft, id: formatComplaintId(year, 1) }); // the whole draft checked before anything is read
    const { id, etag } = await createNumbered(
      this.table,
      async () => {
        const candidate = nextComplaintId(year, (await this.listYear(year)).map((complaint) => complaint.id));
        await beforeWrite({ ...draft, id: candidate });
        return candidate;
      },
      (candidate) => ({ record: toItemRow({ ...draft, id: candidate }), history: historyRow(candidate, { ...entry, entityId: candidate, after: { ...draft, id: candidate } }, at) }),
      'complaint',
    );
    return { ...draft, id, etag };
  }

  /**
   * Stores the next version if the complaint has not changed since it was read, with its history entry, in one
   * transaction. Throws ConcurrentUpdateError when someone else changed it first: nothing is written then.
   */
  async update(current: StoredComplaint, next: Complaint, entry: AuditEntry, at: Date): Promise<StoredComplaint> {
    const record = toItemRow(next); // checks the number before it is compared or used as a key
    if (next.id !== current.id) throw new Error('a complaint keeps its number');
    const etag = await replaceWithHistory(this.table, record, current.etag, historyRow(current.id, entry, at), `complaint ${current.id}`);
    return { ...next, etag };
  }

  /** The history of one complaint, newest first; none for a value that cannot be a complaint number. */
  async history(id: string): Promise<StoredAuditEntry[]> {
    const key = lookupKey(id, complaintIdSchema);
    if (key === undefined) return [];
    const prefix = historyPrefix(key);
    const rows = await listAllEntities<HistoryRow>(this.table, odataFilter`PartitionKey eq ${partitionOf(key)} and RowKey gt ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}}`}`);
    return historyEntries(rows, 'complaint', id);
  }

  /** Adds complaints whose number is not taken yet (demo data), each with a history entry. Returns how many were added. */
  async addMissing(complaints: readonly Complaint[], actorId: string, at: Date): Promise<number> {
    // Rows are built (schema and keys checked) before anything is read or written.
    const rows = complaints.map((complaint) => ({ complaint, row: toItemRow(complaint) }));
    const years = [...new Set(rows.map(({ complaint }) => yearOfComplaintId(complaint.id)))];
    const known = new Set((await Promise.all(years.map((year) => this.listYear(year)))).flat().map((complaint) => complaint.id));
    const actions: TransactionAction[] = rows
      .filter(({ complaint }) => !known.has(complaint.id))
      .flatMap(({ complaint, row }): TransactionAction[] => [
        ['create', row],
        ['create', historyRow(complaint.id, { actorId, action: 'complaint.import', entityType: 'complaint', entityId: complaint.id, after: complaint }, at)],
      ]);
    await submitInBatches(this.table, actions);
    return actions.length / 2;
  }
}
