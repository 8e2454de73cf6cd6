import { z } from 'zod';

/**
 * An action's number: the year of the plan and its row in that year's table, 'YYYY-NN' ('2021-07'). The seed's
 * plan numbers its rows (N° 11, 12) within the year; the year prefix keeps numbers unique across plans.
 */
export type ActionId = string;

const CANONICAL_ID = /^(\d{4})-(\d{2,4})$/;
/** What people type: '2021-7', '2021/07', '2021 07'. */
const TYPED_ID = /^(\d{4})\s*[-/ ]\s*(\d{1,4})$/;

/** Zod schema of a stored action number (canonical form, row ≥ 1). */
export const actionIdSchema = z
  .string()
  .regex(CANONICAL_ID, 'numéro d’action attendu sous la forme AAAA-NN (ex. 2021-07)')
  .refine((id) => Number(id.slice(5)) >= 1 && formatActionId(Number(id.slice(0, 4)), Number(id.slice(5))) === id, 'numéro d’action non canonique (ex. 2021-07)');

/** Writes a number with at least two digits for the row: (2021, 7) → '2021-07'. */
export function formatActionId(year: number, row: number): ActionId {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`Invalid plan year ${year}`);
  if (!Number.isInteger(row) || row < 1 || row > 9999) throw new RangeError(`Invalid action row ${row}: expected 1 to 9999`);
  return `${String(year).padStart(4, '0')}-${String(row).padStart(2, '0')}`;
}

/** Reads a number as stored or typed ('2021-07', '2021-7', '2021/07'); undefined when it is not one. */
export function parseActionId(text: string): { id: ActionId; year: number; row: number } | undefined {
  const match = TYPED_ID.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const row = Number(match[2]);
  if (row < 1) return undefined;
  return { id: formatActionId(year, row), year, row };
}

/** The number after the highest one of that year: '2021-07' exists → '2021-08'; none → '2021-01'. Gaps are kept. */
export function nextActionId(year: number, existingIds: Iterable<string>): ActionId {
  let highest = 0;
  for (const id of existingIds) {
    const parsed = parseActionId(id);
    if (parsed && parsed.year === year) highest = Math.max(highest, parsed.row);
  }
  return formatActionId(year, highest + 1);
}

/** Plan order: by year, then by row ('2021-09' before '2021-10', whatever the digits). */
export function compareActionIds(a: string, b: string): number {
  const left = parseActionId(a);
  const right = parseActionId(b);
  if (!left || !right) return a < b ? -1 : a > b ? 1 : 0;
  return left.year - right.year || left.row - right.row;
}
