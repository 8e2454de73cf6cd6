import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './checks-status.json';

/** « contrôles »: where the quarter's checks stand, per service. */
export interface ChecksStatusCardData {
  quarterLabel: string;
  /** "Vos contrôles" / "Service BMI" / "Tous les services". */
  scopeText: string;
  /** "5 faits, 2 à faire, 0 en retard". */
  summary: string;
  services: {
    service: string;
    counts: string;
    items: {
      label: string;
      /** "Fait le 04/01", "À faire", "En retard". */
      state: string;
      /** "Good", "Default" or "Warning". */
      color: string;
    }[];
  }[];
}

const strings: Strings<'title' | 'none'> = {
  fr: { title: 'Contrôles trimestriels', none: 'Aucun contrôle ne vous concerne.' },
  en: { title: 'Quarterly checks', none: 'No check concerns you.' },
};

/** Sample data for tests and the card gallery. */
export const checksStatusSample: ChecksStatusCardData = {
  quarterLabel: 'T1 2027',
  scopeText: 'Tous les services',
  summary: '1 fait, 1 à faire, 0 en retard',
  services: [
    {
      service: 'SGCD',
      counts: '1 / 2',
      items: [
        { label: 'Horaires d’ouverture', state: 'Fait le 04/01/2027', color: 'Good' },
        { label: 'Taux d’appels aboutis', state: 'À faire', color: 'Default' },
      ],
    },
  ],
};

/** The checks status card. */
export function checksStatusCard(data: ChecksStatusCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
