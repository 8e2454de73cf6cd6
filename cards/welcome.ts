import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './welcome.json';

/** Data of the welcome card sent when Qualibot is installed. */
export interface WelcomeCardData {
  /** First name of the person, to greet them. */
  firstName: string;
  /** True when they are not assigned to a service yet (registered on first contact). */
  toAssign: boolean;
}

const strings: Strings<
  | 'title' | 'greeting' | 'intro' | 'remindersTitle' | 'reminders' | 'logTitle' | 'log' | 'statusTitle' | 'status'
  | 'toAssign' | 'next' | 'help' | 'whoami'
> = {
  fr: {
    title: 'Bienvenue dans Qualibot',
    greeting: 'Bonjour',
    intro: 'Qualibot fait vivre au quotidien le label qualité de la préfecture (Qual-e-pref, Services Publics +).',
    remindersTitle: 'Rappels',
    reminders: 'contrôles trimestriels, formations, échéances du plan d’actions, CLU',
    logTitle: 'Saisie',
    log: 'signalements de fraude, réclamations et suggestions des usagers',
    statusTitle: 'Pilotage',
    status: 'état du label, bilan annuel et exports pour le responsable qualité',
    toAssign: 'Votre profil n’est pas encore rattaché à un service : un administrateur va le compléter.',
    next: 'Tapez « aide » à tout moment pour voir ce que vous pouvez faire.',
    help: 'Aide',
    whoami: 'Qui suis-je ?',
  },
  en: {
    title: 'Welcome to Qualibot',
    greeting: 'Hello',
    intro: 'Qualibot runs the day-to-day of the prefecture’s quality label (Qual-e-pref, Services Publics +).',
    remindersTitle: 'Reminders',
    reminders: 'quarterly checks, training, action-plan deadlines, user committee',
    logTitle: 'Logging',
    log: 'fraud signals, user complaints and suggestions',
    statusTitle: 'Steering',
    status: 'label status, yearly report and exports for the quality officer',
    toAssign: 'Your profile is not linked to a service yet: an administrator will complete it.',
    next: 'Type “help” at any time to see what you can do.',
    help: 'Help',
    whoami: 'Who am I?',
  },
};

/** Sample data for tests and the card gallery. */
export const welcomeSample: WelcomeCardData = { firstName: 'Alex', toAssign: true };

/** The welcome card. */
export function welcomeCard(data: WelcomeCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
