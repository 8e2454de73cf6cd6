import template from './complaints.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** One line of the list: a complaint, its state and due date, and a button to open it. */
export interface ComplaintLine {
  /** 'R-2026-0012', sent back by « Ouvrir ». */
  id: string;
  /** Summary cut to one line. */
  summary: string;
  /** "En attente — en retard", "Répondue dans les délais". */
  state: string;
  /** Adaptive Card colour of the state. */
  stateColor: string;
  /** "Courriel · échéance 19/03/2027 · Adele Vance (BMI)". */
  details: string;
}

/** One line of the per-channel table ("Courriel 24 57 %"). */
export interface ComplaintChannelLine {
  label: string;
  /** "24". */
  countText: string;
  /** "57 %". */
  share: string;
}

/**
 * `réclamations [année]` (issue 6): whose complaints and which year, the counts, for the quality officer the year's
 * figures as the yearly report prints them (per channel with shares, answered in time), then one line each.
 */
export interface ComplaintsCardData {
  /** "Réclamations 2026 — toutes", "… — service BMI", "… — les vôtres". */
  title: string;
  /** "Année non comprise…" or empty. */
  notice: string;
  /** "4 en attente · 1 en retard · 1 accusé de réception à envoyer · 8 répondues ou classées". */
  summary: string;
  /** True for the quality officer and admins. */
  showStats: boolean;
  /** "Questions et réclamations 2026 (périmètre Qual-e-pref)". */
  statsTitle: string;
  channelLines: ComplaintChannelLine[];
  /** "Total : 11 (hors périmètre : 2)". */
  totalText: string;
  /** "Répondues dans les délais : 5 sur 6 (83 %)". */
  onTimeText: string;
  /** "6 réclamations, 3 suggestions, 2 demandes d’information", or empty. */
  kindsText: string;
  /** At most 20 lines. */
  lines: ComplaintLine[];
  /** "… et 12 autres", or empty. */
  more: string;
  /** Year before the one shown, for the button. */
  previousYear: number;
  /** "Voir 2025". */
  previousYearLabel: string;
}

const strings: Strings<'none' | 'open' | 'newComplaint' | 'noRequest'> = {
  fr: { none: 'Aucune réclamation pour cette année.', open: 'Ouvrir', newComplaint: 'Nouvelle réclamation', noRequest: 'Aucune demande dans le périmètre.' },
  en: { none: 'No complaint for this year.', open: 'Open', newComplaint: 'New complaint', noRequest: 'No request in scope.' },
};

/** Sample data for tests and the card gallery: the 2020 report's figures as the quality officer's view. */
export const complaintsSample: ComplaintsCardData = {
  title: 'Réclamations 2020 — toutes',
  notice: '',
  summary: '1 en attente · 1 en retard · 0 accusé de réception à envoyer · 41 répondues ou classées',
  showStats: true,
  statsTitle: 'Questions et réclamations 2020 (périmètre Qual-e-pref)',
  channelLines: [
    { label: 'Courriel', countText: '24', share: '57 %' },
    { label: 'Courrier', countText: '15', share: '36 %' },
    { label: 'Fiche du hall', countText: '3', share: '7 %' },
  ],
  totalText: 'Total : 42 (hors périmètre : 0)',
  onTimeText: 'Répondues dans les délais : 40 sur 41 (98 %)',
  kindsText: '30 réclamations, 4 suggestions, 8 demandes d’information',
  lines: [
    { id: 'R-2020-0042', summary: 'Horaires d’ouverture trop restreints', state: 'En attente — en retard', stateColor: 'Attention', details: 'Courriel · échéance 31/12/2020 · Adele Vance (BMI)' },
    { id: 'R-2020-0041', summary: 'Déclaration de randonnée', state: 'Répondue dans les délais', stateColor: 'Good', details: 'Courrier · reçue le 14/12/2020 · Camille Martin (ACCUEIL)' },
  ],
  more: '… et 40 autres.',
  previousYear: 2019,
  previousYearLabel: 'Voir 2019',
};

/** The complaints list card. */
export function complaintsCard(data: ComplaintsCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
