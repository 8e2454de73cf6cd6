import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isLocalDate } from '../reminders/calendar';
import { aadObjectIdSchema, type Person } from './person';
import { parseRoleName, type Role } from './roles';

/** One person read from a directory CSV, before it is merged with what is stored. */
export interface ImportedPerson {
  id: string;
  name: string;
  email?: string;
  service: string;
  roles: Role[];
  /** Day they took the post (optional `arrivee` column), YYYY-MM-DD. */
  arrivedOn?: string;
}

/** A rejected line of the CSV, numbered as in the admin's spreadsheet (header = line 1). */
export interface ImportProblem {
  line: number;
  message: string;
}

/** Outcome of parsing: either every row is valid, or the list of problems (and nothing is to be written). */
export type ImportParseResult = { ok: true; people: ImportedPerson[] } | { ok: false; problems: ImportProblem[] };

/** Most rows a single pasted import may hold (a Teams text area is no place for more). */
export const maxImportRows = 2000;

const columnAliases: Record<string, keyof ImportedPerson> = {
  aadobjectid: 'id',
  id: 'id',
  objectid: 'id',
  'object id': 'id',
  nom: 'name',
  name: 'name',
  'nom complet': 'name',
  displayname: 'name',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  courriel: 'email',
  service: 'service',
  roles: 'roles',
  role: 'roles',
  arrivee: 'arrivedOn',
  'date arrivee': 'arrivedOn',
  "date d'arrivee": 'arrivedOn',
  'date d’arrivee': 'arrivedOn',
  arrivedon: 'arrivedOn',
  arrival: 'arrivedOn',
};

function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ';';
}

const emailSchema = z.email();

/** An arrival day as spreadsheets write it: 2024-09-02 or 02/09/2024; undefined when it is neither. */
function parseArrivalDay(cell: string): string | undefined {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const iso = french ? `${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}` : cell;
  return isLocalDate(iso) ? iso : undefined;
}

// "agent|manager", "agent, rq", "agent manager" and "responsable qualité" all read as the admin meant them.
function splitRoleNames(cell: string): string[] {
  return cell
    .split(/[|+,/]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => (parseRoleName(part) ? [part] : part.split(/\s+/)));
}

/**
 * Parses a directory pasted as CSV (columns aadObjectId, nom, email, service, rôles, optional arrivée; `;`, `,` or tab
 * separated).
 * Every row is checked; one bad row rejects the whole import, with each problem's line number.
 */
export function parseDirectoryCsv(text: string, knownServiceCodes: readonly string[]): ImportParseResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problems: [{ line: 1, message: 'Le texte collé est vide.' }] };
  const delimiter = detectDelimiter(trimmed.split(/\r?\n/, 1)[0] ?? '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(trimmed, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, message: 'Le CSV est mal formé (guillemet non fermé ?).' }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ line: 1, message: 'Le texte collé est vide.' }] };
  const columns = header.record.map((cell) => columnAliases[normaliseHeader(cell)]);
  const missing = (['id', 'name', 'service', 'roles'] as const).filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const labels = { id: 'aadObjectId', name: 'nom', service: 'service', roles: 'rôles' };
    return {
      ok: false,
      problems: [{ line: 1, message: `En-tête incomplet : colonne(s) manquante(s) ${missing.map((m) => labels[m]).join(', ')}.` }],
    };
  }
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'Aucune ligne de personne sous l’en-tête.' }] };
  if (rows.length > maxImportRows) {
    return { ok: false, problems: [{ line: maxImportRows + 2, message: `Au plus ${maxImportRows} personnes par import.` }] };
  }

  const problems: ImportProblem[] = [];
  const people: ImportedPerson[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: keyof ImportedPerson) => record[columns.indexOf(column)]?.trim() ?? '';
    const rowProblems: string[] = [];
    const id = cell('id');
    if (!aadObjectIdSchema.safeParse(id).success) rowProblems.push(`identifiant « ${id.slice(0, 40)} » invalide`);
    const name = cell('name');
    if (name === '' || name.length > 120) rowProblems.push('nom manquant ou trop long');
    const email = columns.includes('email') ? cell('email') : '';
    if (email !== '' && !emailSchema.safeParse(email).success) rowProblems.push(`e-mail « ${email.slice(0, 60)} » invalide`);
    const service = cell('service').toUpperCase();
    if (!knownServiceCodes.includes(service)) rowProblems.push(`service « ${service.slice(0, 20)} » inconnu`);
    const arrivalCell = columns.includes('arrivedOn') ? cell('arrivedOn') : '';
    const arrivedOn = arrivalCell === '' ? undefined : parseArrivalDay(arrivalCell);
    if (arrivalCell !== '' && !arrivedOn) rowProblems.push(`date d’arrivée « ${arrivalCell.slice(0, 20)} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA)`);
    const roleNames = splitRoleNames(cell('roles'));
    const parsedRoles = roleNames.map((r) => ({ r, role: parseRoleName(r) }));
    const unknownRoles = parsedRoles.filter((p) => !p.role).map((p) => p.r);
    if (roleNames.length === 0) rowProblems.push('aucun rôle');
    if (unknownRoles.length > 0) rowProblems.push(`rôle(s) inconnu(s) : ${unknownRoles.join(', ').slice(0, 80)}`);
    const firstLine = seen.get(id.toLowerCase());
    if (id !== '' && firstLine !== undefined) rowProblems.push(`identifiant déjà présent ligne ${firstLine}`);
    seen.set(id.toLowerCase(), line);

    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join(' ; ') });
    else {
      const roles = [...new Set(parsedRoles.map((p) => p.role as Role))];
      people.push({ id: id.toLowerCase(), name, email: email || undefined, service, roles, ...(arrivedOn ? { arrivedOn } : {}) });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, people };
}

/**
 * Merges an imported row with the stored person (creation date kept; import reviews them, so toAssign clears; an
 * empty arrival cell keeps the known arrival).
 */
export function mergeImportedPerson(imported: ImportedPerson, existing: Person | undefined, nowIso: string): Person {
  return {
    id: imported.id,
    name: imported.name,
    email: imported.email ?? existing?.email,
    service: imported.service,
    roles: imported.roles,
    toAssign: false,
    createdAt: existing?.createdAt ?? nowIso,
    language: existing?.language,
    arrivedOn: imported.arrivedOn ?? existing?.arrivedOn,
  };
}
