import template from './fraud-volumes.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** « volumes »: files processed per fraud domain and period, the denominator of the fraud rates. */
export interface FraudVolumesCardData {
  /** Domains the viewer may enter (all for the quality officer, their own for a manager). */
  services: { value: string; title: string }[];
  /** This year and last: each year, then its quarters begun ('2026', '2026-Q1' shown « T1 2026 »). */
  periods: { value: string; title: string }[];
  /** Values typed, kept when the card comes back. */
  service: string;
  period: string;
  volume: string;
  /** What was just saved, or ''. */
  notice: string;
  noticeColor: string;
  serviceError: string;
  periodError: string;
  volumeError: string;
  /** « BMI, T1 2026 : 12 500 dossiers (Megan Bowen, le 02/04/2026) ». */
  entered: { text: string }[];
  /** Shows the button to the indicators (quality officer). */
  canSeeRates: boolean;
}

type Keys = 'title' | 'intro' | 'pick' | 'service' | 'serviceRequired' | 'period' | 'periodRequired' | 'volume' | 'volumeRequired' | 'volumeHint' | 'entered' | 'none' | 'save' | 'rates';

const strings: Strings<Keys> = {
  fr: {
    title: 'Volumes de dossiers traités',
    intro: 'Nombre de dossiers traités par service et par période, pour calculer le taux de fraude pour mille. Une nouvelle saisie de la même période remplace la précédente.',
    pick: 'Choisir…',
    service: 'Service',
    serviceRequired: 'Choisissez le service.',
    period: 'Période (année ou trimestre)',
    periodRequired: 'Choisissez la période.',
    volume: 'Dossiers traités',
    volumeRequired: 'Indiquez le nombre de dossiers traités.',
    volumeHint: 'ex. 12500',
    entered: 'Volumes saisis (cette année et l’an dernier)',
    none: 'Aucun volume saisi.',
    save: 'Enregistrer',
    rates: 'Indicateurs fraude',
  },
  en: {
    title: 'Volumes of files processed',
    intro: 'Files processed per service and period, to compute the fraud rate per thousand. A new entry for the same period replaces the previous one.',
    pick: 'Pick…',
    service: 'Service',
    serviceRequired: 'Pick the service.',
    period: 'Period (year or quarter)',
    periodRequired: 'Pick the period.',
    volume: 'Files processed',
    volumeRequired: 'Give the number of files processed.',
    volumeHint: 'e.g. 12500',
    entered: 'Volumes entered (this year and last)',
    none: 'No volume entered.',
    save: 'Save',
    rates: 'Fraud indicators',
  },
};

/** Sample for tests and the gallery. */
export const fraudVolumesSample: FraudVolumesCardData = {
  services: [
    { value: 'BMI', title: 'BMI — titres des étrangers' },
    { value: 'CERT', title: 'CERT CNI-Passeports' },
  ],
  periods: [
    { value: '2027', title: '2027' },
    { value: '2027-Q1', title: 'T1 2027' },
  ],
  service: 'BMI',
  period: '2027-Q1',
  volume: '12,5',
  notice: '',
  noticeColor: 'Default',
  serviceError: '',
  periodError: '',
  volumeError: 'Le nombre de dossiers doit être un nombre entier (ex. 12500 ou 12 500).',
  entered: [{ text: 'BMI, 2026 : 3 870 dossiers (Alex Wilber, le 05/01/2027)' }],
  canSeeRates: true,
};

/** The volumes card. */
export function fraudVolumesCard(data: FraudVolumesCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
