import type { ActionItem } from '../action-plan/action-item';
import type { CheckAnswer, CheckItem } from '../checks/check-item';
import type { Complaint } from '../complaints/complaint';
import { complaintStats, type ComplaintStats } from '../complaints/complaint-stats';
import type { Person } from '../directory/person';
import type { FraudSignal } from '../fraud/fraud-signal';
import type { FraudTarget } from '../fraud/fraud-targets';
import type { FraudVolume } from '../fraud/fraud-volumes';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { TrainingRecord } from '../training/training-record';
import type { TrainingType } from '../training/training-type';
import { replyTimes, type ReplyTimes } from './reply-times';
import { reportIndicators, type IndicatorDefinition, type IndicatorEntry } from './report-indicators';
import {
  actionPlanSection,
  checksSection,
  fraudSection,
  indicatorLines,
  trainingSection,
  type ActionPlanSection,
  type CheckQuarterLine,
  type FraudSection,
  type IndicatorLine,
  type TrainingSection,
} from './report-sections';

/**
 * What the yearly report is computed from: the stored data of the year and the year before (for the annex's
 * previous-year column); anything of other years is ignored. Loaded by report-data.ts.
 */
export interface YearlyReportData {
  complaints: readonly Complaint[];
  trainingTypes: readonly TrainingType[];
  trainingRecords: readonly TrainingRecord[];
  /** The directory: whom each training is required of. */
  people: readonly Pick<Person, 'id' | 'roles' | 'service' | 'toAssign'>[];
  fraudSignals: readonly Pick<FraudSignal, 'service' | 'detectedOn' | 'state' | 'article40'>[];
  fraudVolumes: readonly Pick<FraudVolume, 'service' | 'period' | 'volume'>[];
  actions: readonly ActionItem[];
  checkItems: readonly CheckItem[];
  /** Answers of the year's four quarters. */
  checkAnswers: readonly CheckAnswer[];
  /** Figures the quality officer entered (report-indicators.ts). */
  indicators: readonly IndicatorEntry[];
  /** Defaults: the national targets of fraud-targets.ts and the indicators of report-indicators.ts. */
  fraudTargets?: readonly FraudTarget[];
  indicatorDefinitions?: readonly IndicatorDefinition[];
}

/** Complaints, suggestions and information requests (annex 1, part II « QUESTIONS ET RECLAMATIONS »). */
export interface ComplaintsSection extends ComplaintStats {
  /** In-scope requests of the year before (« 42 pour 78 en 2019 »), when any request was logged that year. */
  previousTotal?: number;
  /** Working days to the reply on the substance, in-scope requests of the year. */
  replyDays: ReplyTimes;
}

/** The yearly report: the tables of seed 003's annex 1 computed from what was logged (issue 7). */
export interface YearlyReport {
  kind: 'report';
  year: number;
  /** Day statuses and lateness are read on: 31 December for a past year, today for the year under way. */
  asOf: LocalDate;
  complaints: ComplaintsSection;
  /** III and IV: delays of titles, calls, website (entered by the quality officer). */
  indicators: IndicatorLine[];
  fraud: FraudSection;
  training: TrainingSection;
  actionPlan: ActionPlanSection;
  checks: CheckQuarterLine[];
}

/** The report, or « no data » for a year where nothing at all was logged nor entered. */
export type YearlyReportResult = YearlyReport | { kind: 'no-data'; year: number };

const inYear = (date: string | undefined, year: number) => (date ?? '').startsWith(`${year}-`);

/** True when anything was logged or entered for the year (targets and the catalogue are not data). */
export function hasDataFor(data: YearlyReportData, year: number): boolean {
  return (
    data.complaints.some((complaint) => inYear(complaint.receivedOn, year)) ||
    data.fraudSignals.some((signal) => inYear(signal.detectedOn, year)) ||
    data.fraudVolumes.some((volume) => volume.period.startsWith(String(year))) ||
    data.trainingRecords.some((record) => inYear(record.completedOn, year)) ||
    data.actions.some((item) => item.year === year || inYear(item.closedOn, year)) ||
    data.checkAnswers.some((answer) => answer.quarter.startsWith(`${year}-`)) ||
    data.indicators.some((entry) => entry.period.startsWith(String(year)))
  );
}

/**
 * The yearly quality report of `year` (seed 003, annex 1): requests per channel with their shares (adding to 100)
 * and reply times; delays of titles and reception indicators entered per period, against their targets with the
 * legend; fraud rates per thousand files against the national targets with the legend and article-40 reports;
 * people trained per commitment; the action plan's progress; the quarterly checks. `today` decides what is late
 * and the status date of an unfinished year; `calendar` counts working days (E.17).
 */
export function yearlyReport(data: YearlyReportData, year: number, context: { today: LocalDate; calendar: WorkingCalendar }): YearlyReportResult {
  if (!hasDataFor(data, year)) return { kind: 'no-data', year };
  const { today, calendar } = context;
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const stats = complaintStats(data.complaints, year, today);
  const previousLogged = data.complaints.some((complaint) => inYear(complaint.receivedOn, year - 1));
  const inScope = data.complaints.filter((complaint) => inYear(complaint.receivedOn, year) && complaint.inScope);
  return {
    kind: 'report',
    year,
    asOf,
    complaints: {
      ...stats,
      previousTotal: previousLogged ? complaintStats(data.complaints, year - 1, today).total : undefined,
      replyDays: replyTimes(inScope, calendar),
    },
    indicators: indicatorLines(data.indicatorDefinitions ?? reportIndicators, data.indicators, year),
    fraud: fraudSection({ signals: data.fraudSignals, volumes: data.fraudVolumes, targets: data.fraudTargets }, year),
    training: trainingSection(data.trainingTypes, data.trainingRecords, data.people, year, asOf),
    actionPlan: actionPlanSection(data.actions, year, today),
    checks: checksSection(data.checkItems, data.checkAnswers, year, today),
  };
}
