import { distance } from 'fastest-levenshtein';
import { normalizeText } from './normalize';

/** What the matcher needs to know about a command: its name and the phrasings that call it. */
export interface MatchableCommand<Name extends string = string> {
  name: Name;
  /** French and English phrasings, as a person would type them ("qui suis-je", "whoami"). */
  phrasings: readonly string[];
  /** True when the command takes words after its phrasing ("engagement E.17"). */
  takesArgument?: boolean;
}

/** A matched command, with the rest of the text as typed (case and punctuation kept: "E.17"). */
export interface CommandMatch<Name extends string> {
  name: Name;
  argument: string;
}

/** Result of matching a message against the command table. */
export type MatchResult<Name extends string> =
  | { kind: 'match'; match: CommandMatch<Name> }
  | { kind: 'unknown'; suggestions: Name[] };

/** Typos tolerated: one edit for short words, two for longer phrasings. */
function tolerance(phrasing: string): number {
  return phrasing.length <= 6 ? 1 : 2;
}

/**
 * Finds the command a message calls: the longest phrasing matching the start of the text (after normalising),
 * the rest being its argument. Nothing matched: the closest commands (small typos) as suggestions.
 */
export function matchCommand<Name extends string>(
  text: string,
  commands: readonly MatchableCommand<Name>[],
  maxSuggestions = 3,
): MatchResult<Name> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let best: { name: Name; used: number; length: number } | undefined;
  for (const command of commands) {
    for (const phrasing of command.phrasings) {
      const target = normalizeText(phrasing);
      for (let used = words.length; used >= 1; used -= 1) {
        if (normalizeText(words.slice(0, used).join(' ')) !== target) continue;
        const hasRest = used < words.length;
        if (hasRest && !command.takesArgument) continue;
        if (!best || target.length > best.length) best = { name: command.name, used, length: target.length };
        break;
      }
    }
  }
  if (best) return { kind: 'match', match: { name: best.name, argument: words.slice(best.used).join(' ') } };

  const typed = normalizeText(text);
  const scored = commands
    .map((command) => {
      const scores = command.phrasings.map((phrasing) => {
        const target = normalizeText(phrasing);
        // Compare with as many typed words as the phrasing has, so "engagment E.17" still finds "engagement".
        const head = typed.split(' ').slice(0, Math.max(1, target.split(' ').length)).join(' ');
        const d = Math.min(distance(typed, target), distance(head, target));
        const prefix = typed.length >= 3 && target.startsWith(typed) ? 0.5 : Infinity;
        return Math.min(d <= tolerance(target) ? d : Infinity, prefix);
      });
      return { name: command.name, score: Math.min(...scores) };
    })
    .filter((entry) => Number.isFinite(entry.score))
    .sort((a, b) => a.score - b.score);
  return { kind: 'unknown', suggestions: scored.slice(0, maxSuggestions).map((entry) => entry.name) };
}
