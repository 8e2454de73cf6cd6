import type { TableClient } from '@azure/data-tables';
import { complaintSchema } from '../complaints/complaint';
import { fraudServices } from '../fraud/fraud-catalog';
import { fraudSignalSchema } from '../fraud/fraud-signal';
import { odataFilter } from '../storage/odata-filter';
import { fraudPartitionKey } from '../fraud/fraud-signals-repository';
import { complaintDeadline, fraudSignalDeadline, isPastDeadline, lastYearWithExpired, type RetentionPeriods, type RetentionRule } from './retention-policy';
import { firstPartitionKey, forEachPage, prefixEnd, type RowKeys } from './retention-storage';

/** The kinds of records the purge deletes. */
export type PurgedKind = 'fraud-signal' | 'complaint';

/** An expired record and every row that must go with it (read before anything is deleted). */
export interface ExpiredRecord {
  kind: PurgedKind;
  /** 'BMI-2020-0007', 'R-2020-0012'. */
  id: string;
  rule: RetentionRule;
  /** Day its retention ran out. */
  expiresOn: string;
  /** When it was logged: no audit entry about it is older. */
  createdAt: string;
  /** Its own row, with the ETag read: a record changed since is not deleted. */
  main: RowKeys;
  /** Its revision when read (bumped at every change): how a complaint changed since is recognised. */
  revision: number;
  /** Rows beside it in its partition (a complaint's history), deleted with the main row, before it. */
  partitionRows: RowKeys[];
  /** Its row in the author index (FraudSignalAuthors), and what to write back if the record turns out to be kept. */
  authorIndex?: { row: RowKeys; detectedOn: string };
  /** Copies of cards about it (SharedCardCopies), filled by `findSharedCardCopies`. */
  sharedCardCopies: RowKeys[];
}

/** Where the purge reads and deletes. */
export interface RetentionTables {
  fraudSignals: TableClient;
  fraudSignalAuthors: TableClient;
  numberFloors: TableClient;
  complaints: TableClient;
  sharedCardCopies: TableClient;
  audit: TableClient;
  processedActivities: TableClient;
}

interface SignalRow {
  data: string;
}

/** The stored JSON, or undefined when it does not even parse. */
function parseData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Topics of shared cards about a record ('fraud-qualify|BMI-2025-0007|<ms>'), as bot/handlers/fraud-view.ts and
 * complaint-view.ts write them: a new kind of card about these records must be added here.
 */
export const sharedCardTopicKinds: Record<PurgedKind, readonly string[]> = {
  'fraud-signal': ['fraud-qualify', 'fraud-outcome'],
  complaint: ['complaint-assigned'],
};

/**
 * Expired fraud signals. Partitions are '<domain>|<year of detection>' and a signal is detected before its period
 * starts, so only years up to the last one that may hold expired signals are read, one partition at a time, from
 * each domain's first year (the first row of its key range); years where only unqualified signals may have expired
 * are filtered on the state server-side.
 */
export async function findExpiredFraudSignals(tables: RetentionTables, now: Date, periods: RetentionPeriods, timeZone: string): Promise<ExpiredRecord[]> {
  const confirmedUpTo = lastYearWithExpired(now, periods.fraudClosedMonths, timeZone);
  const othersUpTo = lastYearWithExpired(now, periods.fraudUnqualifiedMonths, timeZone);
  const found: ExpiredRecord[] = [];
  for (const service of fraudServices) {
    const first = await firstPartitionKey(tables.fraudSignals, odataFilter`PartitionKey ge ${`${service}|`} and PartitionKey lt ${`${service}}`}`);
    if (first === undefined) continue;
    for (let year = Number(first.split('|')[1]); year <= Math.max(confirmedUpTo, othersUpTo); year += 1) {
      const partition = fraudPartitionKey(service, year);
      let filter = odataFilter`PartitionKey eq ${partition}`;
      if (year > confirmedUpTo) filter += ` and ${odataFilter`state ne ${'confirmed'}`}`;
      else if (year > othersUpTo) filter += ` and ${odataFilter`state eq ${'confirmed'}`}`;
      await forEachPage<SignalRow>(tables.fraudSignals, { filter }, (rows) => {
        for (const row of rows) {
          // A row that does not read as a signal is never deleted blindly: the application would not show it either.
          const parsed = fraudSignalSchema.safeParse(parseData(row.data));
          if (!parsed.success) continue;
          const signal = parsed.data;
          const deadline = fraudSignalDeadline(signal, periods, timeZone);
          if (!isPastDeadline(deadline, now, timeZone)) continue;
          found.push({
            kind: 'fraud-signal',
            id: signal.id,
            rule: deadline.rule,
            expiresOn: deadline.expiresOn,
            createdAt: signal.createdAt,
            revision: signal.revision,
            main: { partitionKey: partition, rowKey: signal.id, etag: row.etag },
            partitionRows: [],
            authorIndex: { row: { partitionKey: signal.authorId, rowKey: signal.id }, detectedOn: signal.detectedOn },
            sharedCardCopies: [],
          });
        }
      });
    }
  }
  return found;
}

/**
 * Expired complaints, answered or filed. Partitions are years of receipt and a complaint is received before its
 * handling ends, so years after the last one that may hold expired complaints are not read; inside a year, open
 * complaints and history rows are left out server-side. Each one's history rows ('h|R-…|') are listed with it.
 */
export async function findExpiredComplaints(tables: RetentionTables, now: Date, periods: RetentionPeriods, timeZone: string): Promise<ExpiredRecord[]> {
  const upTo = lastYearWithExpired(now, periods.complaintsClosedMonths, timeZone);
  const [itemFirst, itemEnd] = ['R-', 'R.'];
  const first = await firstPartitionKey(tables.complaints, odataFilter`RowKey ge ${itemFirst} and RowKey lt ${itemEnd}`);
  if (first === undefined) return [];
  const found: ExpiredRecord[] = [];
  for (let year = Number(first); year <= upTo; year += 1) {
    const filter = odataFilter`PartitionKey eq ${String(year)} and RowKey ge ${itemFirst} and RowKey lt ${itemEnd} and state ne ${'open'}`;
    const expired: ExpiredRecord[] = [];
    await forEachPage<SignalRow>(tables.complaints, { filter }, (rows) => {
      for (const row of rows) {
        const parsed = complaintSchema.safeParse(parseData(row.data));
        if (!parsed.success) continue;
        const complaint = parsed.data;
        const deadline = complaintDeadline(complaint, periods);
        if (!deadline || !isPastDeadline(deadline, now, timeZone)) continue;
        expired.push({
          kind: 'complaint',
          id: complaint.id,
          rule: deadline.rule,
          expiresOn: deadline.expiresOn,
          createdAt: complaint.createdAt,
          revision: complaint.revision,
          main: { partitionKey: String(year), rowKey: complaint.id, etag: row.etag },
          partitionRows: [],
          sharedCardCopies: [],
        });
      }
    });
    for (const record of expired) {
      const prefix = `h|${record.id}|`;
      await forEachPage<object>(tables.complaints, { filter: odataFilter`PartitionKey eq ${String(year)} and RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`, select: ['RowKey'] }, (rows) => {
        for (const row of rows) record.partitionRows.push({ partitionKey: String(year), rowKey: String(row.rowKey) });
      });
    }
    found.push(...expired);
  }
  return found;
}

/** Lists the copies of cards about each record: one key-range read per kind of card, no scan. */
export async function findSharedCardCopies(tables: RetentionTables, records: readonly ExpiredRecord[]): Promise<void> {
  for (const record of records) {
    for (const kind of sharedCardTopicKinds[record.kind]) {
      const prefix = `${kind}|${record.id}|`;
      await forEachPage<object>(tables.sharedCardCopies, { filter: odataFilter`PartitionKey ge ${prefix} and PartitionKey lt ${prefixEnd(prefix)}`, select: ['PartitionKey', 'RowKey'] }, (rows) => {
        for (const row of rows) record.sharedCardCopies.push({ partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) });
      });
    }
  }
}
