import type { AppServices } from '../app-services';
import type { Person } from '../directory/person';
import { isInAudience, type Role } from '../directory/roles';
import { WorkingCalendar } from '../reminders/calendar';
import { ConcurrentUpdateError } from '../storage/storage-errors';
import type { ActionItem } from './action-item';
import type { ActionImportWrite, StoredActionItem } from './action-items-repository';
import { formatActionPlanCsv, toCsvRows } from './action-plan-csv';
import { parseActionPlanCsv, type PlanImportOptions, type PlanImportProblem, type PlanImportResult } from './action-plan-import';
import { parseActionPlanXlsx, planSheetName, writeActionPlanXlsx, xlsxContentType } from './action-plan-xlsx';

/** Who exports and imports the plan (issue 5): the quality officer, who owns it, and admins. */
export const planExchangeAudience: readonly Role[] = ['rq', 'admin'];

/** True when the person may export or import the plan. */
export function mayExchangePlan(person: Pick<Person, 'roles'>): boolean {
  return isInAudience(person.roles, planExchangeAudience);
}

/** The formats of the exchange: XLSX for people, CSV (UTF-8 with BOM, `;`) for French Excel and scripts. */
export type PlanFormat = 'csv' | 'xlsx';

/** A file ready to download. */
export interface PlanExportFile {
  /** "plan-d-actions-2026.xlsx", "plan-d-actions-complet.csv". */
  filename: string;
  contentType: string;
  body: Buffer;
  /** Actions in it. */
  rows: number;
}

/** The repositories the exchange reads and writes. */
export type PlanExchangeServices = Pick<AppServices, 'people' | 'services' | 'actions' | 'audit' | 'clock' | 'timeZone'>;

/** The actions an export holds: one plan year, or the whole plan. */
export function itemsOfExport<T extends Pick<ActionItem, 'year'>>(items: readonly T[], year?: number): T[] {
  return year === undefined ? [...items] : items.filter((item) => item.year === year);
}

/** Builds the file: the same rows (seed headers first) in either format. */
export async function buildPlanExport(items: readonly ActionItem[], people: readonly Pick<Person, 'id' | 'email'>[], request: { format: PlanFormat; year?: number }, now: Date): Promise<PlanExportFile> {
  const chosen = itemsOfExport(items, request.year);
  const filename = `plan-d-actions-${request.year ?? 'complet'}.${request.format}`;
  if (request.format === 'csv') {
    return { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(formatActionPlanCsv(chosen, people), 'utf8'), rows: chosen.length };
  }
  const body = await writeActionPlanXlsx(toCsvRows(chosen, people), { sheetName: planSheetName(request.year), now });
  return { filename, contentType: xlsxContentType, body, rows: chosen.length };
}

/**
 * A download asked with a signed link: the person is read again from the directory, so a link made before they
 * lost the role gives nothing. Audited as 'actionPlan.export' (format and count, no content). Undefined: refused.
 */
export async function exportActionPlan(app: PlanExchangeServices, personId: string, request: { format: PlanFormat; year?: number }): Promise<PlanExportFile | undefined> {
  const person = await app.people.get(personId);
  if (!person || !mayExchangePlan(person)) return undefined;
  const [items, people] = await Promise.all([app.actions.list(), app.people.list()]);
  const file = await buildPlanExport(items, people, request, app.clock.now());
  await app.audit.append({
    actorId: person.id,
    action: 'actionPlan.export',
    entityType: 'actionPlan',
    entityId: String(request.year ?? 'complet'),
    after: { format: request.format, rows: file.rows },
  });
  return file;
}

/** How an import ended: refused with its problems, stopped by a concurrent change, or written. */
export type PlanImportOutcome =
  | { kind: 'refused' }
  | { kind: 'rejected'; problems: PlanImportProblem[] }
  | { kind: 'changedMeanwhile' }
  | { kind: 'imported'; created: string[]; replaced: string[]; unchanged: string[] };

/** JSON with keys sorted at every level and undefined fields dropped: equal texts mean equal values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The item's fields that an import may change: all but the revision, and but the number and creation instant for a twin. */
function content(item: ActionItem, withIdentity: boolean): string {
  const { id, year, revision, createdAt, ...rest } = item;
  void revision;
  return canonical(withIdentity ? { id, year, createdAt, ...rest } : rest);
}

function withoutEtag(item: StoredActionItem): ActionItem {
  const { etag, ...rest } = item;
  void etag;
  return rest;
}

/**
 * Splits a validated import into writes and rows already true: a row identical to its stored action (revision
 * aside), or a new row identical to a stored action but for its number (an earlier run of the same import, cut
 * off, already created it), writes nothing. That is what lets a re-run finish an interrupted import.
 */
export function planImportWrites(items: readonly ActionItem[], stored: readonly StoredActionItem[]): { writes: ActionImportWrite[]; unchanged: string[] } {
  const byId = new Map(stored.map((item) => [item.id, item]));
  const storedContent = new Set(stored.map((item) => content(withoutEtag(item), false)));
  const writes: ActionImportWrite[] = [];
  const unchanged: string[] = [];
  for (const item of items) {
    const current = byId.get(item.id);
    if (current) {
      if (content(withoutEtag(current), true) === content(item, true)) unchanged.push(item.id);
      else writes.push({ item, etag: current.etag, before: withoutEtag(current) });
    } else if (storedContent.has(content(item, false))) unchanged.push(item.id);
    else writes.push({ item });
  }
  return { writes, unchanged };
}

/**
 * Imports a plan pasted as CSV (or a workbook): every row checked first against the directory, the services and
 * the stored plan; one bad row and nothing is written (issue 5). Then each changed action is written with its
 * 'action.import' history entry, and the import as a whole is audited as 'actionPlan.import' with its counts.
 * Service names are the directory's codes: the seed's "RQ" is no code, and which service it means differs from one
 * prefecture to the next, so no alias is guessed (the line says « Service « RQ » inconnu »).
 */
export async function importActionPlan(app: PlanExchangeServices, actor: Person, input: { csv: string } | { xlsx: Buffer }): Promise<PlanImportOutcome> {
  if (!mayExchangePlan(actor)) return { kind: 'refused' };
  const now = app.clock.now();
  const [people, services, stored] = await Promise.all([app.people.list(), app.services.list(), app.actions.list()]);
  const options: PlanImportOptions = {
    people,
    serviceCodes: services.map((service) => service.code),
    existing: stored,
    today: new WorkingCalendar({ timeZone: app.timeZone }).localDateOf(now),
    now,
    importerId: actor.id,
  };
  const parsed: PlanImportResult = 'csv' in input ? parseActionPlanCsv(input.csv, options) : await parseActionPlanXlsx(input.xlsx, options);
  if (!parsed.ok) return { kind: 'rejected', problems: parsed.problems };
  const { writes, unchanged } = planImportWrites(parsed.items, stored);
  try {
    await app.actions.importAll(writes, { actorId: actor.id, action: 'action.import', entityType: 'action' }, now);
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) return { kind: 'changedMeanwhile' };
    throw error;
  }
  const created = writes.filter((write) => !write.etag).map((write) => write.item.id);
  const replaced = writes.filter((write) => write.etag).map((write) => write.item.id);
  await app.audit.append({
    actorId: actor.id,
    action: 'actionPlan.import',
    entityType: 'actionPlan',
    entityId: 'import',
    after: { rows: parsed.items.length, created: created.length, replaced: replaced.length, unchanged: unchanged.length },
  });
  return { kind: 'imported', created, replaced, unchanged };
}
