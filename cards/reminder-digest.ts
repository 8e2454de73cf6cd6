import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './reminder-digest.json';

/** One reminder on the card. */
export interface ReminderLineData {
  /** "Contrôle trimestriel : horaires d'ouverture (hall)". */
  title: string;
  /** "À confirmer avant le 31/03/2027". */
  detail: string;
  /** "Envoyé le 04/01/2027", or empty (the digest itself shows none). */
  status: string;
  /** Verb of the line's button, or empty for none. */
  verb: string;
  /** Button label. */
  button: string;
  /** Data the button sends. */
  data: Record<string, string | number | boolean>;
}

/** A list of reminders: the digest sent to a person, or "mes rappels". */
export interface ReminderDigestCardData {
  /** "Vous avez 3 rappels" / "Vos rappels". */
  heading: string;
  lines: ReminderLineData[];
}

/** Most lines on one card (keeps it well under the size limit). */
export const maxDigestLines = 20;

const strings: Strings<'none' | 'footer'> = {
  fr: { none: 'Aucun rappel pour l’instant.', footer: 'Tapez « mes rappels » pour revoir cette liste.' },
  en: { none: 'No reminder for now.', footer: 'Type “mes rappels” to see this list again.' },
};

/** Sample data for tests and the card gallery. */
export const reminderDigestSample: ReminderDigestCardData = {
  heading: 'Vous avez 2 rappels',
  lines: [
    {
      title: 'Formation à renouveler : Accueil — prise de poste (4.1)',
      detail: 'Échéance le 12/03/2027 (dans 90 jours)',
      status: '',
      verb: 'command.run',
      button: 'Mon profil',
      data: { command: 'whoami' },
    },
    { title: 'Rappel sans bouton', detail: 'détail', status: 'Envoyé le 04/01/2027', verb: '', button: '', data: {} },
  ],
};

/** The reminder list card. */
export function reminderDigestCard(data: ReminderDigestCardData, locale: Locale): CardJson {
  return renderCard(template, strings, { ...data, lines: data.lines.slice(0, maxDigestLines) }, locale);
}
