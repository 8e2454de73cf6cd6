import template from './fraud-overview.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** « fraude [année] »: counts and rates per fraud domain against the targets (2020 report, part V). */
export interface FraudOverviewCardData {
  /** « Fraude — indicateurs 2026 ». */
  heading: string;
  /** « 14 signalements retenus (9 confirmés, 5 en cours de qualification), 2 non confirmés ; 6 transmis au procureur (art. 40) ». */
  totalsText: string;
  services: {
    /** « BMI — titres des étrangers ». */
    label: string;
    /** « 2026 : 12 signalements / 3 870 dossiers = 3,10 ‰ — cible 5 ‰ : non atteinte ; 4 art. 40 ». */
    yearLine: string;
    /** Good when the target is met, Attention when not, Default without a target or a rate. */
    yearColor: string;
    /** One line per quarter. */
    quarters: { text: string }[];
  }[];
  /** « Signalements à qualifier » when some are, else ''. */
  awaitingTitle: string;
  awaiting: { id: string; summary: string }[];
  /** Shows « Saisir des volumes » (quality officer). */
  canEnterVolumes: boolean;
}

const strings: Strings<'intro' | 'hint' | 'open' | 'volumes' | 'report'> = {
  fr: {
    intro: 'Taux pour mille dossiers traités : signalements confirmés ou en cours de qualification (les non confirmés sont exclus), rapportés aux volumes saisis. La cible nationale est un minimum de détection.',
    hint: 'Une autre année : « fraude 2025 ». Saisir un volume : « volumes BMI 2026-T1 12500 ».',
    open: 'Voir',
    volumes: 'Saisir des volumes',
    report: 'Signaler une fraude',
  },
  en: {
    intro: 'Rate per thousand files processed: signals confirmed or being qualified (not-confirmed ones are left out), over the volumes entered. The national target is a detection floor.',
    hint: 'Another year: “fraud 2025”. Enter a volume: “volumes BMI 2026-Q1 12500”.',
    open: 'Open',
    volumes: 'Enter volumes',
    report: 'Report a fraud',
  },
};

/** Sample for tests and the gallery: the 2020 figures of seed 003. */
export const fraudOverviewSample: FraudOverviewCardData = {
  heading: 'Fraude — indicateurs 2020',
  totalsText: '23 signalements retenus (23 confirmés, 0 en cours de qualification), 1 non confirmé ; 6 transmis au procureur (art. 40)',
  services: [
    {
      label: 'BMI — titres des étrangers',
      yearLine: '2020 : 12 signalements / 3 870 dossiers = 3,10 ‰ — cible 5 ‰ : non atteinte ; 4 art. 40',
      yearColor: 'Attention',
      quarters: [
        { text: 'T1 2020 : 3 signalements / 1 000 dossiers = 3,00 ‰' },
        { text: 'T4 2020 : 2 signalements — aucun volume saisi : taux non calculable' },
      ],
    },
    {
      label: 'CERT CNI-Passeports',
      yearLine: '2020 : 11 signalements / 20 370 dossiers = 0,54 ‰ — cible 0,5 ‰ : atteinte ; 2 art. 40',
      yearColor: 'Good',
      quarters: [],
    },
  ],
  awaitingTitle: 'Signalements à qualifier',
  awaiting: [{ id: 'BMI-2020-0013', summary: 'Faux document — détectée le 30/11/2020' }],
  canEnterVolumes: true,
};

/** The fraud indicators card. */
export function fraudOverviewCard(data: FraudOverviewCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
