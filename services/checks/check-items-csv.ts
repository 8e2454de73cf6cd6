import { parse } from 'csv-parse/sync';
import type { ImportProblem } from '../directory/directory-import';
import { normalizeText } from '../text/normalize';
import type { CheckItem } from './check-item';
import {
  applyCheckItemEdit,
  buildNewCheckItem,
  type CheckItemDraft,
  type CheckItemFieldErrors,
  type CheckItemReferences,
} from './check-item-edit';

/** Most rows one pasted import may hold (a prefecture has tens of check items). */
export const maxCheckItemRows = 500;

/** One valid row: the item to write, and the stored one it replaces (none for a creation). */
export interface CheckItemImportRow<Stored extends CheckItem> {
  line: number;
  item: CheckItem;
  previous?: Stored;
}

/** Either every row is valid (and what to write), or every problem with its line number and nothing to write. */
export type CheckItemsCsvResult<Stored extends CheckItem> =
  | { ok: true; rows: CheckItemImportRow<Stored>[] }
  | { ok: false; problems: ImportProblem[] };

type Column = 'id' | keyof CheckItemDraft | 'active';

const columnAliases: Record<string, Column> = {
  identifiant: 'id',
  id: 'id',
  libelle: 'label',
  label: 'label',
  intitule: 'label',
  engagement: 'commitment',
  commitment: 'commitment',
  support: 'location',
  location: 'location',
  url: 'url',
  lien: 'url',
  'adresse web': 'url',
  responsable: 'owner',
  owner: 'owner',
  'e mail responsable': 'owner',
  'email responsable': 'owner',
  service: 'service',
  actif: 'active',
  active: 'active',
};

const columnNames: Record<Column, string> = {
  id: 'identifiant',
  label: 'libelle',
  commitment: 'engagement',
  location: 'support',
  url: 'url',
  owner: 'responsable',
  service: 'service',
  active: 'actif',
};

const requiredColumns: readonly Column[] = ['label', 'commitment', 'location', 'owner'];

const yes = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'actif', 'active']);
const no = new Set(['non', 'n', 'no', 'faux', 'false', '0', 'retire', 'inactif', 'inactive']);

function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ';';
}

const idPattern = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
const fieldOrder: (keyof CheckItemDraft)[] = ['label', 'commitment', 'location', 'url', 'owner', 'service'];
const describeErrors = (errors: CheckItemFieldErrors) => fieldOrder.flatMap((f) => (errors[f] ? [`${columnNames[f]} — ${errors[f]}`] : []));

type ParsedRecords = { ok: true; records: { record: string[]; info: { lines: number } }[] } | { ok: false; problems: ImportProblem[] };

function readRecords(text: string): ParsedRecords {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problems: [{ line: 1, message: 'Le texte collé est vide.' }] };
  const delimiter = detectDelimiter(trimmed.split(/\r?\n/, 1)[0] ?? '');
  try {
    const records = parse(trimmed, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { ok: true, records };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, message: 'Le CSV est mal formé (guillemet non fermé ?).' }] };
  }
}

/**
 * Parses check items pasted as CSV (`;`, `,` or tab separated; header identifiant, libelle, engagement, support,
 * url, responsable, service, actif). Every row is validated with the form's rules; one bad row rejects the whole
 * import, with each problem's line number (header = line 1). A row whose identifiant — or, without one, whose
 * libellé — names a stored item updates it; other rows create items, with an id made from the label. So importing
 * the same file twice changes nothing the second time.
 */
export function parseCheckItemsCsv<Stored extends CheckItem>(
  text: string,
  refs: CheckItemReferences,
  existing: readonly Stored[],
  now: Date,
): CheckItemsCsvResult<Stored> {
  const read = readRecords(text);
  if (!read.ok) return read;
  const [header, ...rows] = read.records;
  if (!header) return { ok: false, problems: [{ line: 1, message: 'Le texte collé est vide.' }] };
  const columns = header.record.map((cell) => columnAliases[normalizeText(cell)]);
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return { ok: false, problems: [{ line: 1, message: `En-tête incomplet : colonne(s) manquante(s) ${missing.map((m) => columnNames[m]).join(', ')}.` }] };
  }
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'Aucun élément sous l’en-tête.' }] };
  if (rows.length > maxCheckItemRows) {
    return { ok: false, problems: [{ line: maxCheckItemRows + 2, message: `Au plus ${maxCheckItemRows} éléments par import.` }] };
  }

  const byId = new Map(existing.map((item) => [item.id, item]));
  const byLabel = new Map<string, Stored[]>();
  for (const item of existing) byLabel.set(normalizeText(item.label), [...(byLabel.get(normalizeText(item.label)) ?? []), item]);
  const idsInUse = new Set(existing.map((item) => item.id));
  const seen = new Map<string, number>();
  const claimed = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const valid: CheckItemImportRow<Stored>[] = [];

  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: Column) => (columns.includes(column) ? (record[columns.indexOf(column)]?.trim() ?? '') : '');
    const rowProblems: string[] = [];
    const typedId = cell('id').toUpperCase();
    if (typedId !== '' && !idPattern.test(typedId)) rowProblems.push(`identifiant « ${typedId.slice(0, 40)} » invalide (majuscules, chiffres et tirets)`);
    const sameLabel = typedId === '' ? (byLabel.get(normalizeText(cell('label'))) ?? []) : [];
    if (sameLabel.length > 1) rowProblems.push(`plusieurs éléments portent ce libellé (${sameLabel.map((i) => i.id).join(', ')}) : indiquez l’identifiant`);
    const previous = typedId !== '' ? byId.get(typedId) : sameLabel[0];
    const key = previous?.id ?? (typedId || `libelle:${normalizeText(cell('label'))}`);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) rowProblems.push(`élément déjà présent ligne ${firstLine}`);
    seen.set(key, line);

    const activeText = normalizeText(cell('active'));
    if (activeText !== '' && !yes.has(activeText) && !no.has(activeText)) rowProblems.push(`actif : « ${cell('active').slice(0, 20)} » (oui ou non)`);
    const active = activeText === '' ? (previous?.active ?? true) : yes.has(activeText);

    const draft: CheckItemDraft = {
      label: cell('label'),
      commitment: cell('commitment'),
      location: cell('location'),
      url: cell('url'),
      owner: cell('owner'),
      service: cell('service'),
    };
    const result = previous
      ? applyCheckItemEdit(previous, draft, refs)
      : buildNewCheckItem(draft, refs, idsInUse, now, typedId || undefined);
    if (!result.ok) rowProblems.push(...describeErrors(result.errors));

    if (rowProblems.length > 0 || !result.ok) {
      problems.push({ line, message: rowProblems.join(' ; ') });
      continue;
    }
    const item = { ...result.item, active };
    const clash = claimed.get(item.id);
    if (clash !== undefined) {
      problems.push({ line, message: `identifiant ${item.id} déjà utilisé ligne ${clash}` });
      continue;
    }
    claimed.set(item.id, line);
    idsInUse.add(item.id);
    valid.push({ line, item, previous });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: valid };
}

