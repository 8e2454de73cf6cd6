import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { assertSafeKey, lookupKey, storageKey, storageYear } from '../storage/keys';
import { odataFilter, partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { fraudServices, type FraudService } from './fraud-catalog';
import { isSameSubmission } from './fraud-resubmission';
import { formatFraudSignalId, fraudSignalIdSchema, fraudSignalSchema, fraudStates, splitFraudSignalId, type FraudSignal, type FraudSignalDraft, type FraudState } from './fraud-signal';
import { readFraudNumberFloor } from './fraud-number-floor';

/** A signal as read from storage, with the ETag its next change must match. */
export type StoredFraudSignal = FraudSignal & { etag: string };

interface SignalRow {
  /** The whole signal as JSON, checked against the schema on the way out. */
  data: string;
  /** Copies of the fields queries filter on. */
  state: string;
  detectedOn: string;
  authorId: string;
}

const fraudServiceSchema = z.enum(fraudServices);
const fraudStateSchema = z.enum(fraudStates);
/** Bounds of a detection range: days, so a bound never reaches past its own text. */
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** PartitionKey of a domain's year: 'BMI|2025'. Listing a domain and period reads this partition and no other. */
export function fraudPartitionKey(service: FraudService, year: number): string {
  const domain = storageKey(service, 'fraud service', fraudServiceSchema);
  return assertSafeKey(`${domain}|${String(storageYear(year, 'fraud year', 1000))}`, 'fraud partition');
}

/** The year of detection of a draft, checked: it names the partition the number is taken in. */
function yearOfDraft(draft: Pick<FraudSignalDraft, 'detectedOn'>): number {
  return storageYear(typeof draft.detectedOn === 'string' ? Number(draft.detectedOn.slice(0, 4)) : NaN, 'fraud year', 1000);
}

function toRow(signal: FraudSignal) {
  const valid = fraudSignalSchema.parse(signal);
  return {
    partitionKey: fraudPartitionKey(valid.service, Number(valid.detectedOn.slice(0, 4))),
    rowKey: assertSafeKey(valid.id, 'fraud signal id'),
    data: JSON.stringify(valid),
    state: valid.state,
    detectedOn: valid.detectedOn,
    authorId: valid.authorId,
  };
}

function fromRow(row: SignalRow & { etag?: string }): StoredFraudSignal {
  return { ...fraudSignalSchema.parse(JSON.parse(row.data)), etag: row.etag ?? '' };
}

/**
 * Fraud signals. PartitionKey = '<domain>|<year of detection>', RowKey = the signal number ('BMI-2025-0007'), which
 * holds both: opening a number is a point read, and the indicators of a domain and year read one partition only
 * (a quarter adds a filter on the detection date inside it). A second table indexes each author's numbers for
 * « mes signalements » (PartitionKey = author, RowKey = number), written before the signal: a crash between the two
 * never hides a stored signal from its author, and an index row whose number went to someone else (a lost race)
 * or was never written is skipped on reading, where each is checked.
 */
export class FraudSignalsRepository {
  constructor(
    private readonly table: TableClient,
    private readonly authors: TableClient,
    /** Numbers the purge took away stay taken (services/fraud/fraud-number-floor.ts). */
    private readonly numberFloors: TableClient,
  ) {}

  /** One signal by number, or undefined (unknown or malformed number). */
  async get(id: string): Promise<StoredFraudSignal | undefined> {
    const key = lookupKey(id, fraudSignalIdSchema);
    const parts = key === undefined ? undefined : splitFraudSignalId(key);
    if (key === undefined || !parts) return undefined;
    try {
      return fromRow(await this.table.getEntity<SignalRow>(fraudPartitionKey(parts.service, parts.year), key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Stores a new signal under the next free number of its domain and year. Two agents submitting at once both get a
   * number: the loser of a number retries with the next one (createEntity answers 409). Before each number is
   * tried, `beforeWrite` lists what the signal sets going (the referents' cards) and the author's index row is
   * written, so a crash right after the signal's write leaves nothing to redo but sending.
   */
  async create(draft: FraudSignalDraft, beforeWrite: (candidate: FraudSignal) => Promise<void> = () => Promise.resolve()): Promise<StoredFraudSignal> {
    const year = yearOfDraft(draft);
    const partition = fraudPartitionKey(draft.service, year);
    toRow({ ...draft, id: formatFraudSignalId(draft.service, year, 1) }); // the whole draft checked before anything is read
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const taken = await listAllEntities<object>(this.table, partitionFilter(partition, 'fraud partition'), ['RowKey']);
      const floor = await readFraudNumberFloor(this.numberFloors, partition);
      const highest = Math.max(floor, ...taken.map((row) => splitFraudSignalId(String(row.rowKey))?.order ?? 0));
      const signal: FraudSignal = { ...draft, id: formatFraudSignalId(draft.service, year, highest + 1) };
      await beforeWrite(signal);
      await this.index(signal);
      try {
        const response = await this.table.createEntity(toRow(signal));
        return { ...signal, etag: response.etag ?? '' };
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    throw new ConcurrentUpdateError('fraud signal number');
  }

  /**
   * The signal an earlier attempt of the same submission stored (see isSameSubmission), if any: a form sent again
   * after an outage or a redelivery finishes that signal instead of storing a second one.
   */
  async findSameSubmission(draft: FraudSignalDraft, now: Date): Promise<StoredFraudSignal | undefined> {
    const partition = fraudPartitionKey(draft.service, yearOfDraft(draft));
    const filter = `${partitionFilter(partition, 'fraud partition')} and ${odataFilter`authorId eq ${assertSafeKey(draft.authorId, 'author id')}`}`;
    const rows = await listAllEntities<SignalRow>(this.table, filter);
    return rows
      .map(fromRow)
      .filter((signal) => isSameSubmission(signal, draft, now))
      .sort((a, b) => a.id.localeCompare(b.id))[0];
  }

  /** Writes the author's index row of a signal (idempotent). */
  async ensureIndexed(signal: FraudSignal): Promise<void> {
    await this.index(signal);
  }

  /** Adds signals with their own numbers where the number is free (demo seeding); returns how many were added. */
  async addMissing(signals: readonly FraudSignal[]): Promise<number> {
    let added = 0;
    for (const signal of signals) {
      try {
        await this.table.createEntity(toRow(signal));
        added += 1;
      } catch (error) {
        if (!isConflict(error)) throw error;
        continue;
      }
      await this.index(signal);
    }
    return added;
  }

  private async index(signal: FraudSignal): Promise<void> {
    try {
      await this.authors.createEntity({ partitionKey: assertSafeKey(signal.authorId, 'author id'), rowKey: storageKey(signal.id, 'fraud signal id', fraudSignalIdSchema), detectedOn: signal.detectedOn });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  /**
   * Stores the next state of a signal if it has not changed since it was read (ETag). Throws ConcurrentUpdateError
   * when someone changed it first (two referents qualifying at once): nothing is written then.
   */
  async update(current: StoredFraudSignal, next: FraudSignal): Promise<StoredFraudSignal> {
    const row = toRow(next); // checks the number before it is compared or used as a key
    if (next.id !== current.id || next.service !== current.service || next.detectedOn.slice(0, 4) !== current.detectedOn.slice(0, 4)) {
      throw new Error('a fraud signal keeps its number, domain and year');
    }
    try {
      const response = await this.table.updateEntity(row, 'Replace', { etag: current.etag });
      return { ...next, etag: response.etag ?? '' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError(`fraud signal ${current.id}`);
      throw error;
    }
  }

  /** The signals of one domain and year (one partition), optionally detected between two days (included). */
  async listPartition(service: FraudService, year: number, range: { from?: string; to?: string; state?: FraudState } = {}): Promise<StoredFraudSignal[]> {
    let filter = partitionFilter(fraudPartitionKey(service, year), 'fraud partition');
    const { from, to, state } = range ?? {};
    if (from !== undefined) filter += ` and ${odataFilter`detectedOn ge ${storageKey(from, 'detection range', dayPattern)}`}`;
    if (to !== undefined) filter += ` and ${odataFilter`detectedOn le ${storageKey(to, 'detection range', dayPattern)}`}`;
    if (state !== undefined) filter += ` and ${odataFilter`state eq ${storageKey(state, 'fraud state', fraudStateSchema)}`}`;
    const rows = await listAllEntities<SignalRow>(this.table, filter);
    return rows.map(fromRow).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every domain's signals of a year: one partition read per domain. */
  async listYear(year: number, options: { state?: FraudState } = {}): Promise<StoredFraudSignal[]> {
    const parts = await Promise.all(fraudServices.map((service) => this.listPartition(service, year, options)));
    return parts.flat();
  }

  /** The signals one person wrote, newest number first (index partition, then a point read each). */
  async listByAuthor(authorId: string): Promise<StoredFraudSignal[]> {
    const rows = await listAllEntities<object>(this.authors, partitionFilter(authorId, 'author id'), ['RowKey']);
    const signals = await Promise.all(rows.map((row) => this.get(String(row.rowKey))));
    return signals
      .filter((signal): signal is StoredFraudSignal => signal !== undefined && signal.authorId === authorId)
      .sort((a, b) => b.detectedOn.localeCompare(a.detectedOn) || b.id.localeCompare(a.id));
  }
}
