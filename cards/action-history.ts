import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './action-history.json';

/** The history of one action: every change, newest first, as the audit keeps it. */
export interface ActionHistoryCardData {
  id: string;
  finding: string;
  entries: { what: string; who: string; when: string; detail: string }[];
  /** "… 12 entrées plus anciennes" when the card is capped, or ''. */
  more: string;
}

const strings: Strings<'title' | 'open'> = {
  fr: { title: 'Historique de l’action', open: 'Voir l’action' },
  en: { title: 'History of action', open: 'Open action' },
};

/** Sample data for tests and the card gallery. */
export const actionHistorySample: ActionHistoryCardData = {
  id: '2021-07',
  finding: 'Réclamations / suggestions : boîte peu visible',
  entries: [
    { what: 'Clôture approuvée', who: 'Megan Bowen', when: '23/10/2021 10:12', detail: 'Vu en réunion de service' },
    { what: 'Déclarée réalisée', who: 'Adele Vance', when: '20/10/2021 16:40', detail: 'Boîte déplacée, 12 suggestions en un mois' },
    { what: 'Création', who: 'Alex Wilber', when: '08/02/2021 09:00', detail: '' },
  ],
  more: '',
};

/** The history card. */
export function actionHistoryCard(data: ActionHistoryCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
