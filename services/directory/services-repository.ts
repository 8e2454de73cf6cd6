import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { isNotFound } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import { serviceSchema, type Service } from './person';

const partitionKey = 'service';

interface ServiceRow {
  name: string;
  parent: string;
}

function fromRow(row: ServiceRow & { rowKey?: string }): Service {
  return serviceSchema.parse({ code: row.rowKey, name: row.name, parent: row.parent || undefined });
}

/** The prefecture's services (one small partition, RowKey = code). */
export class ServicesRepository {
  constructor(private readonly table: TableClient) {}

  /** One service by code, or undefined. */
  async get(code: string): Promise<Service | undefined> {
    try {
      return fromRow(await this.table.getEntity<ServiceRow>(partitionKey, assertSafeKey(code, 'service code')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every service, sorted by code. */
  async list(): Promise<Service[]> {
    const rows = await listAllEntities<ServiceRow>(this.table, odata`PartitionKey eq ${partitionKey}`);
    return rows.map(fromRow).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Creates or replaces services (idempotent). */
  async upsertMany(services: Service[]): Promise<void> {
    const actions: TransactionAction[] = services.map((service) => {
      const valid = serviceSchema.parse(service);
      return ['upsert', { partitionKey, rowKey: valid.code, name: valid.name, parent: valid.parent ?? '' }, 'Replace'];
    });
    await submitInBatches(this.table, actions);
  }
}
