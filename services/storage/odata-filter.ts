import { assertSafeKey } from './keys';
import { InvalidStorageInputError } from './storage-errors';

// C0, DEL and C1 controls, and lone surrogates (which cannot be sent in a URL): no stored value holds them.
// eslint-disable-next-line no-control-regex
const unsafeText = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Longest string literal: twice a key, far above any value a repository filters on. */
const maxLiteralLength = 1024;
/** The instant of a genuine Date, read without calling anything the object itself may have overridden. */
function instantOf(value: unknown): number | undefined {
  if (!(value instanceof Date)) return undefined;
  try {
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined; // Date.prototype without a Date inside
  }
}

/**
 * The OData literal of one value. The SDK's `odata` escapes strings but inserts any other type as-is (PLATFORM.md):
 * a number, an array or an object whose `toString` says `' or true or '` would become query text. Every value
 * Qualibot filters on is text (keys, states, ISO instants), so only a string passes, quoted with its quotes doubled;
 * anything else is InvalidStorageInputError. Constants such as `active eq true` are written in the template itself.
 */
export function filterLiteral(value: unknown, what = 'filter'): string {
  if (typeof value !== 'string' || value.length > maxLiteralLength || unsafeText.test(value)) throw new InvalidStorageInputError(what, 'filter value');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A filter whose every value goes through `filterLiteral`, always quoted by it: odataFilter`state eq ${state}`.
 * Repositories build every query with this (or `partitionFilter`), never by concatenating text.
 */
export function odataFilter(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += filterLiteral(value) + (strings[index + 1] ?? '');
  });
  return text;
}

/** The ISO text of a genuine, valid Date (instants are stored as ISO strings), else InvalidStorageInputError. */
export function isoInstant(value: unknown, what: string): string {
  const instant = instantOf(value);
  if (instant === undefined) throw new InvalidStorageInputError(what, 'filter value');
  return new Date(instant).toISOString();
}

/** `PartitionKey eq '<key>'`, the key checked first like any key written (type, forbidden characters, length). */
export function partitionFilter(partitionKey: unknown, what: string): string {
  return `PartitionKey eq ${filterLiteral(assertSafeKey(partitionKey, what), what)}`;
}
