import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { reliabilityRowsDirectory, type ReliabilityRow, type ReliabilitySection } from './reliability-report';

const documentPath = join(__dirname, '..', '..', 'docs', 'RELIABILITY.md');

const sectionTitles: Record<ReliabilitySection, string> = {
  faults: 'Faults survived',
  'bad-input': 'Bad input refused',
  access: 'Access control',
  'data-protection': 'Data protection',
};

type StoredRow = ReliabilityRow & { soak: boolean; at: string };

function readRows(): StoredRow[] {
  if (!existsSync(reliabilityRowsDirectory)) return [];
  return readdirSync(reliabilityRowsDirectory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(reliabilityRowsDirectory, name), 'utf8')) as StoredRow);
}

const cell = (value: number | null, unit = ''): string => (value === null ? '–' : `${value.toLocaleString('en-US')}${unit}`);
const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rewrites docs/RELIABILITY.md from the rows the reliability and security suites recorded. */
export function writeReliabilityDoc(): void {
  const rows = readRows();
  if (rows.length === 0) return;
  const lines = [
    '# Reliability and security',
    '',
    '<!-- Written by the reliability and security suites (`npm run test:reliability`, `npm run test:security`,',
    '     `npm run test:soak`) from test/support/reliability-doc.ts: edit the tests, not this file. -->',
    '',
    'Each row is one test under `test/reliability/` or `test/security/`, run against a real Azurite (and, for the',
    'process faults, real bot processes). « Lost » counts reminders never delivered or records missing; it must be 0.',
    '« Duplicates » counts messages delivered twice or records written twice. « Recovery » is the time from the end',
    'of the fault to the first turn or send that worked again. `npm run test:soak` runs the same tests with ten',
    'times the cases (marked « soak »).',
    '',
    `Machine of the last run: ${cpus().length} CPU, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}.`,
    '',
  ];
  for (const section of Object.keys(sectionTitles) as ReliabilitySection[]) {
    const inSection = rows.filter((row) => row.section === section).sort((a, b) => a.id.localeCompare(b.id));
    if (inSection.length === 0) continue;
    lines.push(`## ${sectionTitles[section]}`, '', '| fault or attack | cases | lost | duplicates | recovery | outcome |', '|---|---:|---:|---:|---:|---|');
    for (const row of inSection) {
      const what = `${escape(row.what)}${row.soak ? ' (soak)' : ''}`;
      lines.push(`| ${what} | ${cell(row.cases)} | ${cell(row.lost)} | ${cell(row.duplicates)} | ${cell(row.recoveryMs, ' ms')} | ${escape(row.outcome)} |`);
    }
    lines.push('');
  }
  writeFileSync(documentPath, lines.join('\n'));
}
