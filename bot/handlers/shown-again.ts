/**
 * What a refused form shows again of what was typed. The whole card must stay under 40 KB (PLATFORM.md); a form
 * that put back everything typed failed to render on a long paste instead of showing its errors (issue 10).
 */

/** Most what was typed may weigh on the card that shows it again. */
export const maxBytesShownAgain = 20_000;

/** Weight of a text in the card's JSON: a control character takes six bytes there, an emoji four, a quote two. */
function weight(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8');
}

/** A pasted CSV to put back in its import form, or '' when it would make the card too big. */
export function pastedTextShownAgain(text: string): string {
  return weight(text) <= maxBytesShownAgain ? text : '';
}

/**
 * The values typed in a form, to show it again with its errors: while they weigh too much together, the heaviest
 * is left blank. `blanked` names those left blank, so the form can say to type them again.
 */
export function typedValuesShownAgain<Values extends { [Key in keyof Values]: string }>(values: Values): { values: Values; blanked: string[] } {
  const shown = { ...values } as Record<string, string>;
  const blanked: string[] = [];
  const weights = () => Object.entries(shown).map(([key, text]) => ({ key, bytes: weight(text) }));
  while (weights().reduce((sum, field) => sum + field.bytes, 0) > maxBytesShownAgain) {
    const heaviest = weights().reduce((a, b) => (a.bytes >= b.bytes ? a : b));
    shown[heaviest.key] = '';
    blanked.push(heaviest.key);
  }
  return { values: shown as Values, blanked };
}
