import type { CommandDefinition } from '../../bot/command-definition';
import { commandTable } from '../../bot/commands';
import type { SentText } from '../../scripts/lib/playground-browser';
import { demoPendingPerson, demoPeople } from '../../services/demo/demo-directory';
import type { LogDestination } from '../../services/logger';
import { matchCommand } from '../../services/text/command-matcher';

/** Issue 10: logs hold ids only. This scans captured log lines for what must never be in them. */

/** A pino destination that keeps every line written, for the scan. */
export class LogCapture implements LogDestination {
  readonly lines: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim() !== '') this.lines.push(line);
  }
}

/** A log line holding personal data, and what was found in it. */
export interface LogLeak {
  line: string;
  found: string[];
}

/** Strings shorter than this are too common to mean anything (« BMI », « oui »). */
const minimumLength = 4;

/** Case, accents, typographic apostrophes and runs of spaces do not hide a match. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const emailShape = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Every string of a JSON log line, decoded (escaped quotes and line breaks would otherwise hide a match). */
function decodedStrings(line: string): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]) : [];
  try {
    return strings(JSON.parse(line) as unknown);
  } catch {
    return [];
  }
}

/**
 * The lines holding one of the forbidden strings (case- and accent-insensitive; strings under 4 characters
 * ignored; a multi-line text also counts line by line) or anything shaped like an e-mail address.
 */
export function scanLogs(lines: readonly string[], forbidden: readonly string[]): LogLeak[] {
  const needles = [...new Set(forbidden.flatMap((text) => [text, ...text.split(/\r?\n/)]).map(fold))].filter((needle) => needle.length >= minimumLength);
  const leaks: LogLeak[] = [];
  for (const line of lines) {
    const haystack = fold([line, ...decodedStrings(line)].join('\n'));
    const found = needles.filter((needle) => haystack.includes(needle));
    const email = emailShape.exec(haystack)?.[0];
    if (email !== undefined) found.push(`e-mail: ${email}`);
    if (found.length > 0) leaks.push({ line, found });
  }
  return leaks;
}

/** Every demo person's display name, name in « Surname Given » order, and e-mail. */
export function demoPersonalData(): string[] {
  return [...demoPeople, demoPendingPerson].flatMap((person) => {
    const [given = '', ...rest] = person.name.split(' ');
    return [person.name, `${rest.join(' ')} ${given}`, ...(person.email ? [person.email] : [])];
  });
}

const matchable = (Object.entries(commandTable) as [string, CommandDefinition][]).map(([name, command]) => ({ name, phrasings: command.phrasings, takesArgument: command.takesArgument }));

/** Free text holds a word of four letters or more: ids, dates and codes (« 2026-01 », « R-2026-0012 ») do not. */
const hasWord = (text: string): boolean => /\p{L}{4,}/u.test(text);
/** A card's coded values (« email », « mark-done », « titre-sejour ») are not text anyone typed. */
const isCode = (text: string): boolean => /^[a-z][a-zA-Z0-9.-]*$/.test(text);

/**
 * What a scenario typed that must stay out of the logs: each message, and its command's argument when it is free
 * text (« nouvelle action <constat> »); each free-text value a card sent (a summary, a reason, a prefilled agenda).
 */
export function freeTextsSent(sent: readonly SentText[]): string[] {
  return sent.flatMap(({ kind, text }) => {
    if (kind === 'field') return hasWord(text) && !isCode(text) ? [text] : [];
    const result = matchCommand(text, matchable);
    const argument = result.kind === 'match' ? result.match.argument : '';
    return [text, ...(hasWord(argument) ? [argument] : [])];
  });
}

/**
 * Log capture for an end-to-end file: spread `stackOptions` into `startLocalStack`, `chatOptions` into each
 * `openChat`, and call `expectNoPersonalData()` in `afterAll` once the stack has stopped.
 */
export function e2eLogPrivacy() {
  const capture = new LogCapture();
  const sent: SentText[] = [];
  return {
    capture,
    sent,
    stackOptions: { logLevel: 'debug', logDestination: capture },
    chatOptions: { onSent: (text: SentText) => sent.push(text) },
    expectNoPersonalData(): void {
      expect(capture.lines.length).toBeGreaterThan(0);
      expect(scanLogs(capture.lines, [...demoPersonalData(), ...freeTextsSent(sent)])).toEqual([]);
    },
  };
}
