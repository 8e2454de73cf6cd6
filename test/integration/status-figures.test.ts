import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { formatActionId } from '../../services/action-plan/action-number';
import { demoActionPlan } from '../../services/action-plan/demo-action-plan';
import { createAppServices, type AppServices } from '../../services/app-services';
import { seedDemo } from '../../services/demo/seed-demo';
import type { Person } from '../../services/directory/person';
import { previousQuarter, quarterOf } from '../../services/reminders/quarter';
import { ChangeStamps } from '../../services/storage/change-stamps';
import { tableNames, type TableName } from '../../services/storage/table-names';
import { TableStore } from '../../services/storage/table-store';
import { statusOverview, type StatusOverview, type StatusViewer } from '../../services/status/status-overview';
import { alex, megan } from '../support/activities';
import { movableClock, testConnectionString, uniqueTablePrefix } from '../support/test-storage';

/** Requests per table made through `app`'s clients from now on. */
function countRequests(app: AppServices): { byTable: Map<TableName, number>; reset(): void } {
  const byTable = new Map<TableName, number>();
  for (const name of Object.values(tableNames) as TableName[]) {
    const policy: PipelinePolicy = {
      name: `test-count-${name}`,
      sendRequest: (request, next) => {
        byTable.set(name, (byTable.get(name) ?? 0) + 1);
        return next(request);
      },
    };
    app.store.table(name).pipeline.addPolicy(policy);
  }
  return { byTable, reset: () => byTable.clear() };
}

/** The overview computed the way it was before anything was kept: every table read now. */
async function overviewFromScratch(app: AppServices, viewer: StatusViewer, now: Date): Promise<StatusOverview> {
  const today = app.calendar.localDateOf(now);
  const year = Number(today.slice(0, 4));
  const quarter = quarterOf(today).id;
  const [actions, checkItems, current, previous, people, trainingTypes, trainingRecords, open, ofYear, fraudSignals, fraudVolumes, cluMeetings, labelObligations] =
    await Promise.all([
      app.actions.list(),
      app.checkItems.list(),
      app.checkAnswers.listQuarter(quarter),
      app.checkAnswers.listQuarter(previousQuarter(quarter).id),
      app.people.list(),
      app.trainingTypes.list(),
      app.trainingRecords.listAll(),
      app.complaints.listOpen(),
      app.complaints.listYear(year),
      app.fraudSignals.listYear(year),
      app.fraudVolumes.listYear(year),
      app.clu.list(),
      app.labelCalendar.list(),
    ]);
  const data = { actions, checkItems, checkAnswers: [...current, ...previous], people, trainingTypes, trainingRecords, complaints: [...open, ...ofYear], fraudSignals, fraudVolumes, cluMeetings, labelObligations };
  return statusOverview(data, viewer, { now, calendar: app.calendar });
}

/** A second instance of the bot on the same tables: its own clients, its own kept figures. */
function secondInstance(first: AppServices, prefix: string): AppServices {
  return createAppServices(new TableStore({ kind: 'connectionString', connectionString: testConnectionString() }, prefix), first.clock, { referentiel: 'cher', timeZone: 'Europe/Paris' });
}

async function newActions(app: AppServices, count: number, from: number): Promise<void> {
  const now = app.clock.now();
  const template = demoActionPlan(now, app.calendar).find((item) => item.state === 'in-progress') ?? demoActionPlan(now, app.calendar)[0];
  if (!template) throw new Error('the demo plan is empty');
  const items = Array.from({ length: count }, (_, index) => ({ ...template, id: formatActionId(2026, from + index), services: ['BMI'] }));
  await app.actions.addMissing(items, 'system', now);
}

describe('the statut figures kept between turns (issue 9: no table read on a usual turn)', () => {
  const clock = movableClock('2026-11-23T09:00:00.000Z');
  let prefix: string;
  let app: AppServices;
  let rq: Person;
  let manager: Person;

  beforeEach(async () => {
    prefix = uniqueTablePrefix();
    app = createAppServices(new TableStore({ kind: 'connectionString', connectionString: testConnectionString() }, prefix), clock, { referentiel: 'cher', timeZone: 'Europe/Paris' });
    await app.store.ensureTables();
    await seedDemo(app);
    rq = (await app.people.get(alex.aadObjectId)) as Person;
    manager = (await app.people.get(megan.aadObjectId)) as Person;
  });

  it('gives the figures of a full read, then answers from the stamps alone while nothing changes', async () => {
    const requests = countRequests(app);
    const first = await app.status.overview(rq, clock.now(), app.calendar);
    expect(first).toEqual(await overviewFromScratch(app, rq, clock.now()));
    expect(first.actions.open).toBeGreaterThan(0);

    requests.reset();
    const again = await app.status.overview(rq, clock.now(), app.calendar);
    expect(again).toEqual(first);
    expect([...requests.byTable]).toEqual([[tableNames.changeStamps, 1]]);
  });

  it('reads again only the area whose table was written, and counts the write', async () => {
    await app.status.overview(rq, clock.now(), app.calendar);
    const before = await app.status.overview(manager, clock.now(), app.calendar);
    await newActions(app, 3, 9101);
    const requests = countRequests(app);
    const after = await app.status.overview(manager, clock.now(), app.calendar);
    expect(after.actions.open).toBe(before.actions.open + 3);
    expect(after).toEqual(await overviewFromScratch(app, manager, clock.now()));
    await newActions(app, 1, 9201);
    requests.reset();
    await app.status.overview(rq, clock.now(), app.calendar);
    // The stamps, and the plan read again; no other area.
    expect([...requests.byTable.keys()].sort()).toEqual([tableNames.actionItems, tableNames.changeStamps].sort());
    expect(requests.byTable.get(tableNames.changeStamps)).toBe(1);
  });

  it("shows another instance's writes on the next turn", async () => {
    const other = secondInstance(app, prefix);
    const before = await app.status.overview(rq, clock.now(), app.calendar);
    await newActions(other, 2, 9301);
    await other.people.create({ id: 'c0000000-0000-4000-8000-000000000077', name: 'Personne arrivée', service: 'BMI', roles: ['agent'], toAssign: false, createdAt: clock.now().toISOString() });
    const after = await app.status.overview(rq, clock.now(), app.calendar);
    expect(after.actions.open).toBe(before.actions.open + 2);
    expect(after.training.people).toBe(before.training.people + 1);
    expect(after).toEqual(await overviewFromScratch(other, rq, clock.now()));
  });

  it('computes the figures again when the day turns, without any write', async () => {
    await app.status.overview(rq, clock.now(), app.calendar);
    const later = new Date(clock.now().getTime() + 40 * 86_400_000);
    const kept = await app.status.overview(rq, later, app.calendar);
    expect(kept.today).toBe('2027-01-02');
    expect(kept).toEqual(await overviewFromScratch(app, rq, later));
  });

  it('writes one stamp for writes that finish together, after the last of them', async () => {
    const stampsTable = app.store.table(tableNames.changeStamps);
    const stamps = new ChangeStamps(stampsTable);
    const upserts: number[] = [];
    const original = stampsTable.upsertEntity.bind(stampsTable);
    let finishedWrites = 0;
    stampsTable.upsertEntity = ((...args: Parameters<typeof original>) => {
      upserts.push(finishedWrites);
      return original(...args);
    });
    const writes = Array.from({ length: 20 }, async () => {
      finishedWrites += 1;
      await stamps.changed(tableNames.complaints);
    });
    await Promise.all(writes);
    expect(upserts.length).toBeLessThanOrEqual(2);
    expect(upserts.at(-1)).toBe(20);
    const vector = await stamps.read();
    expect(vector.get(tableNames.complaints)).toMatch(/#20$/);
  });

  it('never fails a write whose stamp cannot be written, and this instance still sees the change', async () => {
    const other = secondInstance(app, prefix);
    const stampBefore = (await other.changeStamps.read()).get(tableNames.actionItems);
    // Stamp writes sent to a table that does not exist: storage answers 404 to each.
    const refuseWrites: PipelinePolicy = {
      name: 'test-refuse-stamp-writes',
      sendRequest: (request, next) => (request.method === 'GET' ? next(request) : next({ ...request, url: request.url.replace('ChangeStamps', 'MissingTable') })),
    };
    app.store.table(tableNames.changeStamps).pipeline.addPolicy(refuseWrites);
    const before = await app.status.overview(rq, clock.now(), app.calendar);
    await expect(newActions(app, 2, 9401)).resolves.toBeUndefined();
    expect((await app.actions.list()).filter((item) => item.id.startsWith('2026-94'))).toHaveLength(2);
    expect((await other.changeStamps.read()).get(tableNames.actionItems)).toBe(stampBefore);
    const after = await app.status.overview(rq, clock.now(), app.calendar);
    expect(after.actions.open).toBe(before.actions.open + 2);
  });
});
