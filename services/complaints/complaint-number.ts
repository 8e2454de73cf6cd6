import { z } from 'zod';

/** A complaint's number: 'R-' + year of receipt + row in that year, 4 digits ('R-2026-0012'). */
export type ComplaintId = string;

const CANONICAL_ID = /^R-(\d{4})-(\d{4})$/;
/** What people type: 'R-2026-12', 'r 2026 0012', '2026-12'. */
const TYPED_ID = /^(?:R\s*[-/ ]?\s*)?(\d{4})\s*[-/ ]\s*(\d{1,4})$/i;

/** Zod schema of a stored complaint number (canonical form, row ≥ 1). */
export const complaintIdSchema = z
  .string()
  .regex(CANONICAL_ID, 'numéro de réclamation attendu sous la forme R-AAAA-NNNN (ex. R-2026-0012)')
  .refine((id) => Number(id.slice(7)) >= 1, 'numéro de réclamation : le rang commence à 0001');

/** Writes a number: (2026, 12) → 'R-2026-0012'. */
export function formatComplaintId(year: number, row: number): ComplaintId {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid complaint year ${year}`);
  if (!Number.isInteger(row) || row < 1 || row > 9999) throw new RangeError(`Invalid complaint row ${row}: expected 1 to 9999`);
  return `R-${year}-${String(row).padStart(4, '0')}`;
}

/** Reads a number as stored or typed; undefined when it is not one. */
export function parseComplaintId(text: string): { id: ComplaintId; year: number; row: number } | undefined {
  const match = TYPED_ID.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const row = Number(match[2]);
  if (year < 1000 || row < 1) return undefined;
  return { id: formatComplaintId(year, row), year, row };
}

/** Year of a canonical number. */
export function yearOfComplaintId(id: ComplaintId): number {
  return Number(id.slice(2, 6));
}

/** The number after the highest one of that year ('R-2026-0011' exists → 'R-2026-0012'); gaps are kept. */
export function nextComplaintId(year: number, existingIds: Iterable<string>): ComplaintId {
  let highest = 0;
  for (const id of existingIds) {
    const parsed = parseComplaintId(id);
    if (parsed && parsed.year === year) highest = Math.max(highest, parsed.row);
  }
  return formatComplaintId(year, highest + 1);
}
