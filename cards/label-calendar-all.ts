import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './label-calendar-all.json';

/** « calendrier tout » (issue 7): every obligation of the label calendar, to edit, mark done, retire or restore. */
export interface LabelCalendarAllCardData {
  /** "7 échéance(s) active(s), 1 retirée(s) — au 04/01/2027". */
  summary: string;
  /** What the last action did, or empty. */
  notice: string;
  /** Colour of the notice. */
  noticeColor: 'Good' | 'Warning' | 'Default';
  /** Every obligation, active ones by due date, then retired ones. */
  lines: {
    /** Obligation id, sent back by the buttons. */
    id: string;
    /** ETag read with it: retiring or restoring a version changed since is refused. */
    etag: string;
    /** "**01/04/2027** — Enquête annuelle de satisfaction et appels mystères (3.2)". */
    heading: string;
    /** How occurrences follow each other: "Tous les ans", "18 mois après la dernière réalisation de « … »". */
    schedule: string;
    /** "Alex Wilber · dans 87 jours · dernière réalisation le 01/04/2026". */
    details: string;
    /** "Attention" when late, "Good" when done, else "Default". */
    detailsColor: 'Attention' | 'Good' | 'Default';
    /** False once retired (shown with « Réactiver »). */
    active: boolean;
    /** The current occurrence is pending: the line carries « Fait ». */
    canMarkDone: boolean;
  }[];
  /** "… et 3 autre(s).", or empty. */
  more: string;
}

const strings: Strings<'title' | 'none' | 'edit' | 'done' | 'retire' | 'restore' | 'create' | 'dueOnly'> = {
  fr: {
    title: 'Calendrier du label : toutes les échéances',
    none: 'Le calendrier est vide : créez une première échéance.',
    edit: 'Modifier',
    done: 'Fait',
    retire: 'Retirer',
    restore: 'Réactiver',
    create: 'Nouvelle échéance',
    dueOnly: 'À faire et en retard',
  },
  en: {
    title: 'Label calendar: every obligation',
    none: 'The calendar is empty: create a first obligation.',
    edit: 'Edit',
    done: 'Done',
    retire: 'Retire',
    restore: 'Restore',
    create: 'New obligation',
    dueOnly: 'Due and late',
  },
};

/** Sample data for tests and the card gallery. */
export const labelCalendarAllSample: LabelCalendarAllCardData = {
  summary: '3 échéance(s) active(s), 1 retirée(s) — au 04/01/2027',
  notice: '',
  noticeColor: 'Default',
  lines: [
    {
      id: 'audit-suivi',
      etag: 'W/"1"',
      heading: '**04/01/2026** — Audit de suivi externe (Label)',
      schedule: '18 mois après la dernière réalisation de « Renouvellement du label Qual-e-pref »',
      details: 'Alex Wilber · fait le 08/11/2025',
      detailsColor: 'Good',
      active: true,
      canMarkDone: false,
    },
    {
      id: 'enquete-satisfaction',
      etag: 'W/"2"',
      heading: '**01/04/2027** — Enquête annuelle de satisfaction et appels mystères (3.2)',
      schedule: 'Tous les ans',
      details: 'Alex Wilber · dans 87 jours · dernière réalisation le 01/04/2026',
      detailsColor: 'Default',
      active: true,
      canMarkDone: true,
    },
    {
      id: 'sensibilisation-fraude',
      etag: 'W/"3"',
      heading: '**15/12/2026** — Action de sensibilisation des partenaires à la fraude (23.3)',
      schedule: 'Tous les ans',
      details: 'Isaiah Langer · en retard de 20 jours',
      detailsColor: 'Attention',
      active: true,
      canMarkDone: true,
    },
    {
      id: 'exercice-ancien',
      etag: 'W/"4"',
      heading: '**30/06/2026** — Exercice de crise (ES49)',
      schedule: 'Une seule fois',
      details: 'Inès Simon · retirée',
      detailsColor: 'Default',
      active: false,
      canMarkDone: false,
    },
  ],
  more: '',
};

/** The « calendrier tout » card. */
export function labelCalendarAllCard(data: LabelCalendarAllCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
