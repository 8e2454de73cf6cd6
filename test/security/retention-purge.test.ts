import type { TableClient } from '@azure/data-tables';
import type { AppServices } from '../../services/app-services';
import { fixedClock } from '../../services/clock';
import { splitFraudSignalId } from '../../services/fraud/fraud-signal';
import { defaultRetentionPeriods } from '../../services/retention/retention-policy';
import { purgeExpiredRecords, retentionTables, type PurgeCounts, type PurgeReport } from '../../services/retention/retention-purge';
import type { RetentionTables } from '../../services/retention/retention-candidates';
import { tableNames, type TableName } from '../../services/storage/table-names';
import { listAllEntities } from '../../services/storage/table-pages';
import { recordReliabilityRow } from '../support/reliability-report';
import { seedPeople, seedRetentionData, type RetentionSeed, type SeededRecord } from '../support/retention-seed';
import { freshAppServices } from '../support/test-storage';

const now = new Date('2026-11-23T09:00:00.000Z');
const timeZone = 'Europe/Paris';
const periods = { ...defaultRetentionPeriods };

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string };

const watched: TableName[] = [tableNames.fraudSignals, tableNames.fraudSignalAuthors, tableNames.complaints, tableNames.sharedCardCopies, tableNames.audit, tableNames.processedActivities];

/** Every row of the tables the purge touches, without ETags and timestamps: what a dry run must leave as it was. */
async function snapshot(app: AppServices): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const name of watched) {
    const rows = await listAllEntities<Row>(app.store.table(name));
    tables[name] = rows.map(({ etag: _etag, timestamp: _timestamp, ...row }) => row as Row).sort((a, b) => `${a.partitionKey}|${a.rowKey}`.localeCompare(`${b.partitionKey}|${b.rowKey}`));
  }
  return tables;
}

function purge(app: AppServices, tables: RetentionTables, dryRun: boolean): Promise<PurgeReport> {
  return purgeExpiredRecords(tables, { now, periods, timeZone, dryRun, audit: app.audit });
}

/** The counts a run over the whole seed must report. */
function expectedCounts(seed: RetentionSeed): PurgeCounts {
  const expired = seed.records.filter((record) => record.expired);
  const sum = (pick: (record: SeededRecord) => number) => expired.reduce((total, record) => total + pick(record), 0);
  const fraud = expired.filter((record) => record.kind === 'fraud-signal');
  const closed = fraud.filter((record) => record.rule === 'fraud-closed').length;
  return {
    fraudSignals: { 'fraud-closed': closed, 'fraud-unqualified': fraud.length - closed },
    complaints: expired.filter((record) => record.kind === 'complaint').length,
    authorIndexRows: sum((record) => record.authorIndexRows),
    complaintHistoryRows: sum((record) => record.historyRows),
    sharedCardCopies: sum((record) => record.sharedCardCopies),
    auditEntriesBlanked: sum((record) => record.auditEntries),
    processedActivities: seed.expiredActivityClaims,
  };
}

/** What is left of one record: its row, index row, history rows, card copies, and audit entries still holding values. */
async function remainsOf(app: AppServices, record: SeededRecord): Promise<{ main: boolean; others: number }> {
  const rows = await snapshot(app);
  const fraud = record.kind === 'fraud-signal';
  const main = (rows[fraud ? tableNames.fraudSignals : tableNames.complaints] ?? []).some((row) => row.rowKey === record.id);
  const others =
    (rows[tableNames.fraudSignalAuthors] ?? []).filter((row) => row.rowKey === record.id).length +
    (rows[tableNames.complaints] ?? []).filter((row) => String(row.rowKey).startsWith(`h|${record.id}|`)).length +
    (rows[tableNames.sharedCardCopies] ?? []).filter((row) => String(row.partitionKey).split('|')[1] === record.id).length +
    (rows[tableNames.audit] ?? []).filter((row) => row.entityId === record.id && !(String(row.after).includes('purgedAt') || row.after === 'null')).length;
  return { main, others };
}

/** Seeded records in the wrong place: recent ones (or any of their rows) gone, expired ones (or any of their rows) left. */
async function misplaced(app: AppServices, seed: RetentionSeed): Promise<{ recentLost: string[]; expiredLeft: string[] }> {
  const rows = await snapshot(app);
  const recentLost: string[] = [];
  const expiredLeft: string[] = [];
  for (const record of seed.records) {
    const fraud = record.kind === 'fraud-signal';
    const main = (rows[fraud ? tableNames.fraudSignals : tableNames.complaints] ?? []).some((row) => row.rowKey === record.id);
    const index = (rows[tableNames.fraudSignalAuthors] ?? []).filter((row) => row.rowKey === record.id).length;
    const history = (rows[tableNames.complaints] ?? []).filter((row) => String(row.rowKey).startsWith(`h|${record.id}|`)).length;
    const copies = (rows[tableNames.sharedCardCopies] ?? []).filter((row) => String(row.partitionKey).split('|')[1] === record.id).length;
    const audits = (rows[tableNames.audit] ?? []).filter((row) => row.entityId === record.id);
    const withValues = audits.filter((row) => !String(row.after).includes('purgedAt') && !String(row.before).includes('purgedAt')).length;
    if (record.expired) {
      if (main || index > 0 || history > 0 || copies > 0 || withValues > 0 || audits.length !== record.auditEntries) expiredLeft.push(record.id);
    } else if (!main || index !== record.authorIndexRows || history !== record.historyRows || copies !== record.sharedCardCopies || withValues !== record.auditEntries) {
      recentLost.push(record.id);
    }
  }
  return { recentLost, expiredLeft };
}

/** Tables whose deleting calls throw once `limit` of them went through: a purge killed mid-way. */
function failingAfter(tables: RetentionTables, limit: number): RetentionTables {
  let calls = 0;
  const wrap = (table: TableClient): TableClient =>
    new Proxy(table, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...a: unknown[]) => unknown;
        if (property !== 'deleteEntity' && property !== 'submitTransaction' && property !== 'updateEntity') return method.bind(target);
        return async (...args: unknown[]) => {
          calls += 1;
          if (calls > limit) throw new Error(`simulated crash after ${limit} writes`);
          return method.apply(target, args);
        };
      },
    });
  return Object.fromEntries((Object.entries(tables) as [string, TableClient][]).map(([name, table]) => [name, wrap(table)])) as unknown as RetentionTables;
}

/** What the file proved, for its row of docs/RELIABILITY.md (written once every test ran). */
const tally = { seeded: 0, lost: 0, killedRuns: 0, killedRunsFinished: 0, changedKept: false, main: '' };

async function purgeEntries(app: AppServices) {
  return (await app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action === 'retention.purge');
}

describe('retention purge on a real Azurite', () => {
  let app: AppServices;
  let seed: RetentionSeed;
  let tables: RetentionTables;
  const started = Date.now();

  beforeAll(async () => {
    app = await freshAppServices(fixedClock(now));
    seed = await seedRetentionData(app, now, { bulk: true });
    tables = retentionTables(app.store);
  }, 120_000);

  it('seeds expired and recent records of every kind', () => {
    expect(seed.records.filter((record) => record.expired).length).toBe(5 + 205 + 2);
    expect(seed.records.filter((record) => !record.expired).length).toBe(6 + 3);
  });

  it('counts and names what a dry run would delete, and changes nothing, not even the audit trail', async () => {
    const before = await snapshot(app);
    const report = await purge(app, tables, true);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toEqual(expectedCounts(seed));
    const expired = seed.records.filter((record) => record.expired);
    expect([...report.fraudSignals, ...report.complaints].map((record) => record.id).sort()).toEqual(expired.map((record) => record.id).sort());
    expect(await snapshot(app)).toEqual(before);
    expect(await purgeEntries(app)).toEqual([]);
  }, 120_000);

  it('deletes the expired records with all their rows, keeps the recent ones, and records one audit entry', async () => {
    const report = await purge(app, tables, false);
    expect(report.counts).toEqual(expectedCounts(seed));
    expect(report.kept).toEqual([]);
    expect(await misplaced(app, seed)).toEqual({ recentLost: [], expiredLeft: [] });
    const rows = await snapshot(app);
    expect(rows[tableNames.processedActivities]).toHaveLength(seed.freshActivityClaims);
    expect((rows[tableNames.sharedCardCopies] ?? []).some((row) => row.partitionKey === seed.unrelatedTopic)).toBe(true);
    // Blanked audit entries still say who did what to which number, and when.
    const blanked = (rows[tableNames.audit] ?? []).filter((row) => String(row.after).includes('purgedAt'));
    expect(blanked).toHaveLength(report.counts.auditEntriesBlanked);
    expect(blanked.every((row) => typeof row.actorId === 'string' && typeof row.action === 'string' && typeof row.entityId === 'string')).toBe(true);
    expect(blanked.some((row) => JSON.stringify(row).includes('Faux justificatif'))).toBe(false);
    expect((rows[tableNames.audit] ?? []).some((row) => row.action === 'person.update' && String(row.after).includes('BMI'))).toBe(true);

    const entries = await purgeEntries(app);
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(entry).toMatchObject({ actorId: 'system', entityType: 'retention', after: { dryRun: false, periods, counts: expectedCounts(seed) } });
    const text = JSON.stringify(entry);
    expect(text).not.toMatch(/Faux justificatif|Horaires|DOSSIER-123|a001|a002/);
  }, 120_000);

  it('never gives a purged number again: a new signal of a partition whose highest number was purged follows it', async () => {
    const fraud = seed.records.filter((record) => record.kind === 'fraud-signal');
    const highestOf = new Map<string, SeededRecord>();
    for (const record of fraud) {
      const parts = splitFraudSignalId(record.id);
      const partition = `${parts?.service}|${parts?.year}`;
      const current = highestOf.get(partition);
      if (!current || record.id > current.id) highestOf.set(partition, record);
    }
    const purgedHighest = [...highestOf.values()].find((record) => record.expired);
    const parts = splitFraudSignalId(purgedHighest?.id ?? '');
    if (!parts) throw new Error('the seed has no partition whose highest signal expires');
    expect(await app.fraudSignals.get(purgedHighest?.id ?? '')).toBeUndefined();
    const stored = await app.fraudSignals.create({
      service: parts.service,
      titleType: 'titre-sejour',
      nature: 'faux-document',
      detectedOn: `${parts.year}-06-15`,
      fileReference: 'DOSSIER-NOUVEAU',
      description: 'Nouveau signalement après la purge',
      article40: { reported: false },
      authorId: seedPeople.author,
      createdAt: now.toISOString(),
      state: 'submitted',
      submittedAt: now.toISOString(),
      exchanges: [],
      revision: 0,
    });
    expect(splitFraudSignalId(stored.id)?.order).toBe(parts.order + 1);
  });

  it('deletes nothing more when run again, and records that run too', async () => {
    const before = await snapshot(app);
    const report = await purge(app, tables, false);
    expect(report.counts).toEqual({
      fraudSignals: { 'fraud-closed': 0, 'fraud-unqualified': 0 },
      complaints: 0,
      authorIndexRows: 0,
      complaintHistoryRows: 0,
      sharedCardCopies: 0,
      auditEntriesBlanked: 0,
      processedActivities: 0,
    });
    const after = await snapshot(app);
    const withoutAudit = (rows: Record<string, Row[]>) => ({ ...rows, [tableNames.audit]: [] });
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    expect(await purgeEntries(app)).toHaveLength(2);
  }, 120_000);

  afterAll(async () => {
    // Judged on the final state, whichever test failed: recent records lost plus expired ones left.
    const { recentLost, expiredLeft } = await misplaced(app, seed);
    const expired = seed.records.filter((record) => record.expired).length;
    tally.seeded += seed.records.length;
    tally.lost += recentLost.length + expiredLeft.length;
    tally.main = `${expired - expiredLeft.length} of ${expired} expired records deleted with their rows and audit copies blanked, ${seed.records.length - expired - recentLost.length} of ${seed.records.length - expired} recent kept, rerun deleted nothing (${Math.round((Date.now() - started) / 1000)} s)`;
  });
});

describe('a purge interrupted mid-way', () => {
  it.each([2, 9, 23])('leaves no row about a deleted record when killed after %i writes, and the next run finishes it', async (limit) => {
    const app = await freshAppServices(fixedClock(now));
    const seed = await seedRetentionData(app, now);
    const tables = retentionTables(app.store);
    tally.seeded += seed.records.length;
    tally.killedRuns += 1;
    await expect(purge(app, failingAfter(tables, limit), false)).rejects.toThrow('simulated crash');
    const states = { gone: 0, stripped: 0, untouched: 0 };
    for (const record of seed.records.filter((r) => r.expired)) {
      const remains = await remainsOf(app, record);
      // Either the record is still there (the next run finds it again) or nothing about it is.
      if (!remains.main) expect({ id: record.id, others: remains.others }).toEqual({ id: record.id, others: 0 });
      const full = record.authorIndexRows + record.historyRows + record.sharedCardCopies + record.auditEntries;
      states[!remains.main ? 'gone' : remains.others < full ? 'stripped' : 'untouched'] += 1;
    }
    // The crash fell in the middle of the work: some records untouched, some at least begun.
    expect(states.untouched).toBeGreaterThan(0);
    expect(states.gone + states.stripped).toBeGreaterThan(0);
    await purge(app, tables, false);
    const { recentLost, expiredLeft } = await misplaced(app, seed);
    tally.lost += recentLost.length + expiredLeft.length;
    expect({ recentLost, expiredLeft }).toEqual({ recentLost: [], expiredLeft: [] });
    expect(await purgeEntries(app)).toHaveLength(2);
    tally.killedRunsFinished += 1;
  }, 120_000);
});

describe('a record changed while the purge works on it', () => {
  it('is kept with its index row, and reported', async () => {
    const app = await freshAppServices(fixedClock(now));
    const seed = await seedRetentionData(app, now);
    tally.seeded += seed.records.length;
    const tables = retentionTables(app.store);
    const target = seed.records.find((record) => record.kind === 'fraud-signal' && record.expired && record.id.startsWith('PERMIS-'));
    if (!target) throw new Error('no expired PERMIS signal in the seed');
    // Right after its index row goes, a referent confirms it: the confirmation changes its ETag.
    const authors = new Proxy(tables.fraudSignalAuthors, {
      get(table, property, receiver) {
        const value: unknown = Reflect.get(table, property, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...a: unknown[]) => Promise<unknown>;
        if (property !== 'deleteEntity') return method.bind(table);
        return async (partitionKey: string, rowKey: string, options?: object) => {
          const result = await method.call(table, partitionKey, rowKey, options);
          const signal = rowKey === target.id ? await app.fraudSignals.get(rowKey) : undefined;
          if (signal) await app.fraudSignals.update(signal, { ...signal, state: 'confirmed', qualification: { by: signal.authorId, at: now.toISOString(), outcome: 'confirmed' }, revision: signal.revision + 1 });
          return result;
        };
      },
    });
    const report = await purge(app, { ...tables, fraudSignalAuthors: authors }, false);
    expect(report.kept).toEqual([target.id]);
    expect(await app.fraudSignals.get(target.id)).toMatchObject({ state: 'confirmed' });
    expect((await app.fraudSignals.listByAuthor(target.authorId)).map((signal) => signal.id)).toContain(target.id);
    // Confirmed today, it is now kept 5 years: the next run leaves it.
    expect((await purge(app, tables, true)).fraudSignals.map((record) => record.id)).not.toContain(target.id);
    tally.changedKept = true;
  }, 120_000);
});

afterAll(() => {
  recordReliabilityRow({
    section: 'data-protection',
    id: 'retention-purge',
    what: 'purge of expired fraud signals and complaints (5 years after confirmation or closure, 6 months unqualified): dry run, real run, rerun, runs killed mid-way, a record changed meanwhile',
    cases: tally.seeded,
    lost: tally.lost,
    duplicates: null,
    recoveryMs: null,
    outcome: `${tally.main}; ${tally.killedRunsFinished} of ${tally.killedRuns} killed runs left no orphan and the next run finished them; a record changed meanwhile ${tally.changedKept ? 'was kept' : 'was NOT shown kept'}`,
  });
});
