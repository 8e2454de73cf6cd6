import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './report-indicators.json';

/** « indicateurs [année] »: the figures the quality officer entered for the yearly report (annex 1, III and IV). */
export interface ReportIndicatorsCardData {
  /** « Indicateurs saisis — 2025 ». */
  heading: string;
  /** The annex's two tables. */
  groups: {
    /** « Délais moyens de traitement des titres ». */
    title: string;
    indicators: {
      /** « Délai de traitement CNI / passeports ». */
      label: string;
      /** The slug to type: delai-cni-passeports. */
      id: string;
      /** « 2025 : 5,9 j (moyenne de T1, T2) — cible 9 j : conforme », or « 2025 : non saisi — cible 9 j ». */
      valueText: string;
      /** Legend colour, Default without a target or a value. */
      color: string;
      /** « T1 2025 : 5,4 j ; T2 2025 : 6,4 j », '' when nothing entered. */
      periodsText: string;
    }[];
  }[];
}

const strings: Strings<'intro' | 'usage' | 'report'> = {
  fr: {
    intro: 'Les indicateurs que Qualibot ne collecte pas : saisissez-les par trimestre ou pour l’année ; le bilan prend la valeur annuelle, sinon la moyenne des trimestres (la somme pour les nombres de demandes).',
    usage: 'Saisir : « indicateur delai-cni-passeports 2025-T1 5,9 », « indicateur taux-appels-decroches 2025 91,96 ». Corriger : la même commande avec la nouvelle valeur. Effacer : « indicateur delai-cni-passeports 2025-T1 effacer ».',
    report: 'Voir le bilan',
  },
  en: {
    intro: 'The indicators Qualibot does not collect: enter them per quarter or for the year; the report takes the yearly figure, else the mean of the quarters (the sum for numbers of requests).',
    usage: 'Enter: “indicator delai-cni-passeports 2025-Q1 5.9”, “indicator taux-appels-decroches 2025 91.96”. Correct: the same command with the new value. Remove: “indicator delai-cni-passeports 2025-Q1 delete”.',
    report: 'See the report',
  },
};

/** Sample for tests and the gallery: some of the 2020 figures of seed 003. */
export const reportIndicatorsSample: ReportIndicatorsCardData = {
  heading: 'Indicateurs saisis — 2020',
  groups: [
    {
      title: 'Délais moyens de traitement des titres',
      indicators: [
        { label: 'Délai de traitement CNI / passeports', id: 'delai-cni-passeports', valueText: '2020 : 5,9 j — cible 9 j : conforme', color: 'Good', periodsText: '2020 : 5,9 j' },
        { label: 'Délai de traitement 1ère carte de séjour', id: 'delai-premiere-carte-sejour', valueText: '2020 : non saisi — cible 90 j', color: 'Default', periodsText: '' },
      ],
    },
    {
      title: 'Appels décrochés, connexions internet',
      indicators: [{ label: 'Taux d’appels décrochés', id: 'taux-appels-decroches', valueText: '2020 : 91,96 % (moyenne de T1, T2) — cible 90 % : conforme', color: 'Good', periodsText: 'T1 2020 : 91 % ; T2 2020 : 92,92 %' }],
    },
  ],
};

/** The entered indicators card. */
export function reportIndicatorsCard(data: ReportIndicatorsCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
