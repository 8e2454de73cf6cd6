import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './report.json';

/** « bilan [année] »: the yearly quality report (seed 003, annex 1) computed from what was logged (issue 7). */
export interface ReportCardData {
  /** « Bilan qualité 2025 ». */
  heading: string;
  /** « Calculé le 23/11/2026 à partir des données enregistrées ; état au 31/12/2025. » */
  subtitle: string;
  /** « Aucune donnée enregistrée pour 2019 … » when the year has none, else ''. */
  noData: string;
  /** One block per table of the annex, in its order. */
  sections: {
    /** « II — Demandes d’information, réclamations, suggestions ». */
    title: string;
    lines: {
      /** « Courriel : 24 (57 %) ». */
      text: string;
      /** Default, or the legend's colour: Good (met), Warning (under 25 %), Attention (25 % and more). */
      color: string;
    }[];
  }[];
  /** The legend of deviations, '' when nothing is compared to a target. */
  legend: string;
  /** Signed link to the workbook, '' when there is nothing to download. */
  reportUrl: string;
  /** « Lien valable jusqu’à 10:15 (15 minutes), pour vous seul. », '' without a link. */
  expiry: string;
  /** Shows « Saisir les indicateurs » (quality officer). */
  canEnterIndicators: boolean;
}

const strings: Strings<'download' | 'indicators' | 'hint'> = {
  fr: {
    download: 'Télécharger le bilan (Excel)',
    indicators: 'Indicateurs saisis',
    hint: 'Une autre année : « bilan 2025 ». Délais des titres, appels, site internet : « indicateur delai-cni-passeports 2025-T1 5,9 ».',
  },
  en: {
    download: 'Download the report (Excel)',
    indicators: 'Entered indicators',
    hint: 'Another year: “report 2025”. Title delays, calls, website: “indicator delai-cni-passeports 2025-Q1 5.9”.',
  },
};

/** Sample for tests and the gallery: the 2020 figures of seed 003. */
export const reportSample: ReportCardData = {
  heading: 'Bilan qualité 2020',
  subtitle: 'Calculé le 15/01/2021 à partir des données enregistrées ; état au 31/12/2020.',
  noData: '',
  sections: [
    {
      title: 'Demandes d’information, réclamations, suggestions',
      lines: [
        { text: '42 demandes dans le périmètre Qual-e-pref (78 en 2019)', color: 'Default' },
        { text: 'Courriel : 24 (57 %)', color: 'Default' },
        { text: 'Courrier : 15 (36 %)', color: 'Default' },
        { text: 'Fiche du hall : 3 (7 %)', color: 'Default' },
        { text: 'Réponses dans les délais : 40 sur 42 (95 %) ; délai moyen 4,2 jours ouvrés, médian 4', color: 'Default' },
      ],
    },
    {
      title: 'Délais moyens de traitement des titres',
      lines: [
        { text: 'CNI / passeports : 5,9 j (2019 : 14,9 j) — cible 9 j : conforme', color: 'Good' },
        { text: 'Renouvellement carte de séjour : 64 j (2019 : 52,1 j) — cible 30 j : écart > 50 % (113 %)', color: 'Attention' },
      ],
    },
    {
      title: 'Fraude',
      lines: [
        { text: 'BMI — titres des étrangers : 12 / 3 870 dossiers = 3,10 ‰ (2019 : 7,18 ‰) — cible 5 ‰ : écart 25–50 % (38 %)', color: 'Attention' },
        { text: 'CERT CNI-Passeports : 11 / 20 370 dossiers = 0,54 ‰ (2019 : 0,28 ‰) — cible 0,5 ‰ : conforme', color: 'Good' },
        { text: 'Signalements transmis au procureur (art. 40) : 52 (2019 : 58)', color: 'Default' },
      ],
    },
  ],
  legend: 'Légende : conforme = résultat conforme voire meilleur que la cible ; écart < 25 %, 25–50 %, > 50 % de la cible.',
  reportUrl: 'https://qualibot.example.fr/exports/eyJraW5kIjoicmVwb3J0In0.c2lnbmF0dXJl',
  expiry: 'Lien valable jusqu’à 10:15 (15 minutes), pour vous seul : ne le transférez pas.',
  canEnterIndicators: true,
};

/** The yearly report card. */
export function reportCard(data: ReportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
