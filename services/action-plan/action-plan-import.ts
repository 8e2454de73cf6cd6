import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { actionItemSchema, actionStateLabels, actionStates, textLimits, workStates, type ActionItem, type ActionState } from './action-item';
import { foldCode, isBlank, readLine, readParagraph, readReferences, readServices } from './action-input';
import { nextActionId, parseActionId } from './action-number';
import { readDayCell, readOriginCell, readTextCell, readTickCell, readYesNoCell } from './action-plan-cells';
import { columnOfHeader, foldHeader, planColumns, sourceColumns, stateTicks, type PlanColumnKey } from './action-plan-columns';

/** What an import is checked against. */
export interface PlanImportOptions {
  people: readonly Pick<Person, 'id' | 'email'>[];
  serviceCodes: readonly string[];
  /** Items already stored: a row with one of their numbers replaces it (its revision follows the stored one). */
  existing: readonly Pick<ActionItem, 'id' | 'revision'>[];
  today: LocalDate;
  now: Date;
  /** The quality officer importing: creator of rows that name none. */
  importerId: string;
  /** Other names of services as plans write them, e.g. { RQ: 'SGCD', 'Pré-accueil': 'ACCUEIL' }. */
  serviceAliases?: Readonly<Record<string, string>>;
}

/** A rejected row, numbered as in the spreadsheet (header = line 1), whatever line ends its cells hold. */
export interface PlanImportProblem {
  line: number;
  message: string;
}

/** Every row valid (and which numbers are new or replaced), or every problem found: then nothing is to be written. */
export type PlanImportResult =
  | { ok: true; items: ActionItem[]; created: string[]; replaced: string[] }
  | { ok: false; problems: PlanImportProblem[] };

/** Most rows one import may hold. */
export const maxPlanImportRows = 2000;

const required: readonly PlanColumnKey[] = ['number', 'finding', 'action', 'services', 'owner'];
const stateTickKeys = ['x:planned', 'x:in-progress', 'x:done'] as const;
/** A seed row ticks one of these; "réalisée" in an old plan means closed (its approval is history). */
const stateOfTick: Record<(typeof stateTickKeys)[number], ActionState> = { 'x:planned': 'planned', 'x:in-progress': 'in-progress', 'x:done': 'closed' };
const instantSchema = z.iso.datetime();

function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ';';
}

function stateOfName(text: string): ActionState | undefined {
  const folded = foldHeader(text);
  return actionStates.find((state) => [state, actionStateLabels[state].fr, actionStateLabels[state].en].some((name) => foldHeader(name) === folded));
}

type Row = Omit<ActionItem, 'id' | 'year' | 'revision'> & { id?: string };

/** Reads one row's cells into an item (without its number when the row has none), listing every problem. */
function readRow(cell: (key: PlanColumnKey) => string, has: (key: PlanColumnKey) => boolean, options: PlanImportOptions, aliases: Record<string, string>): { row?: Row; problems: string[] } {
  const problems: string[] = [];
  const take = <T>(check: { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
    if (check.ok) return check.value;
    problems.push(check.message.replace(/\.$/, ''));
    return undefined;
  };
  const optionalText = (key: PlanColumnKey, max: number, what: string) => (isBlank(cell(key)) ? undefined : take(readParagraph(cell(key), max, what)));
  const day = (key: PlanColumnKey) => {
    if (isBlank(cell(key))) return undefined;
    const value = readDayCell(cell(key));
    if (value === undefined) problems.push(`${planColumns[key].header} : date « ${cell(key).slice(0, 30)} » invalide (attendu JJ/MM/AAAA)`);
    return value;
  };
  const instant = (key: PlanColumnKey) => {
    if (isBlank(cell(key))) return undefined;
    if (instantSchema.safeParse(cell(key).trim()).success) return cell(key).trim();
    problems.push(`${planColumns[key].header} : date-heure « ${cell(key).slice(0, 30)} » invalide (attendu 2027-03-12T09:30:00.000Z)`);
    return undefined;
  };
  const person = (key: PlanColumnKey) => {
    const text = cell(key).trim();
    if (text === '') return undefined;
    const found = options.people.find((p) => p.id === text.toLowerCase() || (p.email !== undefined && p.email.toLowerCase() === text.toLowerCase()));
    if (!found) problems.push(`${planColumns[key].header} : « ${text.slice(0, 60)} » inconnu de l’annuaire`);
    return found?.id;
  };
  const tick = (key: PlanColumnKey) => {
    const value = readTickCell(cell(key));
    if (value === undefined) problems.push(`${planColumns[key].header} : « ${cell(key).slice(0, 20)} » inattendu (X ou vide)`);
    return value === true;
  };

  const finding = take(readLine(cell('finding'), textLimits.finding, 'le constat'));
  const references = take(readReferences(cell('references')));
  const action = take(readParagraph(cell('action'), textLimits.paragraph, 'la nature de l’action'));
  const services = take(readServices(cell('services'), options.serviceCodes, aliases));
  const ownerId = person('owner');
  if (isBlank(cell('owner'))) problems.push('pilote manquant (colonne PILOTE : e-mail de l’annuaire)');

  let state = isBlank(cell('state')) ? undefined : stateOfName(cell('state'));
  if (!isBlank(cell('state')) && !state) problems.push(`état « ${cell('state').slice(0, 30)} » inconnu`);
  const ticked = stateTickKeys.filter((key) => tick(key));
  if (isBlank(cell('state'))) {
    const [only] = ticked;
    if (ticked.length === 1 && only) state = stateOfTick[only];
    else problems.push(has('state') ? 'état manquant' : 'cochez une et une seule des colonnes ACTION PRÉVUE, EN COURS, RÉALISÉE');
  } else if (state && ticked.length > 0 && (ticked.length > 1 || ticked[0] !== stateTicks[state])) {
    problems.push('les colonnes ACTION PRÉVUE / EN COURS / RÉALISÉE ne correspondent pas à l’ÉTAT');
  }

  const effective = readYesNoCell(cell('effective'));
  if (effective === null) problems.push(`ACTION EFFICACE : « ${cell('effective').slice(0, 20)} » inattendu (OUI, NON ou vide)`);
  const decisionText = foldHeader(cell('decision'));
  const outcome = decisionText === '' ? undefined : decisionText.startsWith('approuv') ? 'approved' : decisionText.startsWith('refus') ? 'rejected' : null;
  if (outcome === null) problems.push(`DÉCISION : « ${cell('decision').slice(0, 20)} » inattendu (Approuvée, Refusée ou vide)`);
  const decidedBy = person('decidedBy');
  const decidedAt = instant('decidedAt');
  if (outcome && (!decidedBy || !decidedAt)) problems.push('une décision demande DÉCIDÉE PAR et DÉCIDÉE LE');
  const origin = readOriginCell(cell('origin'));
  if (origin === null) problems.push(`ORIGINE : « ${cell('origin').slice(0, 40)} » illisible (attendu « contrôle ID 2027-Q1 »)`);

  const row: Row = {
    finding: finding ?? '',
    references: references ?? [],
    sources: sourceColumns.filter(({ key }) => tick(key)).map(({ source }) => source),
    sourceDate: day('sourceDate'),
    state: state ?? 'proposed',
    deadline: day('deadline'),
    deadlineSetAt: instant('deadlineSetAt'),
    action: action ?? '',
    services: services ?? [],
    ownerId: ownerId ?? '',
    progress: optionalText('progress', textLimits.paragraph, 'l’avancement'),
    verification: optionalText('verification', textLimits.paragraph, 'la vérification de l’efficacité'),
    effective: effective ?? undefined,
    submittedAt: instant('submittedAt'),
    submittedBy: person('submittedBy'),
    decision: outcome && decidedBy && decidedAt ? { outcome, by: decidedBy, at: decidedAt, comment: optionalText('decisionComment', textLimits.reason, 'le commentaire de la décision') } : undefined,
    refusalReason: optionalText('refusalReason', textLimits.reason, 'le motif du refus'),
    cancelReason: optionalText('cancelReason', textLimits.reason, 'le motif d’annulation'),
    closedOn: day('closedOn'),
    createdAt: instant('createdAt') ?? options.now.toISOString(),
    createdBy: person('createdBy') ?? options.importerId,
    origin: origin ?? undefined,
  };
  return problems.length > 0 ? { problems } : { row, problems };
}

/**
 * Reads an action plan pasted or uploaded as CSV (`;`, `,` or tab separated; the export's columns, the seed's
 * headers accepted with other dates). All or nothing (issue 5): every row is checked and one bad row rejects the
 * import, each problem with its spreadsheet line. Rows without a number get the next ones of their year.
 */
export function parseActionPlanCsv(text: string, options: PlanImportOptions): PlanImportResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problems: [{ line: 1, message: 'Le fichier est vide.' }] };
  let records: string[][];
  try {
    records = parse(trimmed, { delimiter: detectDelimiter(trimmed.split(/\r?\n/, 1)[0] ?? ''), relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return { ok: false, problems: [{ line: (error as { lines?: number }).lines ?? 1, message: 'Le CSV est mal formé (guillemet non fermé ?).' }] };
  }
  return parseActionPlanTable(records, options);
}

/**
 * Checks a plan already split into cells, header first: the CSV above, or the first sheet of a workbook
 * (action-plan-xlsx.ts), so both formats go through the same rules. Record n is spreadsheet line n + 1.
 */
export function parseActionPlanTable(records: readonly (readonly string[])[], options: PlanImportOptions): PlanImportResult {
  const [header = [], ...body] = records;
  const columns = header.map(columnOfHeader);
  const problems: PlanImportProblem[] = [];
  const doubled = columns.filter((key, index) => key !== undefined && columns.indexOf(key) !== index);
  if (doubled.length > 0) problems.push({ line: 1, message: `Colonne en double : ${doubled.map((key) => key && planColumns[key].header).join(', ')}.` });
  const missing = required.filter((key) => !columns.includes(key));
  if (missing.length > 0) problems.push({ line: 1, message: `En-tête incomplet : colonne(s) manquante(s) ${missing.map((key) => planColumns[key].header).join(', ')}.` });
  if (problems.length > 0) return { ok: false, problems };
  const rows = body.map((record, index) => ({ record, line: index + 2 })).filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'Aucune action sous l’en-tête.' }] };
  if (rows.length > maxPlanImportRows) return { ok: false, problems: [{ line: maxPlanImportRows + 2, message: `Au plus ${maxPlanImportRows} actions par import.` }] };

  const aliases = Object.fromEntries(Object.entries(options.serviceAliases ?? {}).map(([alias, code]) => [foldCode(alias), code]));
  const existing = new Map(options.existing.map((item) => [item.id, item.revision]));
  const seen = new Map<string, number>();
  const read: { line: number; row: Row; id?: string; year: number }[] = [];
  for (const { record, line } of rows) {
    const cell = (key: PlanColumnKey) => readTextCell(record[columns.indexOf(key)] ?? '');
    const { row, problems: rowProblems } = readRow(cell, (key) => columns.includes(key), options, aliases);
    // A row without a full number joins the plan of the year it was created, this year when it does not say;
    // a bare row number ("12", as the seed writes N°) is taken in that year.
    const created = cell('createdAt').trim();
    const year = Number((instantSchema.safeParse(created).success ? created : options.today).slice(0, 4));
    const number = cell('number').trim();
    const parsed = number === '' ? undefined : /^\d{1,4}$/.test(number) && Number(number) > 0 ? parseActionId(`${year}-${number}`) : parseActionId(number);
    if (number !== '' && !parsed) rowProblems.push(`numéro « ${number.slice(0, 20)} » invalide (attendu AAAA-NN, ex. 2021-07)`);
    if (parsed && seen.has(parsed.id)) rowProblems.push(`numéro ${parsed.id} déjà présent ligne ${seen.get(parsed.id)}`);
    if (parsed) seen.set(parsed.id, line);
    const isNew = !parsed || !existing.has(parsed.id);
    if (row && isNew && workStates.includes(row.state) && row.deadline !== undefined && row.deadline < options.today) {
      rowProblems.push('échéance passée pour une nouvelle action ouverte : reportez-la ou clôturez l’action');
    }
    if (rowProblems.length > 0 || !row) problems.push({ line, message: `${rowProblems.join(' ; ')}.` });
    else read.push({ line, row, id: parsed?.id, year });
  }
  if (problems.length > 0) return { ok: false, problems };

  const taken = [...existing.keys(), ...seen.keys()];
  const items: ActionItem[] = [];
  for (const { line, row, id: given, year } of read) {
    const id = given ?? nextActionId(year, taken);
    if (!given) taken.push(id);
    const candidate = { ...row, id, year: Number(id.slice(0, 4)), revision: existing.has(id) ? (existing.get(id) ?? 0) + 1 : 0 };
    const checked = actionItemSchema.safeParse(candidate);
    if (checked.success) items.push(candidate);
    else problems.push({ line, message: `${checked.error.issues.map((issue) => issue.message).join(' ; ')}.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items, created: items.filter((item) => !existing.has(item.id)).map((item) => item.id), replaced: items.filter((item) => existing.has(item.id)).map((item) => item.id) };
}
