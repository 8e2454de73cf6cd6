import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where each reliability or security test leaves its row; docs/RELIABILITY.md is written from them (ignored by git). */
export const reliabilityRowsDirectory = join(__dirname, '..', '..', 'test-results', 'reliability-report');

/** The part of docs/RELIABILITY.md a row belongs to. */
export type ReliabilitySection = 'faults' | 'bad-input' | 'access' | 'data-protection';

/** One line of the report: a fault or an attack, how many cases were tried, and what it cost. */
export interface ReliabilityRow {
  section: ReliabilitySection;
  /** Stable id (file name of the row): one row per id, the latest run wins. */
  id: string;
  /** What was done to the bot, in a few words. */
  what: string;
  /** Number of cases, requests, reminders or attempts. */
  cases: number;
  /** Records or messages lost (must be 0). */
  lost: number;
  /** Messages delivered or records written twice; null where it does not apply. */
  duplicates: number | null;
  /** Milliseconds until the bot worked again after the fault; null where it does not apply. */
  recoveryMs: number | null;
  /** Outcome in one line: what the bot did. */
  outcome: string;
}

/** True under `npm run test:soak`: tests multiply their case counts by `soakFactor()`. */
export function isSoakRun(): boolean {
  return process.env.QUALIBOT_SOAK === '1';
}

/** Multiplier of case counts for the long soak variants (10 under `npm run test:soak`, else 1). */
export function soakFactor(): number {
  return isSoakRun() ? 10 : 1;
}

/** Records one row of docs/RELIABILITY.md; the suite's global teardown writes the document. */
export function recordReliabilityRow(row: ReliabilityRow): void {
  if (!/^[a-z0-9-]+$/.test(row.id)) throw new Error(`row id must be kebab-case: ${row.id}`);
  mkdirSync(reliabilityRowsDirectory, { recursive: true });
  writeFileSync(join(reliabilityRowsDirectory, `${row.id}.json`), `${JSON.stringify({ ...row, soak: isSoakRun(), at: new Date().toISOString() }, null, 2)}\n`);
}
