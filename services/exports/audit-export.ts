import type { TableClient } from '@azure/data-tables';
import type { StoredAuditEntry } from '../audit/audit-repository';
import type { Person } from '../directory/person';
import { storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { listOnePage } from '../storage/table-pages';
import { protectedRows, type ExportSheet } from './export-table';
import { peopleById, personCell } from './list-cells';

/** Most entries one export holds: a busy year stays far below; past it the file says it was cut. */
export const maxAuditExportRows = 50_000;

/** Entries read per request: Azure Tables' largest page. */
const pageSize = 1000;

interface AuditRow {
  at: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string;
  after: string;
}

/** The months a period covers: the month asked, or the twelve of the year. */
export function auditMonths(year: number, month?: number): string[] {
  const months = month === undefined ? Array.from({ length: 12 }, (_, index) => index + 1) : [month];
  return months.map((m) => `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
}

/**
 * Reads the audit trail of some months, newest first within each, page after page (AuditRepository keeps one
 * partition per month and lists one page only; an export needs them all). Stops at `limit` entries.
 */
export async function readAuditMonths(table: TableClient, months: readonly string[], limit = maxAuditExportRows): Promise<{ entries: StoredAuditEntry[]; truncated: boolean }> {
  const entries: StoredAuditEntry[] = [];
  for (const month of months) {
    const filter = partitionFilter(storageKey(month, 'audit month', /^\d{4}-\d{2}$/), 'audit month');
    let continuationToken: string | undefined;
    do {
      const page = await listOnePage<AuditRow>(table, { filter, pageSize, continuationToken });
      for (const row of page.items) {
        if (entries.length >= limit) return { entries, truncated: true };
        entries.push({ at: row.at, actorId: row.actorId, action: row.action, entityType: row.entityType, entityId: row.entityId, before: JSON.parse(row.before) as unknown, after: JSON.parse(row.after) as unknown });
      }
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }
  return { entries, truncated: false };
}

/** A stored value as one cell: JSON, blank for none. */
function jsonCell(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/**
 * The audit trail of a period as a table, oldest first (the order an auditor reads a log in): instant (UTC, as
 * stored), author by e-mail, action, entity, and the values before and after as JSON.
 */
export function auditSheet(entries: readonly StoredAuditEntry[], people: readonly Pick<Person, 'id' | 'email'>[], truncated: boolean): ExportSheet {
  const byId = peopleById(people);
  const rows = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((entry) => [entry.at, personCell(entry.actorId, byId), entry.action, entry.entityType, entry.entityId, jsonCell(entry.before), jsonCell(entry.after)]);
  if (truncated) rows.push(['', '', `Export limité à ${maxAuditExportRows} entrées : exportez un mois à la fois.`, '', '', '', '']);
  return { name: 'Journal d’audit', header: ['Date (UTC)', 'Auteur', 'Action', 'Type', 'Identifiant', 'Avant', 'Après'], rows: protectedRows(rows) };
}
