import template from './fraud-signals.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A list of fraud signals (« mes signalements »), newest first, each with a button to open it. */
export interface FraudSignalsCardData {
  /** « Mes signalements de fraude ». */
  heading: string;
  /** « 3 signalements, 1 à compléter », or ''. */
  subtitle: string;
  rows: {
    id: string;
    /** « Faux bulletin de salaire — BMI, détectée le 04/01/2027 ». */
    summary: string;
    /** « À qualifier », « Fraude confirmée »… */
    state: string;
    /** Adaptive Card colour of the state. */
    color: string;
  }[];
  /** Shown when there is no row. */
  emptyText: string;
  /** « 12 de plus : … », or ''. */
  moreText: string;
}

const strings: Strings<'open' | 'report'> = {
  fr: { open: 'Voir', report: 'Signaler une fraude' },
  en: { open: 'Open', report: 'Report a fraud' },
};

/** Sample for tests and the gallery. */
export const fraudSignalsSample: FraudSignalsCardData = {
  heading: 'Mes signalements de fraude',
  subtitle: '2 signalements, 1 à compléter',
  rows: [
    { id: 'BMI-2027-0004', summary: 'Faux bulletin de salaire — BMI, détectée le 04/01/2027', state: 'À compléter par l’auteur', color: 'Attention' },
    { id: 'BMI-2026-0011', summary: 'Faux justificatif de domicile — BMI, détectée le 12/11/2026', state: 'Fraude confirmée', color: 'Good' },
  ],
  emptyText: 'Vous n’avez encore signalé aucune fraude.',
  moreText: '',
};

/** The list of signals card. */
export function fraudSignalsCard(data: FraudSignalsCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
