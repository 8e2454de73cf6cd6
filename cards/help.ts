import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './help.json';

/** One line of the help card: a command, what it does and who may use it. */
export interface HelpCommandLine {
  /** How to type it, e.g. "engagement E.17". */
  example: string;
  /** What it does, in the viewer's language. */
  description: string;
  /** Who may use it ("Tout le monde", "Administrateur"…). */
  audience: string;
  /** Whether the viewer may use it. */
  allowed: boolean;
}

/** Data of the help card. */
export interface HelpCardData {
  /** The viewer's roles, as labels joined for reading. */
  rolesText: string;
  /** Every command, those the viewer may use first. */
  commands: HelpCommandLine[];
}

const strings: Strings<'title' | 'intro' | 'yourRoles' | 'notForYou' | 'footer' | 'whoami'> = {
  fr: {
    title: 'Ce que Qualibot sait faire',
    intro: 'Écrivez une de ces commandes (les majuscules et les accents ne comptent pas).',
    yourRoles: 'Vos rôles :',
    notForYou: 'non autorisé',
    footer: 'Une commande mal tapée ? Qualibot propose la plus proche. Les boutons des cartes font le même travail que les commandes.',
    whoami: 'Qui suis-je ?',
  },
  en: {
    title: 'What Qualibot can do',
    intro: 'Type one of these commands (case and accents do not matter).',
    yourRoles: 'Your roles:',
    notForYou: 'not allowed',
    footer: 'Mistyped a command? Qualibot suggests the closest one. Card buttons do the same work as commands.',
    whoami: 'Who am I?',
  },
};

/** Sample data for tests and the card gallery. */
export const helpSample: HelpCardData = {
  rolesText: 'Agent, Administrateur',
  commands: [
    { example: 'aide', description: 'affiche cette aide', audience: 'Tout le monde', allowed: true },
    { example: 'annuaire', description: 'personnes à affecter', audience: 'Administrateur', allowed: false },
  ],
};

/** The help card. */
export function helpCard(data: HelpCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
