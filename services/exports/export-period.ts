import type { LocalDate } from '../reminders/calendar';
import { parseQuarterId } from '../reminders/quarter';
import type { ExportFilter } from './export-kind-names';
import type { ExportKindDefinition, ExportPeriodKind } from './export-kinds';

/** Oldest year an export may name. */
const firstYear = 2000;

/** A typed period: what it names, or why it is refused. */
export type PeriodReading = { ok: true; filter: ExportFilter | undefined } | { ok: false; reason: 'unreadable' | 'not-offered' | 'future' };

/** Words meaning "everything" after a list's name (the whole plan). */
const wholeWords = new Set(['complet', 'tout', 'toutes', 'tous', 'entier', 'all', 'whole', 'full']);

/** What a period text names, before checking the kind accepts it. */
function readPeriod(text: string): { kind: ExportPeriodKind | 'default'; filter: ExportFilter | undefined } | undefined {
  const typed = text.trim().toLowerCase();
  if (typed === '') return { kind: 'default', filter: undefined };
  if (wholeWords.has(typed)) return { kind: 'none', filter: undefined };
  if (/^\d{4}$/.test(typed)) return { kind: 'year', filter: { year: Number(typed) } };
  const reversed = /^([qt][1-4])[\s-]+(\d{4})$/.exec(typed);
  const quarter = parseQuarterId(reversed ? `${reversed[2] ?? ''}-${reversed[1] ?? ''}` : typed);
  if (quarter) return { kind: 'quarter', filter: { year: Number(quarter.slice(0, 4)), quarter: Number(quarter.slice(6)) } };
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(typed);
  const frenchMonth = /^(\d{1,2})\/(\d{4})$/.exec(typed);
  const [year, month] = isoMonth ? [Number(isoMonth[1]), Number(isoMonth[2])] : frenchMonth ? [Number(frenchMonth[2]), Number(frenchMonth[1])] : [0, 0];
  if (month >= 1 && month <= 12) return { kind: 'month', filter: { year, month } };
  return undefined;
}

/** The first day of the period a filter names. */
function startOf(filter: ExportFilter): LocalDate {
  const month = filter.month ?? (filter.quarter === undefined ? 1 : (filter.quarter - 1) * 3 + 1);
  return `${String(filter.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/**
 * Reads the period typed after a list's name (« exporter réclamations 2025 », « exporter contrôles 2026-T1 »,
 * « exporter audit 2026-03 »): a year, a quarter (2026-T1, T1 2026), a month (2026-03, 03/2026), or nothing for the
 * kind's default (this year, this month, or the whole list). Refused when unreadable, not offered by the kind, or
 * not begun on `today`.
 */
export function parseExportPeriod(text: string, definition: Pick<ExportKindDefinition, 'periods' | 'defaultPeriod'>, today: LocalDate): PeriodReading {
  const read = readPeriod(text);
  if (!read) return { ok: false, reason: 'unreadable' };
  if (read.kind === 'default') {
    if (definition.defaultPeriod === 'current-year') return { ok: true, filter: { year: Number(today.slice(0, 4)) } };
    if (definition.defaultPeriod === 'current-month') return { ok: true, filter: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) } };
  }
  if (read.kind === 'none' || read.kind === 'default') return definition.periods.includes('none') ? { ok: true, filter: undefined } : { ok: false, reason: 'not-offered' };
  if (!definition.periods.includes(read.kind) || read.filter === undefined || read.filter.year < firstYear) return { ok: false, reason: 'not-offered' };
  if (startOf(read.filter) > today) return { ok: false, reason: 'future' };
  return { ok: true, filter: read.filter };
}
