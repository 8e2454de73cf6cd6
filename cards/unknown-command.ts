import { fill } from './render';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './unknown-command.json';

/** Data of the answer to a message Qualibot did not understand. */
export interface UnknownCommandCardData {
  /** What the person typed (shortened). */
  typed: string;
  /** The closest commands: the button label (as they would type it) and the command it runs. */
  suggestions: { label: string; command: string }[];
}

const strings: Strings<'notUnderstood' | 'didYouMean' | 'noIdea' | 'help'> = {
  fr: {
    notUnderstood: 'Je n’ai pas compris « {typed} ».',
    didYouMean: 'Vouliez-vous dire :',
    noIdea: 'Tapez « aide » pour voir les commandes disponibles.',
    help: 'Aide',
  },
  en: {
    notUnderstood: 'I did not understand “{typed}”.',
    didYouMean: 'Did you mean:',
    noIdea: 'Type “help” to see the available commands.',
    help: 'Help',
  },
};

/** Sample data for tests and the card gallery. */
export const unknownCommandSample: UnknownCommandCardData = { typed: 'aid', suggestions: [{ label: 'aide', command: 'help' }] };

/** The "not understood" card, with the closest commands as buttons. */
export function unknownCommandCard(data: UnknownCommandCardData, locale: Locale): CardJson {
  const typed = data.typed.length > 60 ? `${data.typed.slice(0, 57)}…` : data.typed;
  const notUnderstood = fill(strings[locale].notUnderstood, { typed });
  const helpSuggested = data.suggestions.some((s) => s.command === 'help');
  return renderCard(template, strings, { ...data, notUnderstood, helpSuggested }, locale);
}
