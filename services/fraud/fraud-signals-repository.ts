import { odata, type TableClient } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { fraudServices, type FraudService } from './fraud-catalog';
import { formatFraudSignalId, fraudSignalSchema, splitFraudSignalId, type FraudSignal, type FraudSignalDraft, type FraudState } from './fraud-signal';

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

/** PartitionKey of a domain's year: 'BMI|2025'. Listing a domain and period reads this partition and no other. */
export function fraudPartitionKey(service: FraudService, year: number): string {
  return assertSafeKey(`${service}|${String(year).padStart(4, '0')}`, 'fraud partition');
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
 * « mes signalements » (PartitionKey = author, RowKey = number), written after the signal: an index row never
 * points at a number its author does not hold, and each is checked on reading anyway.
 */
export class FraudSignalsRepository {
  constructor(
    private readonly table: TableClient,
    private readonly authors: TableClient,
  ) {}

  /** One signal by number, or undefined (unknown or malformed number). */
  async get(id: string): Promise<StoredFraudSignal | undefined> {
    const parts = splitFraudSignalId(id);
    if (!parts) return undefined;
    try {
      return fromRow(await this.table.getEntity<SignalRow>(fraudPartitionKey(parts.service, parts.year), id));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Stores a new signal under the next free number of its domain and year. Two agents submitting at once both get a
   * number: the loser of a number retries with the next one (createEntity answers 409).
   */
  async create(draft: FraudSignalDraft): Promise<StoredFraudSignal> {
    const year = Number(draft.detectedOn.slice(0, 4));
    const partition = fraudPartitionKey(draft.service, year);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const taken = await listAllEntities<object>(this.table, odata`PartitionKey eq ${partition}`, ['RowKey']);
      const highest = Math.max(0, ...taken.map((row) => splitFraudSignalId(String(row.rowKey))?.order ?? 0));
      const signal: FraudSignal = { ...draft, id: formatFraudSignalId(draft.service, year, highest + 1) };
      try {
        const response = await this.table.createEntity(toRow(signal));
        await this.index(signal);
        return { ...signal, etag: response.etag ?? '' };
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    throw new ConcurrentUpdateError('fraud signal number');
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
      await this.authors.createEntity({ partitionKey: assertSafeKey(signal.authorId, 'author id'), rowKey: signal.id, detectedOn: signal.detectedOn });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  /**
   * Stores the next state of a signal if it has not changed since it was read (ETag). Throws ConcurrentUpdateError
   * when someone changed it first (two referents qualifying at once): nothing is written then.
   */
  async update(current: StoredFraudSignal, next: FraudSignal): Promise<StoredFraudSignal> {
    if (next.id !== current.id || next.service !== current.service || next.detectedOn.slice(0, 4) !== current.detectedOn.slice(0, 4)) {
      throw new Error('a fraud signal keeps its number, domain and year');
    }
    try {
      const response = await this.table.updateEntity(toRow(next), 'Replace', { etag: current.etag });
      return { ...next, etag: response.etag ?? '' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError(`fraud signal ${current.id}`);
      throw error;
    }
  }

  /** The signals of one domain and year (one partition), optionally detected between two days (included). */
  async listPartition(service: FraudService, year: number, range: { from?: string; to?: string; state?: FraudState } = {}): Promise<StoredFraudSignal[]> {
    const partition = fraudPartitionKey(service, year);
    let filter = odata`PartitionKey eq ${partition}`;
    if (range.from) filter += ` and ${odata`detectedOn ge ${range.from}`}`;
    if (range.to) filter += ` and ${odata`detectedOn le ${range.to}`}`;
    if (range.state) filter += ` and ${odata`state eq ${range.state}`}`;
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
    const rows = await listAllEntities<object>(this.authors, odata`PartitionKey eq ${assertSafeKey(authorId, 'author id')}`, ['RowKey']);
    const signals = await Promise.all(rows.map((row) => this.get(String(row.rowKey))));
    return signals
      .filter((signal): signal is StoredFraudSignal => signal !== undefined && signal.authorId === authorId)
      .sort((a, b) => b.detectedOn.localeCompare(a.detectedOn) || b.id.localeCompare(a.id));
  }
}
