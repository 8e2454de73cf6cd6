import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { tableNames, type TableName } from './table-names';

/** Where the tables are: a connection string (Azurite, shared key) or an account URL reached with managed identity. */
export type StorageTarget = { kind: 'connectionString'; connectionString: string } | { kind: 'accountUrl'; url: string };

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const azuriteAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

/** Connection string of an Azurite table service listening on the given port of this machine. */
export function azuriteConnectionString(port = 10002, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${azuriteAccount.name};AccountKey=${azuriteAccount.key};` +
    `TableEndpoint=http://${host}:${port}/${azuriteAccount.name};`
  );
}

// Fail fast: a turn must answer within ~15 s (PLATFORM.md), so a dead storage may not eat it in retries.
const clientOptions = {
  allowInsecureConnection: true,
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

/** Hands out one TableClient per table, all pointing at the same account. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(
    private readonly target: StorageTarget,
    /** Prefix added to every table name, so tests can share one Azurite without seeing each other's data. */
    private readonly prefix = '',
  ) {}

  /** The client of one table. */
  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const fullName = `${this.prefix}${name}`;
      client =
        this.target.kind === 'connectionString'
          ? TableClient.fromConnectionString(this.target.connectionString, fullName, clientOptions)
          : new TableClient(this.target.url, fullName, new DefaultAzureCredential(), clientOptions);
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates every table that does not exist yet (idempotent). */
  async ensureTables(): Promise<void> {
    await Promise.all(Object.values(tableNames).map((name) => this.table(name).createTable()));
  }

  /** Resolves when the storage answers a cheap request; used by /healthz. */
  async ping(timeoutMs = 2000): Promise<void> {
    const abortSignal = AbortSignal.timeout(timeoutMs);
    await this.table(tableNames.services)
      .listEntities({ abortSignal, queryOptions: { select: ['RowKey'] } })
      .byPage({ maxPageSize: 1 })
      .next();
  }
}
