import { excelLibrary } from './excel-library';
import { csvField, textCell } from '../action-plan/action-plan-cells';

/** A cell of an export: text, or a number (the yearly report's figures; lists are text only). */
export type ExportCell = string | number;

/** One table of an export: a sheet of the workbook, or the whole CSV. */
export interface ExportSheet {
  /** Sheet name, at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly ExportCell[])[];
}

/** MIME type of a CSV download. */
export const csvContentType = 'text/csv; charset=utf-8';

/** MIME type of an Excel workbook. */
export const workbookContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every text cell of a list protected against formula injection (OWASP "CSV injection": = + - @ tab CR start a
 * formula in a spreadsheet), the same way the action plan's export does (action-plan-cells.ts).
 */
export function protectedRows(rows: readonly (readonly ExportCell[])[]): ExportCell[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell)));
}

/** A number as French Excel reads it in a CSV: decimal comma, no grouping. */
function csvNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** A table as the CSV French Excel opens: UTF-8 with a BOM, `;` between fields, CRLF line ends (as the plan's). */
export function formatCsv(sheet: ExportSheet): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map((cell) => csvField(typeof cell === 'number' ? csvNumber(cell) : cell)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Texts longer than this wrap in their cell instead of widening the column. */
const maxColumnWidth = 50;

/** A column as wide as its longest line (header included), between 8 and 50 characters. */
function columnWidth(cells: readonly string[]): number {
  const longest = Math.max(0, ...cells.flatMap((cell) => cell.split('\n').map((line) => line.length)));
  return Math.min(maxColumnWidth, Math.max(8, longest + 2));
}

/**
 * Tables as an Excel workbook, one sheet each: the header in a frozen, bold, filterable first row; a column of
 * texts formatted as text (Excel never turns "2026-01" or "01/02/2026" into a date), numbers kept as numbers so
 * they can be summed. Same layout as the action plan's workbook (action-plan-xlsx.ts).
 */
export async function writeWorkbook(sheets: readonly ExportSheet[], now: Date): Promise<Buffer> {
  const workbook = new (await excelLibrary()).Workbook();
  workbook.creator = 'Qualibot';
  workbook.created = now;
  workbook.modified = now;
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((title, index) => {
      const column = table.rows.map((row) => row[index] ?? '');
      const texts = [title, ...column.map(String)];
      const textOnly = column.every((cell) => typeof cell === 'string');
      const wrapText = texts.some((cell) => cell.length > maxColumnWidth || cell.includes('\n'));
      return { header: title, width: columnWidth(texts), style: { ...(textOnly ? { numFmt: '@' } : {}), alignment: { vertical: 'top', wrapText } } };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.header.length) } };
    // Empty cells stay empty (not an empty string): the file is smaller and Excel shows blanks.
    sheet.addRows(table.rows.map((row) => row.map((cell) => (cell === '' ? null : cell))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
