import type { ActionFilters } from '../action-plan/action-filters';
import type { ActionItem } from '../action-plan/action-item';
import { planView, type PlanCounts } from '../action-plan/action-plan-view';
import type { CheckAnswer, CheckItem } from '../checks/check-item';
import { meetingDay, nextMeetingDue, upcomingMeeting } from '../clu/clu-dates';
import type { CluMeeting } from '../clu/clu-meeting';
import type { Complaint } from '../complaints/complaint';
import { isLate } from '../complaints/complaint-deadline';
import { complaintStats } from '../complaints/complaint-stats';
import { complaintScopeFor, inComplaintScope } from '../complaints/complaint-views';
import type { Person } from '../directory/person';
import type { FraudService } from '../fraud/fraud-catalog';
import { fraudRates, fraudTotals, type NoRateReason } from '../fraud/fraud-rates';
import type { FraudSignal } from '../fraud/fraud-signal';
import type { FraudVolume } from '../fraud/fraud-volumes';
import { late as lateObligations } from '../label-calendar/label-calendar-views';
import { isPending, type LabelObligation } from '../label-calendar/label-obligation';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import { previousQuarter, quarterOf, type Quarter, type QuarterId } from '../reminders/quarter';
import { followedPeople, trainingScopeOf } from '../training/training-overview';
import type { TrainingRecord } from '../training/training-record';
import { recordsByPerson, trainingStatus } from '../training/training-status';
import type { TrainingType } from '../training/training-type';

/** Who is asking: what the scoping rules read. */
export type StatusViewer = Pick<Person, 'id' | 'roles' | 'service'>;

/** Whose figures the overview shows (issue 7: the quality officer all; a manager their service; an agent their own). */
export type StatusScope = { kind: 'all' } | { kind: 'service'; service: string } | { kind: 'own' };

/** Training "expiring" on the overview: within this many days (issue 7: "expiring within 90 days"). */
export const expiringSoonDays = 90;

/** What the overview is computed from, as the repositories hold it. */
export interface StatusData {
  actions: readonly ActionItem[];
  checkItems: readonly CheckItem[];
  /** Answers of the current quarter and of the previous one (others are ignored). */
  checkAnswers: readonly Pick<CheckAnswer, 'itemId' | 'quarter'>[];
  /** The directory: whose training is followed. */
  people: readonly Person[];
  trainingTypes: readonly TrainingType[];
  trainingRecords: readonly TrainingRecord[];
  /** Complaints still open, whatever their year, and those received this year (duplicates are counted once). */
  complaints: readonly Complaint[];
  /** This year's fraud signals and volumes; read only for those who may see them. */
  fraudSignals: readonly Pick<FraudSignal, 'service' | 'detectedOn' | 'state' | 'article40'>[];
  fraudVolumes: readonly Pick<FraudVolume, 'service' | 'period' | 'volume'>[];
  cluMeetings: readonly CluMeeting[];
  labelObligations: readonly LabelObligation[];
}

/** The quarterly checks: this quarter's, and the previous quarter's left without an answer (late, DOMAIN §1). */
export interface ChecksFigures {
  quarter: QuarterId;
  /** Items owed this quarter in the scope. */
  owed: number;
  done: number;
  toDo: number;
  previousQuarter: QuarterId;
  /** Items owed last quarter that got no answer: « en retard » on `contrôles` of that quarter. */
  previousLate: number;
}

/** Training lines (one per person and required type) that ask for something. */
export interface TrainingFigures {
  /** People whose training is counted. */
  people: number;
  expired: number;
  /** Never declared: due now (DOMAIN §2). */
  missing: number;
  /** Still valid, expiring within `expiringSoonDays`. */
  expiringSoon: number;
}

/** Complaints: still open (any year), late, and this year's share answered in time (E.17). */
export interface ComplaintFigures {
  open: number;
  late: number;
  year: number;
  /** In-scope requests of the year answered on the substance. */
  answered: number;
  answeredOnTime: number;
  /** Whole percent; undefined before any answer. */
  onTimeShare?: number;
}

/** One fraud domain's year: signals counted and the rate per thousand files, or why none. */
export interface FraudDomainFigures {
  service: FraudService;
  counted: number;
  perThousand?: number;
  noRate?: NoRateReason;
  target?: number;
  meetsTarget?: boolean;
}

/** Fraud this year, for the fraud referents and the quality officer only (DOMAIN "Fraud signals"). */
export interface FraudFigures {
  year: number;
  counted: number;
  /** Still being qualified. */
  awaiting: number;
  article40: number;
  /** Domains with signals or a volume entered. */
  domains: FraudDomainFigures[];
}

/** The CLU: the next meeting planned and, for the quality officer, when the next one is due (DOMAIN §4). */
export interface CluFigures {
  next?: { id: string; startsAt: string };
  /** Due date (last meeting + 12 months), shown to the quality officer and admins as on the `clu` card. */
  dueOn?: LocalDate;
  /** Nothing planned by the due date, or the meeting planned falls after it. */
  late: boolean;
}

/** The label calendar: the next obligation due and how many are late (DOMAIN §5). */
export interface LabelFigures {
  next?: Pick<LabelObligation, 'id' | 'label' | 'reference' | 'dueOn'>;
  late: number;
}

/** The `statut` overview: one set of figures per area, each in the viewer's scope. */
export interface StatusOverview {
  scope: StatusScope;
  today: LocalDate;
  actions: PlanCounts;
  checks: ChecksFigures;
  training: TrainingFigures;
  complaints: ComplaintFigures;
  /** Absent for whoever may not see fraud signals. */
  fraud?: FraudFigures;
  clu: CluFigures;
  label: LabelFigures;
}

/** The widest scope of a viewer; every area applies its own rule with the same outcome (plan, checks, training, complaints). */
export function statusScopeOf(viewer: StatusViewer): StatusScope {
  if (viewer.roles.includes('rq') || viewer.roles.includes('admin')) return { kind: 'all' };
  if (viewer.roles.includes('manager') && viewer.service !== undefined) return { kind: 'service', service: viewer.service };
  return { kind: 'own' };
}

/** Sees the fraud line: the fraud referents and the quality officer (the audience of `fraude`). */
export function seesFraudFigures(viewer: Pick<Person, 'roles'>): boolean {
  return viewer.roles.includes('rq') || viewer.roles.includes('fraud-referent');
}

/** Sees when the next CLU is due: those who run it (the `clu` card shows it to them only). */
export function seesCluDueDate(viewer: Pick<Person, 'roles'>): boolean {
  return viewer.roles.includes('rq') || viewer.roles.includes('admin');
}

const noFilters: ActionFilters = { overdue: false, awaitingApproval: false, proposals: false, all: false, years: [], services: [], unknown: [] };

/** The check items a viewer follows for a quarter, as `contrôles` lists them (bot/handlers/checks.ts). */
export function checkItemsInScope(items: readonly CheckItem[], viewer: StatusViewer, quarter: Quarter): CheckItem[] {
  const scope = statusScopeOf(viewer);
  return items.filter(
    (item) =>
      item.active &&
      item.createdAt.slice(0, 10) <= quarter.end &&
      (scope.kind === 'all' || item.ownerId === viewer.id || (scope.kind === 'service' && item.service === scope.service)),
  );
}

function checksFigures(data: AreaData['checks'], viewer: StatusViewer, today: LocalDate): ChecksFigures {
  const current = quarterOf(today);
  const previous = previousQuarter(current.id);
  const answered = (quarter: QuarterId) => new Set(data.checkAnswers.filter((answer) => answer.quarter === quarter).map((answer) => answer.itemId));
  const owed = checkItemsInScope(data.checkItems, viewer, current);
  const doneNow = answered(current.id);
  const done = owed.filter((item) => doneNow.has(item.id)).length;
  const donePrevious = answered(previous.id);
  const previousLate = checkItemsInScope(data.checkItems, viewer, previous).filter((item) => !donePrevious.has(item.id)).length;
  return { quarter: current.id, owed: owed.length, done, toDo: owed.length - done, previousQuarter: previous.id, previousLate };
}

function trainingFigures(data: AreaData['training'], viewer: StatusViewer, today: LocalDate): TrainingFigures {
  const scope = trainingScopeOf(viewer);
  const group: StatusViewer[] =
    scope.kind === 'own' ? [viewer] : followedPeople(data.people).filter((person) => scope.kind === 'all' || person.service === scope.service);
  const byPerson = recordsByPerson(data.trainingRecords);
  const figures: TrainingFigures = { people: group.length, expired: 0, missing: 0, expiringSoon: 0 };
  for (const person of group) {
    for (const line of trainingStatus(person, data.trainingTypes, byPerson.get(person.id) ?? [], today)) {
      if (line.state === 'expired') figures.expired += 1;
      else if (line.state === 'missing') figures.missing += 1;
      else if (line.state === 'expiring' && (line.daysLeft ?? Infinity) <= expiringSoonDays) figures.expiringSoon += 1;
    }
  }
  return figures;
}

function complaintFigures(data: AreaData['complaints'], viewer: StatusViewer, today: LocalDate): ComplaintFigures {
  const scope = complaintScopeFor(viewer);
  const unique = [...new Map(data.complaints.map((complaint) => [complaint.id, complaint])).values()];
  const visible = unique.filter((complaint) => inComplaintScope(complaint, viewer, scope));
  const open = visible.filter((complaint) => complaint.state === 'open');
  const year = Number(today.slice(0, 4));
  const stats = complaintStats(visible, year, today);
  return {
    open: open.length,
    late: open.filter((complaint) => isLate(complaint, today)).length,
    year,
    answered: stats.answered,
    answeredOnTime: stats.answeredOnTime,
    onTimeShare: stats.onTimeShare,
  };
}

function fraudFigures(data: AreaData['fraud'], year: number): FraudFigures {
  const figures = fraudRates({ signals: data.fraudSignals, volumes: data.fraudVolumes, year });
  const totals = fraudTotals(figures);
  return {
    year,
    counted: totals.counted,
    awaiting: totals.awaiting,
    article40: totals.article40,
    domains: figures
      .filter(({ year: figuresOfYear }) => figuresOfYear.counted + figuresOfYear.notConfirmed > 0 || figuresOfYear.volume !== undefined)
      .map(({ service, year: y }) => ({ service, counted: y.counted, perThousand: y.perThousand, noRate: y.noRate, target: y.target, meetsTarget: y.meetsTarget })),
  };
}

function cluFigures(data: AreaData['clu'], viewer: StatusViewer, now: Date, calendar: WorkingCalendar, today: LocalDate): CluFigures {
  const next = upcomingMeeting(data.cluMeetings, now);
  const due = nextMeetingDue(data.cluMeetings, now, calendar);
  // Same rule as the `clu` card: late when nothing is planned by the due day, or the meeting planned falls after it.
  const late = due !== undefined && (next ? meetingDay(next, calendar) > due.dueOn : due.dueOn < today);
  const shown = seesCluDueDate(viewer);
  return { next: next ? { id: next.id, startsAt: next.startsAt } : undefined, dueOn: shown ? due?.dueOn : undefined, late: shown && late };
}

function labelFigures(data: AreaData['label'], today: LocalDate): LabelFigures {
  const next = data.labelObligations
    .filter((obligation) => isPending(obligation) && obligation.dueOn >= today)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))[0];
  return {
    next: next ? { id: next.id, label: next.label, reference: next.reference, dueOn: next.dueOn } : undefined,
    late: lateObligations(data.labelObligations, today).length,
  };
}

/** The areas of the overview, each computed from its own tables (what services/status/status-figures.ts keeps). */
export type StatusArea = 'actions' | 'checks' | 'training' | 'complaints' | 'fraud' | 'clu' | 'label';

/** What each area is computed from. */
export interface AreaData {
  actions: Pick<StatusData, 'actions'>;
  checks: Pick<StatusData, 'checkItems' | 'checkAnswers'>;
  training: Pick<StatusData, 'people' | 'trainingTypes' | 'trainingRecords'>;
  complaints: Pick<StatusData, 'complaints'>;
  fraud: Pick<StatusData, 'fraudSignals' | 'fraudVolumes'>;
  clu: Pick<StatusData, 'cluMeetings'>;
  label: Pick<StatusData, 'labelObligations'>;
}

/** Each area's figures. */
export interface AreaFigures {
  actions: PlanCounts;
  checks: ChecksFigures;
  training: TrainingFigures;
  complaints: ComplaintFigures;
  fraud: FraudFigures;
  clu: CluFigures;
  label: LabelFigures;
}

/** When an area's figures are computed: the instant, its working calendar and the local day. */
export interface StatusMoment {
  now: Date;
  calendar: WorkingCalendar;
  today: LocalDate;
}

/** Each area's rule: its figures from its data, for one viewer at one moment (the day, and the instant for the CLU). */
export const statusAreas: { [A in StatusArea]: (data: AreaData[A], viewer: StatusViewer, at: StatusMoment) => AreaFigures[A] } = {
  actions: (data, viewer, { today }) => planView(data.actions, viewer, noFilters, today, 0).counts,
  checks: (data, viewer, { today }) => checksFigures(data, viewer, today),
  training: (data, viewer, { today }) => trainingFigures(data, viewer, today),
  complaints: (data, viewer, { today }) => complaintFigures(data, viewer, today),
  fraud: (data, _viewer, { today }) => fraudFigures(data, Number(today.slice(0, 4))),
  clu: (data, viewer, { now, calendar, today }) => cluFigures(data, viewer, now, calendar, today),
  label: (data, _viewer, { today }) => labelFigures(data, today),
};

/** The areas a viewer sees: fraud only for the fraud referents and the quality officer. */
export function areasSeenBy(viewer: StatusViewer): StatusArea[] {
  const areas: StatusArea[] = ['actions', 'checks', 'training', 'complaints', 'clu', 'label'];
  return seesFraudFigures(viewer) ? [...areas, 'fraud'] : areas;
}

/** The overview from each area's figures (computed now, or kept from an earlier turn by status-figures.ts). */
export function overviewOf(viewer: StatusViewer, today: LocalDate, figures: Omit<AreaFigures, 'fraud'> & { fraud?: FraudFigures }): StatusOverview {
  return { scope: statusScopeOf(viewer), today, ...figures, fraud: seesFraudFigures(viewer) ? figures.fraud : undefined };
}

/**
 * The `statut` overview (issue 7, DOMAIN "What the quality officer asks by message"): action plan (open, overdue,
 * awaiting approval), this quarter's checks (done, to do) and last quarter's left late, training (expired, never
 * declared, expiring within 90 days), complaints (open, late, share answered in time this year), fraud (signals and
 * rate per domain this year, referents and RQ only), the next CLU and the next label deadline. Each area uses the
 * rule of its own view, so a figure matches the detail its line leads to.
 */
export function statusOverview(data: StatusData, viewer: StatusViewer, at: { now: Date; calendar: WorkingCalendar }): StatusOverview {
  const moment: StatusMoment = { ...at, today: at.calendar.localDateOf(at.now) };
  return overviewOf(viewer, moment.today, {
    actions: statusAreas.actions(data, viewer, moment),
    checks: statusAreas.checks(data, viewer, moment),
    training: statusAreas.training(data, viewer, moment),
    complaints: statusAreas.complaints(data, viewer, moment),
    fraud: seesFraudFigures(viewer) ? statusAreas.fraud(data, viewer, moment) : undefined,
    clu: statusAreas.clu(data, viewer, moment),
    label: statusAreas.label(data, viewer, moment),
  });
}
