import fc from 'fast-check';
import type { CardActionResult } from '../../../bot/card-router';
import { isVerbName, verbRegistry } from '../../../bot/verbs';
import { alertTexts, frenchProblem, visibleTexts, englishOrRaw, type CardInput } from './card-text';
import { isReaderVerb } from './crawl';
import type { PersonaName } from './fuzz-bot';
import { badDates, badTimes, hostileKeys, hostileText, hostileValue, hugeStrings, wrongTypeBreak } from './hostile-values';

/** Marks a field to leave out of the submission. */
export const missing = Symbol('missing');
type Field = unknown;

/** One fuzz case: who clicks, the invoke's value, and which fields were broken on purpose (then nothing may be written). */
export interface VerbCase {
  persona: PersonaName;
  verb: string;
  value: unknown;
  /** Fields given a value that must be refused; empty when the data may be valid. */
  broken: string[];
  /** The data the card itself would have sent, to tell a real break from one the verb reads as the same value. */
  base?: Record<string, unknown>;
}

/** Empty-looking text: what a required field must never accept. */
const blankTexts = ['', ' ', '   ', '\t\n', '\u00A0\u2003', '\u3000'];

/**
 * A value that must be refused in place of a required input of this type. `blankIsValid`: the domain reads a blank
 * value as a default (a blank day as today for a reply, a blank person as the one acting), so only a wrong value
 * breaks it.
 */
export function brokenInput(input: CardInput, blankIsValid = false): fc.Arbitrary<Field> {
  const common: fc.Arbitrary<Field>[] = blankIsValid ? [wrongTypeBreak] : [fc.constant(missing), fc.constantFrom(...blankTexts), wrongTypeBreak];
  switch (input.type) {
    case 'Date':
      return fc.oneof(...common, fc.constantFrom(...badDates), fc.constantFrom(...hugeStrings()));
    case 'Time':
      return fc.oneof(...common, fc.constantFrom(...badTimes));
    case 'ChoiceSet':
      // Any text that is none of the choices (hostile strings never are).
      return fc.oneof(...common, hostileText.filter((text) => text.trim() !== '' && !input.choices.includes(text.trim())));
    default:
      return fc.oneof(...common, fc.constantFrom(...hugeStrings().filter((text) => text.trim() !== '')));
  }
}

/**
 * A value that must be refused in place of a value of the button's data (an id, a revision, an ETag).
 * `presentOnly`: leaving it out or empty means something valid (a new item), so only a wrong value breaks it.
 */
export function brokenButtonValue(key: string, base: unknown, presentOnly = false): fc.Arbitrary<Field> {
  const absent: fc.Arbitrary<Field>[] = presentOnly ? [] : [fc.constant(missing)];
  const numeric = typeof base === 'number' || (typeof base === 'string' && /^\d+$/.test(base));
  if (numeric) {
    // Another revision than the card's is a stale card; the rest is not a revision at all. Nothing a schema could
    // read as a small whole number (true, [1], '' or ' ' are 1 and 0 to Number): that may be the item's revision.
    const stale = Number(base) + 1000;
    const notARevision = (value: unknown) => {
      const read = Number(value);
      return !Number.isInteger(read) || read < 0 || read >= stale;
    };
    return fc.oneof(...absent, fc.constantFrom(stale, String(stale), -1, 1.5, NaN, Infinity, -Infinity, 1e308, 'abc', '1e400', {}), hostileText.filter(notARevision));
  }
  if (key === 'etag') {
    return fc.oneof(...absent, fc.constantFrom('*', 'W/"datetime\'2000-01-01T00%3A00%3A00Z\'"', 'W/"*"', '"x"\r\nIf-Match: *', 'é\u0000\u2028'), hostileText, wrongTypeBreak);
  }
  const text = hostileText.filter((value) => value !== base && (!presentOnly || value.trim() !== ''));
  return fc.oneof(...absent, text, wrongTypeBreak);
}

/** A value for a field left unbroken: as on the card, hostile text, the wrong type, or nothing. */
export function anyValue(base: unknown): fc.Arbitrary<Field> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(base) }, { weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(missing) });
}

/** Builds data from fields, leaving out the missing ones and keeping `__proto__` as an own key (as JSON.parse does). */
export function dataOf(fields: Record<string, Field>, extra: [string, unknown][] = []): Record<string, unknown> {
  return Object.fromEntries([...Object.entries(fields).filter(([, value]) => value !== missing), ...extra]);
}

/** Extra keys a tampered card may add. */
export const extraKeys: fc.Arbitrary<[string, unknown][]> = fc.array(fc.tuple(fc.constantFrom(...hostileKeys), hostileValue), { maxLength: 2 });

/** The invoke value of an `Action.Execute`. */
export function invokeValue(verb: string, data: unknown): unknown {
  return { action: { type: 'Action.Execute', verb, data } };
}

/**
 * True when the broken fields really change what the verb reads: a field the schema ignores, or a wrong value
 * it reads as the card's own (null as revision 0), breaks nothing, so the case may be valid.
 */
export function reallyBroken(verb: string, base: Record<string, unknown>, data: unknown, broken: string[]): boolean {
  if (broken.length === 0 || !isVerbName(verb)) return broken.length > 0;
  const schema = verbRegistry[verb].schema;
  const before = schema.safeParse(base);
  const after = schema.safeParse(typeof data === 'object' && data !== null ? data : {});
  if (!before.success || !after.success) return true;
  const read = (parsed: unknown, key: string) => JSON.stringify((parsed as Record<string, unknown>)[key]);
  return broken.some((key) => read(before.data, key) !== read(after.data, key));
}

/** The data of a case's invoke value. */
export function dataOfCase(testCase: VerbCase): unknown {
  return (testCase.value as { action?: { data?: unknown } } | undefined)?.action?.data;
}

/**
 * Keeps only cases whose broken fields really are (see reallyBroken): a case that is valid after all would write,
 * and change the demo under the next cases' feet (a revision read as the stored one).
 */
export function onlyReallyBroken(testCase: VerbCase): boolean {
  return testCase.broken.length === 0 || !testCase.base || reallyBroken(testCase.verb, testCase.base, dataOfCase(testCase), testCase.broken);
}

/** The case as the bot receives it over HTTP: JSON carries no NaN (null), no undefined, no -0. */
export function overTheWire(testCase: VerbCase): VerbCase {
  return { ...testCase, value: JSON.parse(JSON.stringify(testCase.value ?? null)) as unknown };
}

/** What a person must read after bad input, and what must not happen: the problems found, none when all is well. */
export function judgeCardAnswer(
  testCase: VerbCase,
  run: { result?: CardActionResult; error?: unknown },
  sideEffects: string[],
  options: { mustRefuse: boolean; errorFor?: (reference: string) => string },
): string[] {
  const problems: string[] = [];
  if (run.error) return [`crash: ${describeError(run.error)}`];
  const result = run.result as CardActionResult;
  if (result.outcome === 'failed') problems.push(`crash: ${(options.errorFor?.(result.reference ?? '') ?? result.reference ?? '').slice(0, 600)}`);
  if (options.mustRefuse && sideEffects.length > 0) problems.push(`wrote on invalid input: ${sideEffects.join('; ')}`);
  // The router's own refusals always say so; past the router, a verb that changes something must refuse broken data.
  const definition = isVerbName(testCase.verb) ? verbRegistry[testCase.verb] : undefined;
  const routerRefusal = ['malformed', 'unknownVerb', 'forbidden'].includes(result.outcome) || (result.outcome === 'invalid' && !definition?.invalid);
  problems.push(...frenchCardProblems(result.card, routerRefusal || (options.mustRefuse && !isReaderVerb(testCase.verb))));
  return problems;
}

/** Problems of a card read by a French speaker: English or raw text anywhere, and when a refusal is due, none in French. */
export function frenchCardProblems(card: unknown, refusalDue: boolean): string[] {
  const problems: string[] = [];
  const english = visibleTexts(card).find((text) => englishOrRaw.test(text));
  if (english) problems.push(`English or raw text on the card: « ${english.slice(0, 200)} »`);
  const alerts = alertTexts(card);
  if (refusalDue && alerts.length === 0) problems.push(`no refusal on the card: « ${visibleTexts(card).join(' | ').slice(0, 300)} »`);
  // A notice's title and text are read together (« Signalement introuvable » then the sentence that explains).
  const problem = alerts.length > 0 ? frenchProblem(alerts.join(' | ')) : undefined;
  if (problem) problems.push(problem);
  return problems;
}

/** An error thrown by a turn, with its stack, for a failure message. */
export function describeError(error: unknown): string {
  return (error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)).slice(0, 600);
}

/** A short, readable account of a case for failure messages (huge strings cut). */
export function describeCase(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => {
    if (typeof field === 'string' && field.length > 80) return `${field.slice(0, 40)}…(${field.length} chars)`;
    if (typeof field === 'number' && !Number.isFinite(field)) return String(field);
    return field;
  });
}
