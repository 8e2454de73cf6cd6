import { demoActionPlan } from '../services/action-plan/demo-action-plan';
import { formatActionId } from '../services/action-plan/action-number';
import type { ActionItem } from '../services/action-plan/action-item';
import type { AppServices } from '../services/app-services';
import type { CheckItem } from '../services/checks/check-item';
import { checkLocations } from '../services/checks/check-item';
import type { Complaint } from '../services/complaints/complaint';
import { demoComplaints } from '../services/complaints/demo-complaints';
import { demoPeople, demoServices } from '../services/demo/demo-directory';
import type { Person } from '../services/directory/person';
import type { Role } from '../services/directory/roles';
import { demoFraud } from '../services/fraud/demo-fraud';
import type { FraudSignal } from '../services/fraud/fraud-signal';
import { WorkingCalendar } from '../services/reminders/calendar';
import { seededPrng, type Prng } from './prng';

/** How many rows of each kind a data set holds (issue 9: small, prefecture, large). */
export interface DataSetSize {
  people: number;
  actions: number;
  complaints: number;
  fraudSignals: number;
  checkItems: number;
}

/** The three sizes: the prefecture set is issue 9's; small has its 200 people and a tenth of the rest; large is 10×. */
export const dataSetSizes = {
  small: { people: 200, actions: 40, complaints: 300, fraudSignals: 100, checkItems: 30 },
  prefecture: { people: 2_000, actions: 400, complaints: 3_000, fraudSignals: 1_000, checkItems: 300 },
  large: { people: 20_000, actions: 4_000, complaints: 30_000, fraudSignals: 10_000, checkItems: 3_000 },
} as const satisfies Record<string, DataSetSize>;

/** Name of a data set. */
export type DataSetName = keyof typeof dataSetSizes;

/** What writing a data set cost. */
export interface SeedTiming {
  rows: number;
  seconds: number;
}

const serviceCodes = demoServices.map((service) => service.code);
const firstNames = ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Emma', 'Jules', 'Inès', 'Arthur', 'Manon', 'Nathan'];
const lastNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'];

/** The aadObjectId of generated person n (distinct from the demo's …0020-style ids). */
export function benchPersonId(n: number): string {
  return `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function benchRoles(prng: Prng): Role[] {
  const roll = prng.next();
  if (roll < 0.05) return ['agent', 'manager'];
  if (roll < 0.06) return ['agent', 'fraud-referent'];
  return ['agent'];
}

/** Generated people, on top of the demo directory (whose Alex, Megan… the benchmark acts as). */
export function generatePeople(count: number, prng: Prng, createdAt: string): Person[] {
  return Array.from({ length: Math.max(0, count - demoPeople.length) }, (_, index) => {
    const name = `${prng.pick(firstNames)} ${prng.pick(lastNames)} ${index}`;
    return { id: benchPersonId(index), name, email: `agent.${index}@cher.gouv.fr`, service: prng.pick(serviceCodes), roles: benchRoles(prng), toAssign: false, createdAt };
  });
}

/** Action items cloned from the demo plan's shapes, numbered across 2019–2026, owned by generated people. */
export function generateActions(count: number, prng: Prng, now: Date, calendar: WorkingCalendar, people: readonly Person[]): ActionItem[] {
  const templates = demoActionPlan(now, calendar).filter((item) => item.state !== 'awaiting-approval');
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  return Array.from({ length: count }, (_, index) => {
    const template = prng.pick(templates);
    const year = years[index % years.length] ?? 2026;
    const owner = prng.pick(people);
    return { ...template, id: formatActionId(year, 100 + Math.floor(index / years.length)), year, ownerId: owner.id, services: [owner.service ?? 'SGCD'] };
  });
}

/** Complaints cloned from the demo's: this year's keep the demo's mix of open ones, older years are answered or closed. */
export function generateComplaints(count: number, prng: Prng, now: Date, calendar: WorkingCalendar, people: readonly Person[]): Complaint[] {
  const templates = demoComplaints(now, calendar, ['E.17', 'E.16', 'E.18']);
  const finished = templates.filter((complaint) => complaint.state !== 'open');
  const thisYear = now.getUTCFullYear();
  const years = Array.from({ length: 7 }, (_, index) => thisYear - index);
  const perYear = new Map<number, number>();
  return Array.from({ length: count }, (_, index) => {
    const year = years[index % years.length] ?? thisYear;
    const order = (perYear.get(year) ?? 100) + 1;
    perYear.set(year, order);
    const template = year === thisYear ? prng.pick(templates) : prng.pick(finished);
    const agent = prng.pick(people);
    const shift = (date: string) => `${year}${date.slice(4)}`;
    const id = `R-${year}-${String(order).padStart(4, '0')}`;
    if (year === thisYear) return { ...template, id, service: agent.service ?? 'SGCD', assigneeId: agent.id };
    // Older years: same shape, dates moved into that year (29 February never occurs in the demo's autumn dates).
    return {
      ...template,
      id,
      service: agent.service ?? 'SGCD',
      assigneeId: agent.id,
      receivedOn: shift(template.receivedOn),
      initialDueOn: shift(template.initialDueOn),
      dueOn: shift(template.dueOn),
    };
  });
}

/** Fraud signals cloned from the demo's, renumbered from 1000 in their domain and year. */
export function generateFraudSignals(count: number, prng: Prng, today: string, enteredAt: string, people: readonly Person[]): FraudSignal[] {
  const templates = demoFraud(today, enteredAt).signals;
  const next = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const template = prng.pick(templates);
    const prefix = template.id.slice(0, template.id.lastIndexOf('-'));
    const order = (next.get(prefix) ?? 999) + 1;
    next.set(prefix, order);
    return { ...template, id: `${prefix}-${String(order).padStart(4, '0')}`, authorId: prng.pick(people).id };
  });
}

/** Check items spread over the services, each owned by a generated person. */
export function generateCheckItems(count: number, prng: Prng, createdAt: string, people: readonly Person[]): CheckItem[] {
  return Array.from({ length: count }, (_, index) => {
    const owner = prng.pick(people);
    return {
      id: `BENCH-${String(index + 1).padStart(5, '0')}`,
      label: `Information publiée n° ${index + 1}`,
      commitment: prng.pick(['E.1', 'E.10', 'E.11', 'E.15', 'E.32']),
      location: prng.pick(checkLocations),
      ownerId: owner.id,
      service: owner.service ?? 'SGCD',
      active: true,
      createdAt,
    };
  });
}

/** Runs `work` over chunks of `items`, `concurrency` chunks at a time (Azurite is one process: a few is plenty). */
async function inChunks<T>(items: readonly T[], chunkSize: number, concurrency: number, work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) chunks.push(items.slice(start, start + chunkSize));
  let nextChunk = 0;
  const worker = async () => {
    while (nextChunk < chunks.length) {
      const chunk = chunks[nextChunk++];
      if (chunk) await work(chunk);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Writes a data set through the repositories (the demo directory first, then the generated rows, in batches).
 * Same name and seed, same rows. Returns the row count and how long the writes took.
 */
export async function seedDataSet(app: AppServices, size: DataSetSize, seed: number, now: Date): Promise<SeedTiming> {
  const started = performance.now();
  const prng = seededPrng(seed);
  const calendar = new WorkingCalendar({ timeZone: app.timeZone });
  const createdAt = now.toISOString();
  const today = calendar.localDateOf(now);
  // Registered long ago: a person first known now would have training stages due now (sent at the first sweep).
  const people = generatePeople(size.people, prng, '2025-01-06T08:00:00.000Z');
  await inChunks(people, 1_000, 4, (chunk) => app.people.upsertMany(chunk));
  const owners = people.length > 0 ? people : demoPeople.map((p) => ({ ...p, toAssign: false, createdAt }));
  const actions = generateActions(size.actions, prng, now, calendar, owners);
  await inChunks(actions, Math.max(50, Math.ceil(actions.length / 8)), 4, (chunk) => app.actions.addMissing(chunk, 'system', now));
  const complaints = generateComplaints(size.complaints, prng, now, calendar, owners);
  const byYear = new Map<string, Complaint[]>();
  for (const complaint of complaints) {
    const year = complaint.id.slice(2, 6);
    byYear.set(year, byYear.get(year) ?? []);
    byYear.get(year)?.push(complaint);
  }
  await inChunks([...byYear.values()], 1, 4, ([chunk]) => (chunk ? app.complaints.addMissing(chunk, 'system', now) : Promise.resolve()));
  const signals = generateFraudSignals(size.fraudSignals, prng, today, createdAt, owners);
  await inChunks(signals, 100, 8, (chunk) => app.fraudSignals.addMissing(chunk));
  await app.checkItems.addMissing(generateCheckItems(size.checkItems, prng, createdAt, owners));
  const rows = people.length + actions.length + complaints.length + signals.length + size.checkItems;
  return { rows, seconds: (performance.now() - started) / 1000 };
}
