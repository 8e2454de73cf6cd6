import { createHash } from 'node:crypto';

// Characters Azure Tables forbid in PartitionKey/RowKey (PLATFORM.md): / \ # ? and control characters.
// eslint-disable-next-line no-control-regex
const forbiddenKeyCharacters = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
const maxKeyLength = 512; // well under the 1 KiB limit, leaving room for prefixes

/** True when the text can be used as-is as a PartitionKey or RowKey. */
export function isSafeKey(text: string): boolean {
  return text.length > 0 && text.length <= maxKeyLength && !forbiddenKeyCharacters.test(text);
}

/** Returns the text if it is a valid key, else throws: user text never becomes a key unchecked. */
export function assertSafeKey(text: string, what: string): string {
  if (!isSafeKey(text)) throw new Error(`invalid storage key for ${what}`);
  return text;
}

/** A fixed-length key derived from any text (ids from Teams may hold forbidden characters). */
export function hashKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0001')).digest('hex');
}
