import type { AppServices } from '../../services/app-services';
import type { Probe } from './repository-probes';
import { allKeysSafe, filterShape, guardSnapshot, hostileValues, isCleanRefusal, type CapturedRequests } from './storage-probe-support';

/** The rows a read returned, each as its JSON text (a multiset). */
function rowsOf(result: unknown): string[] {
  if (result === undefined || result === null) return [];
  return (Array.isArray(result) ? (result as unknown[]) : [result]).map((row) => JSON.stringify(row));
}

/** True when every row of `rows` is in `allowed`, no more often than there. */
function withinRows(rows: readonly string[], allowed: readonly string[]): boolean {
  const left = new Map<string, number>();
  for (const row of allowed) left.set(row, (left.get(row) ?? 0) + 1);
  return rows.every((row) => {
    const count = left.get(row) ?? 0;
    left.set(row, count - 1);
    return count > 0;
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 160) : String(error);
}

/** What the probes found: calls made, queries whose structure a value changed, reads or writes outside the partition. */
export interface ProbeReport {
  calls: number;
  widened: number;
  leaks: number;
  failures: string[];
}

/**
 * Runs each probe with its valid value (the filters it sends and the rows it reads are the reference), then with
 * every hostile value. A hostile call must end in a validation error (or "no such row"), send only filters of the
 * reference's structure and keys a key may be, read only rows the valid call read and none of the other partition's,
 * and leave the other partition's rows untouched.
 */
export async function runProbes(app: AppServices, captured: CapturedRequests, probes: readonly Probe[]): Promise<ProbeReport> {
  const report: ProbeReport = { calls: 0, widened: 0, leaks: 0, failures: [] };
  const { failures } = report;
  for (const probe of probes) {
    const name = `${probe.method}(${probe.slot})`;
    const before = await guardSnapshot(app, probe.guard);
    captured.reset();
    let benign: unknown;
    try {
      benign = await probe.call(probe.valid);
    } catch (error) {
      if (!isCleanRefusal(error)) failures.push(`${name} with a valid value: ${describeError(error)}`);
    }
    const shapes = new Set(captured.filters.map(filterShape));
    const allowed = probe.reads ? rowsOf(benign) : [];
    if (probe.reads && allowed.length === 0) failures.push(`${name}: the valid call read nothing, so the probe proves nothing`);
    const otherRows = probe.reads && probe.other !== undefined ? rowsOf(await probe.call(probe.other)) : [];
    if (otherRows.some((row) => allowed.includes(row))) failures.push(`${name}: the seeded partitions share rows`);

    for (const hostile of hostileValues(probe.valid).filter((value) => !(probe.optional && value.label === 'undefined'))) {
      const where = `${name} = ${hostile.label}`;
      captured.reset();
      report.calls += 1;
      let result: unknown;
      let failed: unknown;
      try {
        result = await probe.call(hostile.make());
      } catch (error) {
        failed = error ?? new Error('undefined thrown');
      }
      if (failed !== undefined && !isCleanRefusal(failed)) failures.push(`${where}: ${describeError(failed)}`);
      const changed = captured.filters.filter((filter) => !shapes.has(filterShape(filter)));
      if (changed.length > 0) {
        report.widened += 1;
        failures.push(`${where}: filter changed shape: ${changed.join(' | ').slice(0, 200)}`);
      }
      if (!allKeysSafe(captured.keys)) failures.push(`${where}: an unchecked key reached the SDK`);
      if (failed === undefined && probe.reads) {
        const rows = rowsOf(result);
        if (rows.some((row) => otherRows.includes(row)) || !withinRows(rows, allowed)) {
          report.leaks += 1;
          failures.push(`${where}: returned ${rows.length} rows outside the ${allowed.length} of the partition asked for`);
        }
      }
    }
    captured.reset();
    if ((await guardSnapshot(app, probe.guard)) !== before) {
      report.leaks += 1;
      failures.push(`${name}: rows of ${probe.guard.table}/${probe.guard.partitionKey} changed`);
    }
  }
  return report;
}
