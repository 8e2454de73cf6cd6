import type { AppServices } from '../app-services';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import { previousQuarter, quarterOf } from '../reminders/quarter';
import { tokenOf, type ChangeStamps, type StampVector } from '../storage/change-stamps';
import { tableNames, type TableName } from '../storage/table-names';
import { areasSeenBy, overviewOf, statusAreas, type AreaData, type AreaFigures, type StatusArea, type StatusMoment, type StatusOverview, type StatusViewer } from './status-overview';

/** The tables each area of the overview is computed from: a write to one of them recomputes that area only. */
export const areaTables: { readonly [A in StatusArea]: readonly TableName[] } = {
  actions: [tableNames.actionItems],
  checks: [tableNames.checkItems, tableNames.checkAnswers],
  training: [tableNames.people, tableNames.trainingTypes, tableNames.trainingRecords],
  complaints: [tableNames.complaints],
  fraud: [tableNames.fraudSignals, tableNames.fraudVolumes],
  clu: [tableNames.cluMeetings],
  label: [tableNames.labelCalendar],
};

/** Every table the overview reads: the ones whose writes are stamped (services/storage/change-stamps.ts). */
export const statusTables: readonly TableName[] = [...new Set(Object.values(areaTables).flat())];

/** Kept figures older than this are recomputed even without a stamp change (a stamp write lost with its instance). */
export const keptFiguresMaxAgeMs = 10 * 60_000;

/** Figures kept per area, at most this many viewers each (the oldest computed are dropped first). */
export const keptViewersPerArea = 500;

/** The repositories the areas are read from. */
export type StatusRepositories = Pick<
  AppServices,
  'actions' | 'checkItems' | 'checkAnswers' | 'people' | 'trainingTypes' | 'trainingRecords' | 'complaints' | 'fraudSignals' | 'fraudVolumes' | 'clu' | 'labelCalendar'
>;

/** How each area reads its data for the day: each table once, only the partitions the figures count. */
const areaLoaders: { [A in StatusArea]: (repositories: StatusRepositories, today: LocalDate) => Promise<AreaData[A]> } = {
  actions: async ({ actions }) => ({ actions: await actions.list() }),
  checks: async ({ checkItems, checkAnswers }, today) => {
    const quarter = quarterOf(today).id;
    const [items, current, previous] = await Promise.all([checkItems.list(), checkAnswers.listQuarter(quarter), checkAnswers.listQuarter(previousQuarter(quarter).id)]);
    return { checkItems: items, checkAnswers: [...current, ...previous] };
  },
  training: async ({ people, trainingTypes, trainingRecords }) => {
    const [directory, types, records] = await Promise.all([people.list(), trainingTypes.list(), trainingRecords.listAll()]);
    return { people: directory, trainingTypes: types, trainingRecords: records };
  },
  complaints: async ({ complaints }, today) => {
    const [open, ofYear] = await Promise.all([complaints.listOpen(), complaints.listYear(Number(today.slice(0, 4)))]);
    return { complaints: [...open, ...ofYear] };
  },
  fraud: async ({ fraudSignals, fraudVolumes }, today) => {
    const year = Number(today.slice(0, 4));
    const [signals, volumes] = await Promise.all([fraudSignals.listYear(year), fraudVolumes.listYear(year)]);
    return { fraudSignals: signals, fraudVolumes: volumes };
  },
  clu: async ({ clu }) => ({ cluMeetings: await clu.list() }),
  label: async ({ labelCalendar }) => ({ labelObligations: await labelCalendar.list() }),
};

interface KeptFigures<F> {
  figures: F;
  /** The stamps of the area's tables the figures were computed under. */
  token: string;
  day: LocalDate;
  computedAt: number;
  /** The figures change at this instant without any write (the next CLU meeting starts). */
  validUntil?: number;
}

/** Who the figures are for: everything a scoping rule reads of the viewer. */
function viewerKey(viewer: StatusViewer): string {
  return `${viewer.id}|${[...viewer.roles].sort().join(',')}|${viewer.service ?? ''}`;
}

/**
 * The `statut` overview, with each area's figures kept per viewer until a table of that area changes (its change
 * stamp moves), the day turns, or `keptFiguresMaxAgeMs` passes. A turn reads the stamps (one request) and only the
 * areas that changed since: the overview of a prefecture is thousands of rows, of which a usual turn reads none.
 * The figures are those of `statusOverview` over fresh data, area by area (test/integration/status-figures.test.ts).
 */
export class StatusFigures {
  private readonly kept = new Map<StatusArea, Map<string, KeptFigures<unknown>>>();
  /** The people stamp the kept directory was last trusted under: another instance's change clears it. */
  private peopleToken?: string;

  constructor(
    private readonly repositories: StatusRepositories,
    private readonly stamps: ChangeStamps,
    /** Monotonic milliseconds for the figures' age (not business time). */
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** The overview of `viewer` at `now`. */
  async overview(viewer: StatusViewer, now: Date, calendar: WorkingCalendar): Promise<StatusOverview> {
    const moment: StatusMoment = { now, calendar, today: calendar.localDateOf(now) };
    const vector = await this.stamps.read();
    const key = viewerKey(viewer);
    const areas = areasSeenBy(viewer);
    const computed = await Promise.all(areas.map((area) => this.figuresOf(area, viewer, key, moment, vector)));
    const figures = Object.fromEntries(areas.map((area, index) => [area, computed[index]])) as unknown as AreaFigures;
    return overviewOf(viewer, moment.today, figures);
  }

  private async figuresOf<A extends StatusArea>(area: A, viewer: StatusViewer, key: string, moment: StatusMoment, vector: StampVector): Promise<AreaFigures[A]> {
    const token = tokenOf(vector, areaTables[area]);
    const byViewer = this.kept.get(area) ?? new Map<string, KeptFigures<unknown>>();
    this.kept.set(area, byViewer);
    const kept = byViewer.get(key) as KeptFigures<AreaFigures[A]> | undefined;
    const age = this.monotonicNow();
    if (kept && kept.token === token && kept.day === moment.today && age - kept.computedAt < keptFiguresMaxAgeMs && (kept.validUntil === undefined || moment.now.getTime() < kept.validUntil)) {
      return kept.figures;
    }
    if (area === 'training') this.trustPeopleUnder(tokenOf(vector, [tableNames.people]));
    const data = await areaLoaders[area](this.repositories, moment.today);
    const figures = statusAreas[area](data, viewer, moment);
    byViewer.delete(key);
    byViewer.set(key, { figures, token, day: moment.today, computedAt: age, validUntil: validUntilOf(area, figures) });
    if (byViewer.size > keptViewersPerArea) byViewer.delete(byViewer.keys().next().value as string);
    return figures;
  }

  /** The directory kept in memory may lag another instance's write by a minute: a moved stamp drops it first. */
  private trustPeopleUnder(token: string): void {
    if (this.peopleToken !== token) this.repositories.people.invalidate();
    this.peopleToken = token;
  }
}

/** The next CLU meeting is « next » until it starts; every other figure changes with a write or the day. */
function validUntilOf(area: StatusArea, figures: unknown): number | undefined {
  if (area !== 'clu') return undefined;
  const next = (figures as AreaFigures['clu']).next;
  return next ? Date.parse(next.startsAt) : undefined;
}
