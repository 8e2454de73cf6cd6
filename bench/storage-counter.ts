import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TableStore } from '../services/storage/table-store';
import { tableNames, type TableName } from '../services/storage/table-names';

/** Storage requests per table since the last reset: how many calls a turn or a sweep makes, and where. */
export class StorageCounter {
  readonly byTable = new Map<string, number>();
  /** While true, requests are not counted (the baseline turns interleaved with a series). */
  paused = false;

  /** Adds a counting policy to every table client of the store (the clients the repositories already hold). */
  attach(store: TableStore): void {
    for (const name of Object.values(tableNames) as TableName[]) {
      const policy: PipelinePolicy = {
        name: `bench-count-${name}`,
        sendRequest: (request, next) => {
          if (!this.paused) this.byTable.set(name, (this.byTable.get(name) ?? 0) + 1);
          return next(request);
        },
      };
      store.table(name).pipeline.addPolicy(policy);
    }
  }

  total(): number {
    return [...this.byTable.values()].reduce((sum, n) => sum + n, 0);
  }

  reset(): void {
    this.byTable.clear();
  }

  /** The counts, largest first, as `People 3, ProcessedActivities 1`. */
  describe(): string {
    return [...this.byTable.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
  }
}
