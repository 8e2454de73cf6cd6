import type { Locale } from '../cards/locale';
import type { Audience } from '../services/directory/roles';
import type { CommandContext } from './turn-context';

/** One chat command: how people call it, what it does, who may run it, and its handler. */
export interface CommandDefinition {
  /** Phrasings in both languages; matching ignores case, accents and punctuation, and tolerates small typos. */
  phrasings: readonly string[];
  /** True when words may follow the phrasing ("engagement E.17"). */
  takesArgument?: boolean;
  /** How the help card shows it, per language. */
  example: Record<Locale, string>;
  /** What it does, per language. */
  description: Record<Locale, string>;
  /** Who may run it. */
  audience: Audience;
  /** Does the work and answers. */
  handle(context: CommandContext): Promise<void>;
}
