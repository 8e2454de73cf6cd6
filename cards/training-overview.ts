import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './training-overview.json';

/** « formations » for a manager (their service) or the quality officer (everyone): counts per type, people to act on. */
export interface TrainingOverviewCardData {
  /** "Service BMI — 6 personnes, au 04/01/2027" or "Tous les services — 30 personnes, au 04/01/2027". */
  scopeText: string;
  /** "12 valides, 3 à renouveler, 4 expirées, 8 jamais déclarées". */
  summary: string;
  /** One row per active type, as the yearly report counts them ("agents formés par engagement"); counts as text. */
  types: { label: string; valid: string; expiring: string; expired: string; missing: string }[];
  /** "Agents du service" or "À relancer (expirées, jamais déclarées, à renouveler)". */
  peopleTitle: string;
  /** Shown when `people` is empty ("Tout est à jour."). */
  peopleEmpty: string;
  /** People listed (capped: the card must stay small), the most urgent first. */
  people: {
    id: string;
    /** "Adele Vance" or "Adele Vance (BMI)". */
    name: string;
    /** "Fraude (23.1) : expirée depuis le 12/03/2026 · Titres étrangers (E.28) : jamais déclarée". */
    states: string;
    /** "Good", "Warning" or "Attention". */
    color: string;
  }[];
  /** "… et 12 autres personnes à relancer", or empty. */
  moreText: string;
}

const strings: Strings<'title' | 'type' | 'valid' | 'expiring' | 'expired' | 'missing' | 'declare'> = {
  fr: {
    title: 'Suivi des formations',
    type: 'Formation',
    valid: 'Valides',
    expiring: 'À renouveler',
    expired: 'Expirées',
    missing: 'Jamais déclarées',
    declare: 'Déclarer',
  },
  en: {
    title: 'Training follow-up',
    type: 'Training',
    valid: 'Valid',
    expiring: 'To renew',
    expired: 'Expired',
    missing: 'Never declared',
    declare: 'Declare',
  },
};

/** Sample data for tests and the card gallery. */
export const trainingOverviewSample: TrainingOverviewCardData = {
  scopeText: 'Service BMI — 6 personnes, au 04/01/2027',
  summary: '8 valides, 1 à renouveler, 3 expirées, 4 jamais déclarées',
  types: [
    { label: 'Formation continue (4.2)', valid: '4', expiring: '0', expired: '1', missing: '1' },
    { label: 'Sensibilisation à la lutte contre la fraude (23.1)', valid: '2', expiring: '1', expired: '1', missing: '2' },
    { label: 'Plan de formation — titres des étrangers (E.28)', valid: '2', expiring: '0', expired: '1', missing: '1' },
  ],
  peopleTitle: 'Agents du service',
  peopleEmpty: '',
  people: [
    { id: '00000000-0000-0000-0000-0000000000106', name: 'Gabriel Richard', states: 'Formation continue (4.2) : jamais déclarée', color: 'Attention' },
    { id: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance', states: 'Fraude (23.1) : à renouveler (dans 41 jours)', color: 'Warning' },
    { id: '00000000-0000-0000-0000-0000000000105', name: 'Chloé Robert', states: 'Tout est à jour', color: 'Good' },
  ],
  moreText: '… et 3 autres',
};

/** The training overview card. */
export function trainingOverviewCard(data: TrainingOverviewCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
