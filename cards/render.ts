import * as ACData from 'adaptivecards-templating';
import type { Locale, Strings } from './locale';

/** An Adaptive Card as JSON, ready to be attached to a message or returned by an invoke. */
export type CardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

/** Size a card must stay under (PLATFORM.md: Teams accepts ~100 KB; keep well under 40 KB). */
export const maxCardBytes = 40 * 1024;

/** Thrown when an expanded card is too large to be sent. */
export class CardTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`card is ${bytes} bytes, over ${maxCardBytes}`);
    this.name = 'CardTooLargeError';
  }
}

// Parsing a template's expressions costs about ten times expanding it (a form went from ~60 ms to ~7 ms per turn);
// the library's Template is made to be bound to many data objects, and expand() is synchronous, so one per template.
const parsedTemplates = new WeakMap<object, ACData.Template>();

function parsedTemplate(template: object): ACData.Template {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/**
 * Expands a template with its data and the strings of the viewer's language (available to the template as `t`).
 * Throws CardTooLargeError past the size limit: callers paginate instead.
 */
export function renderCard<Data extends object, Keys extends string>(
  template: object,
  strings: Strings<Keys>,
  data: Data,
  locale: Locale,
): CardJson {
  const expanded = parsedTemplate(template).expand({ $root: { ...data, t: strings[locale] } }) as CardJson;
  const bytes = Buffer.byteLength(JSON.stringify(expanded), 'utf8');
  if (bytes > maxCardBytes) throw new CardTooLargeError(bytes);
  return expanded;
}

/** Replaces `{name}` placeholders in a string: the few sentences built around a value. */
export function fill(text: string, values: object): string {
  const record = values as Record<string, unknown>;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in record ? String(record[key]) : whole));
}
