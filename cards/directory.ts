import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './directory.json';

/** The admin's view of the directory: people registered on first contact, waiting for a service and roles. */
export interface DirectoryCardData {
  /** "3 personnes à affecter sur 42". */
  summary: string;
  /** People to assign (at most one page). */
  people: {
    /** aadObjectId, sent back by the "Modifier" button. */
    id: string;
    /** Display name. */
    name: string;
    /** "Vue le 23/11/2026 · Agent". */
    details: string;
  }[];
}

const strings: Strings<'title' | 'none' | 'edit' | 'import'> = {
  fr: {
    title: 'Annuaire : personnes à affecter',
    none: 'Tout le monde est affecté à un service.',
    edit: 'Affecter',
    import: 'Importer un annuaire (CSV)',
  },
  en: {
    title: 'Directory: people to assign',
    none: 'Everyone is assigned to a service.',
    edit: 'Assign',
    import: 'Import a directory (CSV)',
  },
};

/** Sample data for tests and the card gallery. */
export const directorySample: DirectoryCardData = {
  summary: '1 personne à affecter sur 31',
  people: [{ id: '00000000-0000-0000-0000-000000000099', name: 'Nouvel Agent', details: 'Vue le 23/11/2026 · Agent' }],
};

/** The people-to-assign card. */
export function directoryCard(data: DirectoryCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
