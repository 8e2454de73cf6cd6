import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './status.json';

/** One fact of a line, in the colour that says whether it asks for something. */
export interface StatusFact {
  /** "2 ouvertes · 1 en retard · 1 à valider". */
  text: string;
  /** Adaptive Card colour: 'Attention' when something is late, else 'Default' or 'Good'. */
  color: string;
}

/** A button of a line: runs the command that shows the detail (`command.run`, with its words). */
export interface StatusButton {
  /** Distinct on the card: "Actions en retard", "Voir les formations". */
  title: string;
  /** A command name of bot/commands.ts. */
  command: string;
  /** Words after the command (« en retard »), or empty. */
  argument: string;
}

/** One area of the overview: its title, its figures, and the buttons leading to its detail (at most 3). */
export interface StatusLine {
  /** "Plan d’action", "Contrôles trimestriels — T4 2026". */
  title: string;
  facts: StatusFact[];
  buttons: StatusButton[];
}

/** `statut` (issue 7): one line per area, in the viewer's scope. */
export interface StatusCardData {
  /** "Tous les services — au 23/11/2026", "Service BMI — …", "Vos dossiers — …". */
  subtitle: string;
  /** Words of the message not understood, or empty. */
  notice: string;
  lines: StatusLine[];
}

const strings: Strings<'title'> = {
  fr: { title: 'Tableau de bord qualité' },
  en: { title: 'Quality status' },
};

/** Sample data for tests and the card gallery: the quality officer's overview. */
export const statusSample: StatusCardData = {
  subtitle: 'Tous les services — au 23/11/2026',
  notice: '',
  lines: [
    {
      title: 'Plan d’action',
      facts: [{ text: '12 ouvertes · 2 en retard · 1 à valider · 1 proposition', color: 'Attention' }],
      buttons: [
        { title: 'Voir le plan d’action', command: 'actionPlan', argument: '' },
        { title: 'Actions en retard (2)', command: 'actionPlan', argument: 'en retard' },
        { title: 'Actions à valider (1)', command: 'actionPlan', argument: 'à valider' },
      ],
    },
    {
      title: 'Contrôles trimestriels — T4 2026',
      facts: [
        { text: '3 faits sur 8 · 5 à faire', color: 'Default' },
        { text: 'T3 2026 : 1 resté sans réponse (en retard)', color: 'Attention' },
      ],
      buttons: [
        { title: 'Voir les contrôles', command: 'checks', argument: '' },
        { title: 'Contrôles T3 2026', command: 'checks', argument: '2026-Q3' },
      ],
    },
    {
      title: 'Formations — 28 personnes suivies',
      facts: [{ text: '3 expirées · 2 jamais déclarées · 1 à renouveler dans les 90 jours', color: 'Attention' }],
      buttons: [
        { title: 'Voir les formations', command: 'training', argument: '' },
        { title: 'Formations expirées (3)', command: 'training', argument: 'expirées' },
      ],
    },
    {
      title: 'Réclamations',
      facts: [
        { text: '4 en attente · 1 en retard', color: 'Attention' },
        { text: '2026 : 83 % répondues dans les délais (5 sur 6)', color: 'Default' },
      ],
      buttons: [
        { title: 'Voir les réclamations', command: 'complaints', argument: '' },
        { title: 'Réclamations en retard (1)', command: 'complaints', argument: 'en retard' },
      ],
    },
    {
      title: 'Fraude 2026',
      facts: [
        { text: '7 signalements retenus, dont 2 à qualifier · 3 transmis au procureur (art. 40)', color: 'Default' },
        { text: 'BMI — titres des étrangers : 5 — 3,10 ‰ (cible 5 ‰)', color: 'Attention' },
      ],
      buttons: [{ title: 'Voir la fraude', command: 'fraud', argument: '' }],
    },
    {
      title: 'Comité local des usagers',
      facts: [{ text: 'Aucune réunion planifiée · à tenir avant le 16/02/2027', color: 'Default' }],
      buttons: [{ title: 'Voir le CLU', command: 'clu', argument: '' }],
    },
    {
      title: 'Calendrier du label',
      facts: [{ text: 'Prochaine échéance : 01/04/2027 — Enquête annuelle de satisfaction (3.2)', color: 'Default' }],
      buttons: [{ title: 'Voir le calendrier', command: 'labelCalendar', argument: '' }],
    },
  ],
};

/** The overview card. */
export function statusCard(data: StatusCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
