import type ExcelJS from 'exceljs';
import { excelLibrary } from '../exports/excel-library';
import { maxPlanImportRows, parseActionPlanTable, type PlanImportOptions, type PlanImportResult } from './action-plan-import';

/** MIME type of an Excel workbook. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Largest workbook read: a 2,000-row plan weighs well under 2 MB; anything bigger is refused before unzipping. */
export const maxPlanXlsxBytes = 5 * 1024 * 1024;

/** "Plan d'actions 2026", or "Plan d'actions complet" for the whole plan (a sheet name: at most 31 characters). */
export function planSheetName(year?: number): string {
  return `Plan d'actions ${year ?? 'complet'}`;
}

/** Texts longer than this wrap in their cell instead of widening the column. */
const maxColumnWidth = 50;

/** A column as wide as its longest line (header included), between 8 and 50 characters. */
function columnWidth(cells: readonly string[]): number {
  const longest = Math.max(0, ...cells.flatMap((cell) => cell.split('\n').map((line) => line.length)));
  return Math.min(maxColumnWidth, Math.max(8, longest + 2));
}

/**
 * The plan as an Excel workbook, from the same rows as the CSV (`toCsvRows`): the seed's headers in a frozen, bold,
 * filterable first row, every cell written as text (dates as 31/12/2026, as in the CSV) in columns formatted as
 * text, so Excel neither turns a date into a number nor a number into a date when someone edits a cell. Cells keep
 * the CSV's protective apostrophe before = + - @, so reading back is the same as reading the CSV.
 */
export async function writeActionPlanXlsx(rows: readonly (readonly string[])[], options: { sheetName: string; now: Date }): Promise<Buffer> {
  const [header = [], ...body] = rows;
  const workbook = new (await excelLibrary()).Workbook();
  workbook.creator = 'Qualibot';
  workbook.created = options.now;
  workbook.modified = options.now;
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((title, index) => {
    const cells = [title, ...body.map((row) => row[index] ?? '')];
    return { header: title, width: columnWidth(cells), style: { numFmt: '@', alignment: { vertical: 'top', wrapText: cells.some((cell) => cell.length > maxColumnWidth || cell.includes('\n')) } } };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, header.length) } };
  // Empty cells stay empty (not an empty string): the file is smaller and Excel shows blanks.
  sheet.addRows(body.map((row) => row.map((cell) => (cell === '' ? null : cell))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A day Excel stored as a date (someone typed one in a General cell): read as the text the import understands. */
function dateText(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Any cell as the text a CSV would hold: rich text and links by their text, formulas by their last result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}

/** The first sheet as rows of text, row n of the sheet at index n - 1 (blank rows kept, so line numbers match). */
export async function readActionPlanXlsx(data: Buffer): Promise<{ ok: true; records: string[][] } | { ok: false; message: string }> {
  if (data.length === 0) return { ok: false, message: 'Le fichier est vide.' };
  if (data.length > maxPlanXlsxBytes) return { ok: false, message: `Le classeur dépasse ${maxPlanXlsxBytes / 1024 / 1024} Mo : importez le plan en plusieurs fois.` };
  const workbook = new (await excelLibrary()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer" of its own; a Node Buffer is what it reads.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, message: 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.' };
  }
  const [sheet] = workbook.worksheets;
  if (!sheet || sheet.rowCount === 0) return { ok: false, message: 'Le classeur n’a aucune feuille remplie.' };
  if (sheet.rowCount > maxPlanImportRows + 1) return { ok: false, message: `Au plus ${maxPlanImportRows} actions par import.` };
  const width = sheet.columnCount;
  const records: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    records.push(Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1).value)));
  }
  return { ok: true, records };
}

/** Reads an action plan workbook with the same rules, line numbers and French messages as the CSV import. */
export async function parseActionPlanXlsx(data: Buffer, options: PlanImportOptions): Promise<PlanImportResult> {
  const read = await readActionPlanXlsx(data);
  if (!read.ok) return { ok: false, problems: [{ line: 1, message: read.message }] };
  return parseActionPlanTable(read.records, options);
}
