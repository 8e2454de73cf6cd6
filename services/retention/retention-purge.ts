import type { TableClient } from '@azure/data-tables';
import type { AuditEntry } from '../audit/audit-repository';
import { raiseFraudNumberFloor } from '../fraud/fraud-number-floor';
import { splitFraudSignalId } from '../fraud/fraud-signal';
import { odataFilter } from '../storage/odata-filter';
import { isConflict, isNotFound } from '../storage/storage-errors';
import { tableNames } from '../storage/table-names';
import type { TableStore } from '../storage/table-store';
import { blankAuditCopies, findAuditCopies, type AuditRedaction } from './audit-redaction';
import { findExpiredComplaints, findExpiredFraudSignals, findSharedCardCopies, type ExpiredRecord, type RetentionTables } from './retention-candidates';
import type { RetentionPeriods, RetentionRule } from './retention-policy';
import { changedMeanwhile, deleteRow, deleteRows, forEachPage, type RowKeys } from './retention-storage';

/** How a purge runs: as of when, with which periods, and whether it deletes. */
export interface PurgeOptions {
  now: Date;
  periods: RetentionPeriods;
  /** Zone of the calendar days periods are counted in. */
  timeZone: string;
  /** True: read and count only; nothing is deleted and nothing is written, not even to the audit trail. */
  dryRun: boolean;
  /** Receives the run's one audit entry. */
  audit: { append(...entries: AuditEntry[]): Promise<void> };
}

/** Rows deleted by a run (a dry run: rows that would be). */
export interface PurgeCounts {
  /** Fraud signals per rule: confirmed 5 years ago, or never confirmed within 6 months. */
  fraudSignals: Record<Extract<RetentionRule, 'fraud-closed' | 'fraud-unqualified'>, number>;
  complaints: number;
  /** Rows of the « mes signalements » index (FraudSignalAuthors). */
  authorIndexRows: number;
  /** History rows beside the complaints. */
  complaintHistoryRows: number;
  /** Copies of the cards about these records (SharedCardCopies). */
  sharedCardCopies: number;
  /** Audit entries about these records whose copied values were blanked. */
  auditEntriesBlanked: number;
  /** Activity ids remembered past their 24 h (ProcessedActivities). */
  processedActivities: number;
}

/** One record the run found expired. */
export interface ExpiredSummary {
  id: string;
  rule: RetentionRule;
  expiresOn: string;
}

/** What a run found and did. */
export interface PurgeReport {
  dryRun: boolean;
  at: string;
  periods: RetentionPeriods;
  /** Records expired when the run started, in number order. */
  fraudSignals: ExpiredSummary[];
  complaints: ExpiredSummary[];
  counts: PurgeCounts;
  /** Records changed while the run was at work: kept, the next run looks at them again. */
  kept: string[];
}

/** Most numbers listed per kind in the audit entry: keeps it far below a table property's 64 KiB. */
export const maxIdsInAuditEntry = 500;

/** The purge's tables in one storage account. */
export function retentionTables(store: TableStore): RetentionTables {
  return {
    fraudSignals: store.table(tableNames.fraudSignals),
    fraudSignalAuthors: store.table(tableNames.fraudSignalAuthors),
    numberFloors: store.table(tableNames.numberFloors),
    complaints: store.table(tableNames.complaints),
    sharedCardCopies: store.table(tableNames.sharedCardCopies),
    audit: store.table(tableNames.audit),
    processedActivities: store.table(tableNames.processedActivities),
  };
}

const zeroCounts = (): PurgeCounts => ({
  fraudSignals: { 'fraud-closed': 0, 'fraud-unqualified': 0 },
  complaints: 0,
  authorIndexRows: 0,
  complaintHistoryRows: 0,
  sharedCardCopies: 0,
  auditEntriesBlanked: 0,
  processedActivities: 0,
});

const summary = (record: ExpiredRecord): ExpiredSummary => ({ id: record.id, rule: record.rule, expiresOn: record.expiresOn });

async function exists(table: TableClient, partitionKey: string, rowKey: string): Promise<boolean> {
  try {
    await table.getEntity(partitionKey, rowKey, { queryOptions: { select: ['RowKey'] } });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** The stored revision of a record (fraud signal or complaint: both keep their JSON in `data`), undefined when gone. */
async function storedRevision(table: TableClient, row: RowKeys): Promise<number | undefined> {
  try {
    const entity = await table.getEntity<{ data: string }>(row.partitionKey, row.rowKey);
    return (JSON.parse(entity.data) as { revision?: number }).revision ?? -1;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Claims of activity ids past their expiry: a full read, filtered server-side, one page at a time. */
async function purgeProcessedActivities(table: TableClient, now: Date, dryRun: boolean): Promise<number> {
  let count = 0;
  await forEachPage<object>(
    table,
    { filter: odataFilter`expiresAt lt ${now.toISOString()}`, select: ['PartitionKey', 'RowKey'] },
    async (rows) => {
      if (dryRun) count += rows.length;
      // A claim is only taken over by a redelivery within minutes, never a day later: no ETag needed.
      else count += (await deleteRows(table, rows.map((row) => ({ partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) })))).length;
    },
    1000,
  );
  return count;
}

/**
 * Deletes one record with everything about it, the record's own row last: until that row goes, the record is still
 * found expired, so a run interrupted anywhere is finished by the next one (every step is idempotent), and no row is
 * ever left about a record that is gone. A complaint's history rows and its row go in one transaction (under 100
 * rows). A record changed since it was read is kept (someone worked on it meanwhile: the next run judges it again);
 * if the change comes after its index row went, that row is written back.
 */
async function purgeRecord(tables: RetentionTables, record: ExpiredRecord, redactions: readonly AuditRedaction[], counts: PurgeCounts, at: Date): Promise<boolean> {
  const table = record.kind === 'fraud-signal' ? tables.fraudSignals : tables.complaints;
  const revision = await storedRevision(table, record.main);
  if (revision !== undefined && revision !== record.revision) return false;
  counts.sharedCardCopies += (await deleteRows(tables.sharedCardCopies, record.sharedCardCopies)).length;
  if (record.authorIndex && (await deleteRow(tables.fraudSignalAuthors, record.authorIndex.row))) counts.authorIndexRows += 1;
  counts.auditEntriesBlanked += await blankAuditCopies(tables.audit, redactions, at);
  if (revision === undefined) {
    // Gone already (another run): what was left beside it goes, nothing more.
    counts.complaintHistoryRows += (await deleteRows(tables.complaints, record.partitionRows)).length;
    return true;
  }
  if (record.kind === 'fraud-signal') {
    // Its number stays taken once the row is gone: a new signal never gets the number of a purged one.
    const number = splitFraudSignalId(record.main.rowKey);
    if (number) await raiseFraudNumberFloor(tables.numberFloors, record.main.partitionKey, number.order);
    try {
      if (await deleteRow(tables.fraudSignals, record.main)) counts.fraudSignals[record.rule === 'fraud-closed' ? 'fraud-closed' : 'fraud-unqualified'] += 1;
      return true;
    } catch (error) {
      if (!changedMeanwhile(error)) throw error;
      if (record.authorIndex) {
        const { row, detectedOn } = record.authorIndex;
        await tables.fraudSignalAuthors.createEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, detectedOn }).catch((createError: unknown) => {
          if (!isConflict(createError)) throw createError;
        });
      }
      return false;
    }
  }
  // A transaction takes no ETag on a delete: the revision is checked again just before it instead.
  if ((await storedRevision(tables.complaints, record.main)) !== record.revision) return false;
  const deleted = await deleteRows(tables.complaints, [...record.partitionRows, record.main]);
  const mainGone = deleted.includes(record.main);
  counts.complaintHistoryRows += deleted.length - (mainGone ? 1 : 0);
  if (mainGone) counts.complaints += 1;
  return true;
}

/** The run's audit entry: periods, counts and numbers, never a name nor a record's text. */
function purgeAuditEntry(report: PurgeReport): AuditEntry {
  const ids = (records: readonly ExpiredSummary[]) => records.slice(0, maxIdsInAuditEntry).map((record) => record.id);
  return {
    actorId: 'system',
    action: 'retention.purge',
    entityType: 'retention',
    entityId: report.at,
    after: {
      dryRun: false,
      periods: report.periods,
      counts: report.counts,
      fraudSignalIds: ids(report.fraudSignals),
      complaintIds: ids(report.complaints),
      idsTruncated: report.fraudSignals.length > maxIdsInAuditEntry || report.complaints.length > maxIdsInAuditEntry,
    },
  };
}

/**
 * Finds the records whose retention ran out (retention-policy.ts) and everything about them, then, unless it is a
 * dry run, records one audit entry (written before the first deletion, so no run deletes without a trace: it lists
 * what the run sets out to delete) and deletes them, one record at a time, then the expired activity claims.
 */
export async function purgeExpiredRecords(tables: RetentionTables, options: PurgeOptions): Promise<PurgeReport> {
  const { now, periods, timeZone, dryRun } = options;
  const byId = (a: ExpiredRecord, b: ExpiredRecord) => a.id.localeCompare(b.id);
  const fraudSignals = (await findExpiredFraudSignals(tables, now, periods, timeZone)).sort(byId);
  const complaints = (await findExpiredComplaints(tables, now, periods, timeZone)).sort(byId);
  const records = [...fraudSignals, ...complaints];
  await findSharedCardCopies(tables, records);
  const auditCopies = await findAuditCopies(tables.audit, records, now);
  const redactionsOf = (record: ExpiredRecord) => auditCopies.get(`${record.kind}|${record.id}`) ?? [];

  const planned = zeroCounts();
  for (const record of records) {
    if (record.kind === 'fraud-signal') planned.fraudSignals[record.rule === 'fraud-closed' ? 'fraud-closed' : 'fraud-unqualified'] += 1;
    else planned.complaints += 1;
    planned.complaintHistoryRows += record.partitionRows.length;
    planned.sharedCardCopies += record.sharedCardCopies.length;
    planned.auditEntriesBlanked += redactionsOf(record).length;
    if (record.authorIndex && (await exists(tables.fraudSignalAuthors, record.authorIndex.row.partitionKey, record.authorIndex.row.rowKey))) planned.authorIndexRows += 1;
  }
  planned.processedActivities = await purgeProcessedActivities(tables.processedActivities, now, true);
  const report: PurgeReport = {
    dryRun,
    at: now.toISOString(),
    periods: { ...periods },
    fraudSignals: fraudSignals.map(summary),
    complaints: complaints.map(summary),
    counts: planned,
    kept: [],
  };
  if (dryRun) return report;

  await options.audit.append(purgeAuditEntry(report));
  const done = zeroCounts();
  for (const record of records) {
    if (!(await purgeRecord(tables, record, redactionsOf(record), done, now))) report.kept.push(record.id);
  }
  done.processedActivities = await purgeProcessedActivities(tables.processedActivities, now, false);
  return { ...report, counts: done };
}
