import { createHash } from 'node:crypto';
import type { ZodType } from 'zod';
import { InvalidStorageInputError } from './storage-errors';

// Characters Azure Tables forbid in PartitionKey/RowKey (PLATFORM.md): / \ # ? and control characters; and the
// line and paragraph separators, which break the body of a batch transaction (Azurite answers it with an error).
// eslint-disable-next-line no-control-regex
const forbiddenKeyCharacters = /[/\\#?\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A lone surrogate cannot be written into a URL: the SDK would fail with an untyped URIError.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Longest key accepted, in UTF-16 units: at most 1 KiB (PLATFORM.md), leaving room for prefixes. */
export const maxKeyLength = 512;

/** True when the value is text that can be used as-is as a PartitionKey or RowKey. */
export function isSafeKey(text: unknown): text is string {
  return typeof text === 'string' && text.length > 0 && text.length <= maxKeyLength && !forbiddenKeyCharacters.test(text) && !loneSurrogate.test(text);
}

/** Returns the value if it is a valid key, else throws: user text never becomes a key unchecked. */
export function assertSafeKey(text: unknown, what: string): string {
  if (!isSafeKey(text)) throw new InvalidStorageInputError(what);
  return text;
}

/** What a key must look like besides being safe: a zod schema that keeps it unchanged, or a pattern. */
export type KeyShape = ZodType<string> | RegExp;

function hasShape(text: string, shape: KeyShape | undefined): boolean {
  if (shape === undefined) return true;
  if (shape instanceof RegExp) return shape.test(text);
  const parsed = shape.safeParse(text);
  // A schema that trims or rewrites would let a different text through than the one stored.
  return parsed.success && parsed.data === text;
}

/** A safe key of the expected shape, else InvalidStorageInputError (writes and lists). */
export function storageKey(value: unknown, what: string, shape?: KeyShape): string {
  if (!isSafeKey(value) || !hasShape(value, shape)) throw new InvalidStorageInputError(what);
  return value;
}

/** A key to look one record up by, or undefined when the value cannot be one: the caller answers "not found". */
export function lookupKey(value: unknown, shape?: KeyShape): string | undefined {
  return isSafeKey(value) && hasShape(value, shape) ? value : undefined;
}

/** A year (integer, `min` to 9999), else InvalidStorageInputError: years become partitions and range bounds. */
export function storageYear(value: unknown, what: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 9999) throw new InvalidStorageInputError(what);
  return value;
}

/** A fixed-length key derived from any text (ids from Teams may hold forbidden characters). */
export function hashKey(...parts: string[]): string {
  // Checked at run time: an array or an object would be joined into the text of another id.
  if (parts.some((part) => typeof part !== 'string' || loneSurrogate.test(part))) throw new InvalidStorageInputError('hashed key');
  return createHash('sha256').update(parts.join('\u0001')).digest('hex');
}
