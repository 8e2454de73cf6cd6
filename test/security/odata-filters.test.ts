import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { odata } from '@azure/data-tables';
import { tableNames } from '../../services/storage/table-names';
import { listAllEntities } from '../../services/storage/table-pages';
import { recordReliabilityRow } from '../support/reliability-report';
import { runProbes } from './probe-runner';
import { exemptMethods, repositoryProbes, type Probe } from './repository-probes';
import { captureRequests, type CapturedRequests } from './storage-probe-support';
import { seedTwoPartitions, type Seeded } from './two-partitions';

const root = join(__dirname, '..', '..');

/** Source files under a folder, recursively. */
function sourceFiles(folder: string, suffix: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** True when the function's source declares at least one parameter. */
function takesParameters(fn: unknown): boolean {
  const match = /^[^(]*\(([^)]*)\)/.exec(String(fn));
  return (match?.[1] ?? '').trim() !== '';
}

/** Every method (prototype and static) of every exported repository class that takes a parameter. */
async function repositoryMethodsWithParameters(): Promise<string[]> {
  const names: string[] = [];
  for (const file of sourceFiles('services', '-repository.ts')) {
    const module = (await import(join(root, file))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      if (typeof value !== 'function' || !exported.endsWith('Repository')) continue;
      const holders = [value.prototype as object, value];
      for (const holder of holders) {
        for (const name of Object.getOwnPropertyNames(holder)) {
          if (['constructor', 'length', 'name', 'prototype'].includes(name)) continue;
          const member = Object.getOwnPropertyDescriptor(holder, name)?.value as unknown;
          if (typeof member === 'function' && takesParameters(member)) names.push(`${exported}.${name}`);
        }
      }
    }
  }
  return names.sort();
}

describe('OData filters and storage keys under hostile values (issue 10)', () => {
  let seeded: Seeded;
  let captured: CapturedRequests;
  let probes: Probe[];

  beforeAll(async () => {
    seeded = await seedTwoPartitions();
    captured = captureRequests(seeded.app);
    probes = repositoryProbes(seeded);
  });

  it('probes every public repository method that takes a parameter, so coverage cannot silently drop', async () => {
    const methods = await repositoryMethodsWithParameters();
    const covered = new Set([...probes.map((probe) => probe.method), ...Object.keys(exemptMethods)]);
    expect(methods.filter((method) => !covered.has(method))).toEqual([]);
    // And no probe or exemption names a method that no longer exists.
    expect([...covered].filter((method) => !methods.includes(method))).toEqual([]);
    expect(methods.length).toBeGreaterThan(50); // the scan found the repositories
  });

  it('builds filters only through the checked helpers in repositories and storage code', () => {
    const files = [...sourceFiles('services', '-repository.ts'), ...sourceFiles('services/storage', '.ts'), 'services/exports/audit-export.ts'];
    const offenders = files.filter((file) => {
      const source = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      // The SDK's template inserts numbers, arrays and objects unquoted (PLATFORM.md); hand-quoting escapes nothing.
      const sdkTemplate = /import\s*{[^}]*\bodata\b[^}]*}\s*from\s*'@azure\/data-tables'/.test(source) || /\bodata`/.test(source);
      const handQuoted = /\b(?:eq|ne|gt|ge|lt|le)\s+'\$\{/.test(source);
      return sdkTemplate || handQuoted;
    });
    expect(offenders).toEqual([]);
  });

  it('catches the filters this issue fixed: the SDK template given an object, a year range given a fraction', async () => {
    // The code before issue 10, run through the same probes: if these pass, the probes prove nothing.
    const complaints = seeded.app.store.table(tableNames.complaints);
    const volumes = seeded.app.store.table(tableNames.fraudVolumes);
    const control: Probe[] = [
      {
        method: 'control.sdkTemplate',
        slot: 'year',
        valid: '2026',
        other: '2025',
        reads: true,
        guard: { table: tableNames.complaints, partitionKey: '2025' },
        call: (v) => listAllEntities(complaints, odata`PartitionKey eq ${v as string}`),
      },
      {
        method: 'control.yearRange',
        slot: 'year',
        valid: 2025,
        other: 2026,
        reads: true,
        guard: { table: tableNames.fraudVolumes, partitionKey: seeded.volumes.b.service },
        call: (v) => listAllEntities(volumes, odata`RowKey ge ${String(v).padStart(4, '0')} and RowKey lt ${String((v as number) + 1).padStart(4, '0')}`),
      },
    ];
    const report = await runProbes(seeded.app, captured, control);
    expect(report.widened).toBeGreaterThan(0);
    expect(report.leaks).toBeGreaterThan(0);
  });

  it('never widens a query, never returns or changes another partition’s rows, and refuses bad values cleanly', async () => {
    const { calls, widened, leaks, failures } = await runProbes(seeded.app, captured, probes);
    recordReliabilityRow({
      section: 'bad-input',
      id: 'odata-hostile-values',
      what: `hostile strings, numbers, arrays, objects, Dates, null/undefined in every key and filter value of ${new Set(probes.map((p) => p.method)).size} repository methods (${probes.length} slots), two partitions seeded`,
      cases: calls,
      lost: leaks,
      duplicates: null,
      recoveryMs: null,
      outcome: `${widened} query widened, ${leaks} rows from another partition; ${failures.length} failures`,
    });
    expect(failures).toEqual([]);
  });
});
