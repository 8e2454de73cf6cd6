/**
 * The lists auditors get as files (issue 7): each one a kind of signed download link. Apart from the registry
 * (export-kinds.ts) so that the link format (export-link.ts) does not import every list's builder.
 */
export const exportKinds = ['action-plan', 'checks', 'training', 'complaints', 'fraud', 'audit', 'report'] as const;

/** One kind of export. */
export type ExportKind = (typeof exportKinds)[number];

/** The file formats: XLSX for people, CSV (UTF-8 with BOM, `;`) for French Excel and scripts. */
export const exportFormats = ['csv', 'xlsx'] as const;

/** One format. */
export type ExportFormat = (typeof exportFormats)[number];

/** Which part of a list a link names: a year, a quarter of it, or a month of it; nothing for the whole list. */
export interface ExportFilter {
  year: number;
  /** With `year`: one quarter (checks). */
  quarter?: number;
  /** With `year`: one month (audit trail), 1–12. */
  month?: number;
}

/** The period of a filter as files and the audit trail name it: "2026", "2026-T1", "2026-03", or "complet". */
export function filterLabel(filter: ExportFilter | undefined): string {
  if (filter === undefined) return 'complet';
  if (filter.quarter !== undefined) return `${filter.year}-T${filter.quarter}`;
  if (filter.month !== undefined) return `${filter.year}-${String(filter.month).padStart(2, '0')}`;
  return String(filter.year);
}
