import type { Locale } from '../../cards/locale';
import { toCsvRows } from '../action-plan/action-plan-csv';
import { itemsOfExport } from '../action-plan/action-plan-exchange';
import { planSheetName } from '../action-plan/action-plan-xlsx';
import type { AppServices } from '../app-services';
import type { AuditEntry } from '../audit/audit-repository';
import type { Role } from '../directory/roles';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { QuarterId } from '../reminders/quarter';
import { loadReportData, type ReportServices } from '../report/report-data';
import { reportSheets } from '../report/report-workbook';
import { yearlyReport } from '../report/yearly-report';
import { tableNames } from '../storage/table-names';
import { auditMonths, auditSheet, readAuditMonths } from './audit-export';
import { filterLabel, type ExportFilter, type ExportFormat, type ExportKind } from './export-kind-names';
import { checksSheet, complaintsSheet, fraudSheet, trainingSheet } from './export-lists';
import type { ExportSheet } from './export-table';

/** What the builders read. */
export type ExportServices = ReportServices & Pick<AppServices, 'store' | 'audit' | 'clock' | 'timeZone'>;

/** The day and calendar an export is built for (deadlines, quarters begun, training statuses). */
export interface ExportBuildContext {
  now: Date;
  today: LocalDate;
  timeZone: string;
  calendar: WorkingCalendar;
}

/** Which periods a kind accepts after its name: none, a year, a quarter of a year, a month of a year. */
export type ExportPeriodKind = 'none' | 'year' | 'quarter' | 'month';

/** One list auditors may download: who, in which formats, for which periods, and how its table is built. */
export interface ExportKindDefinition {
  /** How the export card and messages name it. */
  label: Record<Locale, string>;
  /** Who may download it; checked again at download time against the directory. */
  audience: readonly Role[];
  formats: readonly ExportFormat[];
  periods: readonly ExportPeriodKind[];
  /** Period used when none is typed; undefined means the whole list (or none applies). */
  defaultPeriod: 'current-year' | 'current-month' | 'none';
  /** File name without extension: "reclamations-2026". */
  fileStem(filter: ExportFilter | undefined, today: LocalDate): string;
  /** The table(s); a CSV holds the first one. */
  sheets(app: ExportServices, filter: ExportFilter | undefined, context: ExportBuildContext): Promise<ExportSheet[]>;
  /** The audit entry of a download; default « export.download » with kind, format, period and rows. */
  auditEntry?(actorId: string, request: { format: ExportFormat; filter?: ExportFilter }, rows: number): AuditEntry;
}

const quartersOf = (filter: ExportFilter | undefined, today: LocalDate): QuarterId[] => {
  const year = filter?.year ?? Number(today.slice(0, 4));
  const numbers = filter?.quarter === undefined ? [1, 2, 3, 4] : [filter.quarter];
  return numbers.map((q) => `${year}-Q${q}` as QuarterId);
};

const yearOf = (filter: ExportFilter | undefined, today: LocalDate) => filter?.year ?? Number(today.slice(0, 4));

/** Quality officer and admins: every list but fraud (issue 5 for the plan; the audit trail is theirs too). */
const qualityAudience: readonly Role[] = ['rq', 'admin'];

/**
 * The registry: one entry per kind, so the route (bot/export-route.ts), the command (« exporter … ») and the card
 * serve every list the same way. Adding a list: its builder (export-lists.ts), one entry here, its word in
 * bot/handlers/exports.ts, a test.
 */
export const exportKindDefinitions: Record<ExportKind, ExportKindDefinition> = {
  'action-plan': {
    label: { fr: 'Plan d’actions', en: 'Action plan' },
    audience: qualityAudience,
    formats: ['xlsx', 'csv'],
    periods: ['none', 'year'],
    defaultPeriod: 'none',
    fileStem: (filter) => `plan-d-actions-${filter?.year ?? 'complet'}`,
    sheets: async (app, filter) => {
      const [items, people] = await Promise.all([app.actions.list(), app.people.list()]);
      const [header = [], ...rows] = toCsvRows(itemsOfExport(items, filter?.year), people);
      return [{ name: planSheetName(filter?.year), header, rows }];
    },
    // The plan's downloads keep the audit action of issue 5.
    auditEntry: (actorId, request, rows) => ({ actorId, action: 'actionPlan.export', entityType: 'actionPlan', entityId: String(request.filter?.year ?? 'complet'), after: { format: request.format, rows } }),
  },
  checks: {
    label: { fr: 'Contrôles trimestriels', en: 'Quarterly checks' },
    audience: qualityAudience,
    formats: ['xlsx', 'csv'],
    periods: ['year', 'quarter'],
    defaultPeriod: 'current-year',
    fileStem: (filter, today) => `controles-${filter ? filterLabel(filter) : yearOf(filter, today)}`,
    sheets: async (app, filter, context) => {
      const quarters = quartersOf(filter, context.today);
      const [items, people, answers] = await Promise.all([app.checkItems.list(), app.people.list(), Promise.all(quarters.map((q) => app.checkAnswers.listQuarter(q)))]);
      return [checksSheet(items, answers.flat(), quarters, people, context)];
    },
  },
  training: {
    label: { fr: 'Formations', en: 'Training' },
    audience: qualityAudience,
    formats: ['xlsx', 'csv'],
    periods: ['none'],
    defaultPeriod: 'none',
    fileStem: (_filter, today) => `formations-${today}`,
    sheets: async (app, _filter, context) => {
      const [people, types, records] = await Promise.all([app.people.list(), app.trainingTypes.list(), app.trainingRecords.listAll()]);
      return [trainingSheet(people, types, records, context.today)];
    },
  },
  complaints: {
    label: { fr: 'Réclamations', en: 'Complaints' },
    audience: qualityAudience,
    formats: ['xlsx', 'csv'],
    periods: ['year'],
    defaultPeriod: 'current-year',
    fileStem: (filter, today) => `reclamations-${yearOf(filter, today)}`,
    sheets: async (app, filter, context) => {
      const [complaints, people] = await Promise.all([app.complaints.listYear(yearOf(filter, context.today)), app.people.list()]);
      return [complaintsSheet(complaints, people, context.calendar)];
    },
  },
  fraud: {
    label: { fr: 'Signalements de fraude', en: 'Fraud signals' },
    // As « fraude »: the fraud referents and the quality officer, nobody else (fraud-rules.ts).
    audience: ['fraud-referent', 'rq'],
    formats: ['xlsx', 'csv'],
    periods: ['year'],
    defaultPeriod: 'current-year',
    fileStem: (filter, today) => `fraude-${yearOf(filter, today)}`,
    sheets: async (app, filter, context) => [fraudSheet(await app.fraudSignals.listYear(yearOf(filter, context.today)), context.timeZone)],
  },
  audit: {
    label: { fr: 'Journal d’audit', en: 'Audit trail' },
    audience: qualityAudience,
    formats: ['xlsx', 'csv'],
    periods: ['month', 'year'],
    defaultPeriod: 'current-month',
    fileStem: (filter, today) => `journal-audit-${filter ? filterLabel(filter) : today.slice(0, 7)}`,
    sheets: async (app, filter, context) => {
      const year = yearOf(filter, context.today);
      const month = filter === undefined ? Number(context.today.slice(5, 7)) : filter.month;
      const [read, people] = await Promise.all([readAuditMonths(app.store.table(tableNames.audit), auditMonths(year, month)), app.people.list()]);
      return [auditSheet(read.entries, people, read.truncated)];
    },
  },
  report: {
    label: { fr: 'Bilan qualité', en: 'Yearly quality report' },
    audience: qualityAudience,
    formats: ['xlsx'],
    periods: ['year'],
    defaultPeriod: 'current-year',
    fileStem: (filter, today) => `bilan-qualite-${yearOf(filter, today)}`,
    sheets: async (app, filter, context) => {
      const year = yearOf(filter, context.today);
      const report = yearlyReport(await loadReportData(app, year), year, context);
      if (report.kind === 'no-data') return [{ name: 'Bilan', header: [`Bilan qualité ${year}`], rows: [[`Aucune donnée enregistrée pour ${year}.`]] }];
      return reportSheets(report);
    },
  },
};

/** True when a link's filter is one the kind accepts (a forged period is refused like a forged link). */
export function acceptsFilter(definition: Pick<ExportKindDefinition, 'periods'>, filter: ExportFilter | undefined): boolean {
  if (filter === undefined) return definition.periods.includes('none');
  if (filter.quarter !== undefined && filter.month !== undefined) return false;
  if (filter.quarter !== undefined) return definition.periods.includes('quarter') && filter.quarter >= 1 && filter.quarter <= 4;
  if (filter.month !== undefined) return definition.periods.includes('month') && filter.month >= 1 && filter.month <= 12;
  return definition.periods.includes('year');
}
