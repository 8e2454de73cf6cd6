import { isLocalDate, type LocalDate } from '../reminders/calendar';
import type { ActionOrigin } from './action-item';

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab/CR) as a formula ("CSV injection", OWASP): such cells
 * get a leading apostrophe on export, which the import removes again. A text that starts with an apostrophe gets
 * one more, so the round trip stays exact.
 */
const protectedStart = /^[=+\-@\t\r']/;

/** A text cell as written to the file. */
export function textCell(text: string | undefined): string {
  if (text === undefined) return '';
  return protectedStart.test(text) ? `'${text}` : text;
}

/** A text cell as read back: the export's protective apostrophe removed (a lone leading apostrophe is kept). */
export function readTextCell(cell: string): string {
  return cell.startsWith("'") && protectedStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One field of a `;`-separated line, quoted when it holds the separator, a quote or a line end (RFC 4180). */
export function csvField(value: string, separator = ';'): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A day as the seed's table writes it: 31/12/2020. */
export function dayCell(day: LocalDate | undefined): string {
  return day === undefined ? '' : `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** Reads a day written 31/12/2020, 31/12/20 or 2020-12-31; undefined when it is none of them or does not exist. */
export function readDayCell(cell: string): LocalDate | undefined {
  const text = cell.trim();
  if (isLocalDate(text)) return text;
  const match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(text);
  if (!match) return undefined;
  const year = (match[3] ?? '').length === 2 ? `20${match[3]}` : (match[3] ?? '');
  const day = `${year}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return isLocalDate(day) ? day : undefined;
}

/** "X" when ticked, as the seed's source and state columns. */
export function tickCell(ticked: boolean): string {
  return ticked ? 'X' : '';
}

/** Reads a tick: X (or oui/1) is ticked, blank is not; undefined for anything else. */
export function readTickCell(cell: string): boolean | undefined {
  const text = cell.trim().toLowerCase();
  if (text === '') return false;
  return ['x', 'oui', '1', 'yes'].includes(text) ? true : undefined;
}

/** "ACTION EFFICACE": OUI, NON, or blank when not known. */
export function yesNoCell(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'OUI' : 'NON';
}

/** Reads OUI/NON (or yes/no); null for anything else, undefined for blank. */
export function readYesNoCell(cell: string): boolean | undefined | null {
  const text = cell.trim().toLowerCase();
  if (text === '') return undefined;
  if (['oui', 'o', 'yes', 'x'].includes(text)) return true;
  if (['non', 'n', 'no'].includes(text)) return false;
  return null;
}

/** Where an action came from, as a reader understands it: "contrôle HALL-HORAIRES 2027-Q1". */
export function originCell(origin: ActionOrigin | undefined): string {
  return origin === undefined ? '' : `contrôle ${origin.checkItemId} ${origin.quarter}`;
}

/** Reads "contrôle HALL-HORAIRES 2027-Q1"; null when malformed, undefined when blank. */
export function readOriginCell(cell: string): ActionOrigin | undefined | null {
  const text = cell.trim();
  if (text === '') return undefined;
  const match = /^contr[ôo]le\s+([A-Za-z0-9][A-Za-z0-9-]*)\s+(\d{4}-Q[1-4])$/i.exec(text);
  if (!match) return null;
  return { kind: 'check', checkItemId: match[1] ?? '', quarter: (match[2] ?? '').toUpperCase() };
}
