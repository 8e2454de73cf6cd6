import type { Person } from '../directory/person';
import { isInAudience } from '../directory/roles';
import { WorkingCalendar } from '../reminders/calendar';
import { filterLabel, type ExportFilter, type ExportFormat, type ExportKind } from './export-kind-names';
import { acceptsFilter, exportKindDefinitions, type ExportBuildContext, type ExportServices } from './export-kinds';
import { csvContentType, formatCsv, workbookContentType, writeWorkbook, type ExportSheet } from './export-table';

/** A file ready to download. */
export interface ExportFile {
  /** "reclamations-2026.csv", "bilan-qualite-2025.xlsx". */
  filename: string;
  contentType: string;
  body: Buffer;
  /** Data rows in it (all sheets, headers left out). */
  rows: number;
}

/** What a download asks for: the signed claims of a link, expiry aside. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  filter?: ExportFilter;
}

const calendars = new Map<string, WorkingCalendar>();

/** The day, zone and calendar of an export built now. */
export function exportBuildContext(app: Pick<ExportServices, 'clock' | 'timeZone'>): ExportBuildContext {
  let calendar = calendars.get(app.timeZone);
  if (!calendar) calendars.set(app.timeZone, (calendar = new WorkingCalendar({ timeZone: app.timeZone })));
  const now = app.clock.now();
  return { now, today: calendar.localDateOf(now), timeZone: app.timeZone, calendar };
}

/** True when this person may download this kind (the command checks it to offer links, the route to serve them). */
export function mayExport(person: Pick<Person, 'roles'>, kind: ExportKind): boolean {
  return isInAudience(person.roles, exportKindDefinitions[kind].audience);
}

/** Rows of the tables (headers left out). */
export function rowCount(sheets: readonly ExportSheet[]): number {
  return sheets.reduce((total, sheet) => total + sheet.rows.length, 0);
}

/**
 * A download asked with a signed link (issue 7): the person is read again from the directory, so a link made before
 * they lost the role (or made for someone who never had it) gives nothing; a format or period the kind does not
 * offer gives nothing either. The file is built from the stored data now, then the download is audited with the
 * kind, format, period and row count, never the content. Undefined: refused, nothing written.
 */
export async function produceExport(app: ExportServices, personId: string, request: ExportRequest): Promise<ExportFile | undefined> {
  const definition = exportKindDefinitions[request.kind];
  const person = await app.people.get(personId);
  if (!person || !isInAudience(person.roles, definition.audience)) return undefined;
  if (!definition.formats.includes(request.format) || !acceptsFilter(definition, request.filter)) return undefined;
  const context = exportBuildContext(app);
  const sheets = await definition.sheets(app, request.filter, context);
  const rows = rowCount(sheets);
  const filename = `${definition.fileStem(request.filter, context.today)}.${request.format}`;
  const [first] = sheets;
  const file: ExportFile =
    request.format === 'csv'
      ? { filename, contentType: csvContentType, body: Buffer.from(first ? formatCsv(first) : '\uFEFF', 'utf8'), rows: first?.rows.length ?? 0 }
      : { filename, contentType: workbookContentType, body: await writeWorkbook(sheets, context.now), rows };
  await app.audit.append(
    definition.auditEntry?.(person.id, request, file.rows) ?? {
      actorId: person.id,
      action: 'export.download',
      entityType: 'export',
      entityId: request.kind,
      after: { kind: request.kind, format: request.format, period: filterLabel(request.filter), rows: file.rows },
    },
  );
  return file;
}
