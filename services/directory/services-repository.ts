import type { TableClient, TransactionAction } from '@azure/data-tables';
import { KeptCopy, keptCopyTtlMs } from '../storage/kept-copy';
import { lookupKey, storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { serviceCodeSchema, serviceSchema, type Service } from './person';

const partitionKey = 'service';

interface ServiceRow {
  name: string;
  parent: string;
}

function fromRow(row: ServiceRow & { rowKey?: string }): Service {
  return serviceSchema.parse({ code: row.rowKey, name: row.name, parent: row.parent || undefined });
}

/**
 * The prefecture's services (one small partition, RowKey = code). The list is read on most turns (a card's service
 * choices, the words of a view) and changes a few times a year: it is kept in memory like the directory, dropped by
 * every write through this repository, its only writer.
 */
export class ServicesRepository {
  private readonly kept: KeptCopy<Service>;

  constructor(
    private readonly table: TableClient,
    cacheTtlMs = keptCopyTtlMs,
    monotonicNow: () => number = () => performance.now(),
  ) {
    this.kept = new KeptCopy(cacheTtlMs, monotonicNow);
  }

  /** One service by code, or undefined (also for text that cannot be a code: « gérer les contrôles a/b »). */
  async get(code: string): Promise<Service | undefined> {
    const key = lookupKey(code, serviceCodeSchema);
    if (key === undefined) return undefined;
    try {
      return fromRow(await this.table.getEntity<ServiceRow>(partitionKey, key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every service, sorted by code. */
  async list(): Promise<Service[]> {
    const services = await this.kept.read(async () => {
      const rows = await listAllEntities<ServiceRow>(this.table, partitionFilter(partitionKey, 'services'));
      return rows.map(fromRow).sort((a, b) => a.code.localeCompare(b.code));
    });
    return services.map((service) => ({ ...service }));
  }

  /** Creates or replaces services (idempotent). */
  async upsertMany(services: Service[]): Promise<void> {
    const actions: TransactionAction[] = services.map((service) => {
      const valid = serviceSchema.parse(service);
      // The code as given, not trimmed by the schema: the key written is the one `get` is asked with.
      return ['upsert', { partitionKey, rowKey: storageKey(service.code, 'service code', serviceCodeSchema), name: valid.name, parent: valid.parent ?? '' }, 'Replace'];
    });
    try {
      await submitInBatches(this.table, actions);
    } finally {
      // Even a failed import may have applied its first transactions.
      this.kept.invalidate();
    }
  }
}
