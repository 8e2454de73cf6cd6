import type { TableClient } from '@azure/data-tables';
import { odataFilter } from '../storage/odata-filter';
import { isNotFound } from '../storage/storage-errors';
import type { PurgedKind } from './retention-candidates';
import { forEachPage } from './retention-storage';

/** An audit entry whose values must be blanked: only the fields holding a copy of the record. */
export interface AuditRedaction {
  partitionKey: string;
  rowKey: string;
  /** True when that value holds something to blank. */
  before: boolean;
  after: boolean;
}

interface AuditValues {
  entityType: string;
  entityId: string;
  before: string;
  after: string;
}

/** What replaces a purged record's values in the audit trail: when it was purged, nothing of what it said. */
export function purgedMarker(at: Date): string {
  return JSON.stringify({ purgedAt: at.toISOString() });
}

/** True for a stored value that holds nothing to blank: none, or already blanked by a purge. */
function isBlank(json: string | undefined): boolean {
  if (json === undefined || json === 'null' || json === '') return true;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'purgedAt' in value;
  } catch {
    return false;
  }
}

/** The months ('YYYY-MM', UTC as the audit trail's partitions) from `from`'s to `to`'s, both included. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  const endYear = to.getUTCFullYear();
  const endMonth = to.getUTCMonth();
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
  }
  return months;
}

/**
 * The audit entries that still hold a copy of a purged record: `fraud.submit` and `complaint.create` store the whole
 * record, qualifications and steps its before and after. Reads the months from the oldest record's creation to now
 * (one partition each, filtered on the two entity types server-side, keys and ids only), then the values of the
 * entries found (a point read each), and returns, per 'kind|id', the rows to blank. Entries already blanked by an
 * interrupted run are left out, so a rerun counts only what is left.
 */
export async function findAuditCopies(
  audit: TableClient,
  records: readonly { kind: PurgedKind; id: string; createdAt: string }[],
  now: Date,
): Promise<Map<string, AuditRedaction[]>> {
  const found = new Map<string, AuditRedaction[]>();
  if (records.length === 0) return found;
  const wanted = new Set(records.map((record) => `${record.kind}|${record.id}`));
  const oldest = new Date(Math.min(...records.map((record) => Date.parse(record.createdAt))));
  const matches: { key: string; partitionKey: string; rowKey: string }[] = [];
  for (const month of monthsBetween(oldest, now)) {
    const filter = odataFilter`PartitionKey eq ${month} and (entityType eq ${'fraud-signal'} or entityType eq ${'complaint'})`;
    await forEachPage<Pick<AuditValues, 'entityType' | 'entityId'>>(audit, { filter, select: ['PartitionKey', 'RowKey', 'entityType', 'entityId'] }, (rows) => {
      for (const row of rows) {
        const key = `${row.entityType}|${row.entityId}`;
        if (wanted.has(key)) matches.push({ key, partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) });
      }
    });
  }
  for (const { key, partitionKey, rowKey } of matches) {
    let values: AuditValues;
    try {
      values = await audit.getEntity<AuditValues>(partitionKey, rowKey, { queryOptions: { select: ['before', 'after'] } });
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    const redaction: AuditRedaction = { partitionKey, rowKey, before: !isBlank(values.before), after: !isBlank(values.after) };
    if (redaction.before || redaction.after) found.set(key, [...(found.get(key) ?? []), redaction]);
  }
  return found;
}

/**
 * Blanks the values of audit entries, keeping who did what to which number and when: the trail still shows the
 * record existed and was handled, and no longer what it said. The one update the append-only trail allows, and
 * only for records whose retention ran out. Returns how many entries were blanked.
 */
export async function blankAuditCopies(audit: TableClient, redactions: readonly AuditRedaction[], at: Date): Promise<number> {
  const marker = purgedMarker(at);
  let blanked = 0;
  for (const redaction of redactions) {
    const fields: Record<string, string> = {};
    if (redaction.before) fields.before = marker;
    if (redaction.after) fields.after = marker;
    try {
      await audit.updateEntity({ partitionKey: redaction.partitionKey, rowKey: redaction.rowKey, ...fields }, 'Merge');
      blanked += 1;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return blanked;
}
