import template from './clu.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A title and a value, for the fact sets. */
export interface CluFact {
  title: string;
  value: string;
}

/**
 * The `clu` card (issue 7): the next meeting of the Comité local des usagers and the viewer's own answer to its
 * invitation; for the quality officer (and admins) every member's answer, when the next one is due, the last
 * meetings, and the buttons to schedule, edit, mark as held, record the minutes or cancel.
 */
export interface CluCardData {
  /** What just happened or why a click was refused, or empty. */
  notice: string;
  noticeColor: string;
  /** True when a meeting is planned and has not started. */
  hasNext: boolean;
  /** Its number ('CLU-2027') and revision, sent back by the buttons. */
  nextId: string;
  nextRevision: number;
  /** « mardi 16 février 2027 à 14:00 ». */
  nextWhen: string;
  /** Number, place, audio conference, chair, outside members. */
  nextFacts: CluFact[];
  /** Agenda points, numbered. */
  nextAgenda: string[];
  /** True for the quality officer and admins: every member's answer. */
  showAttendance: boolean;
  /** « Réponses : 3 présent(s) · 1 excusé(e) · 5 sans réponse ». */
  attendanceSummary: string;
  /** One line per internal member: name (service) → answer and when. */
  attendance: CluFact[];
  /** The viewer's own answer when invited (« Votre réponse : présent(e) »), or empty. */
  viewerAnswer: string;
  viewerAnswerColor: string;
  /** The viewer is invited and may still answer. */
  canAnswer: boolean;
  /** « Prochaine réunion à tenir avant le 16/02/2027 (12 mois après celle du 16/02/2026) », or empty. */
  dueText: string;
  dueColor: string;
  /** A meeting whose date has passed and that is not marked held yet, or empty. */
  awaitingText: string;
  /** The last meetings, newest first: date and number → state and minutes. */
  pastMeetings: CluFact[];
  /** Buttons of the quality officer. */
  canSchedule: boolean;
  canEdit: boolean;
  canCancel: boolean;
  /** The meeting « Annuler la réunion » applies to (the next one, or one whose date passed unmarked). */
  cancelId: string;
  cancelRevision: number;
  canMarkHeld: boolean;
  /** The meeting « Marquer comme tenue » applies to: number, revision, default and earliest day. */
  heldId: string;
  heldRevision: number;
  heldDefault: string;
  heldMin: string;
  canRecordMinutes: boolean;
  /** The held meeting « Compte rendu reçu le … » applies to, and the earliest day (the day it was held). */
  minutesId: string;
  minutesRevision: number;
  minutesMin: string;
  /** « Compte rendu de la réunion du 16/02/2027, attendu le 16/03/2027. ». */
  minutesHint: string;
  /** Today in the prefecture: the latest day of a held meeting or of the minutes. */
  today: string;
}

type Keys =
  | 'title' | 'next' | 'agenda' | 'present' | 'excused' | 'none' | 'past' | 'schedule' | 'edit' | 'markHeld' | 'heldOn' | 'heldHint'
  | 'dateRequired' | 'save' | 'minutes' | 'minutesOn' | 'cancel' | 'cancelHint' | 'cancelReason' | 'cancelConfirm';

const strings: Strings<Keys> = {
  fr: {
    title: 'Comité local des usagers (CLU)',
    next: 'Prochaine réunion',
    agenda: 'Ordre du jour',
    present: 'Présent(e)',
    excused: 'Excusé(e)',
    none: 'Aucune réunion n’est planifiée pour le moment.',
    past: 'Dernières réunions',
    schedule: 'Planifier',
    edit: 'Modifier',
    markHeld: 'Marquer comme tenue',
    heldOn: 'Tenue le',
    heldHint: 'Le compte rendu sera attendu un mois après, et la réunion suivante douze mois après.',
    dateRequired: 'Indiquez la date.',
    save: 'Enregistrer',
    minutes: 'Compte rendu reçu le …',
    minutesOn: 'Compte rendu diffusé le',
    cancel: 'Annuler la réunion',
    cancelHint: 'Les membres invités voient l’annulation sur leur invitation ; les rappels s’arrêtent.',
    cancelReason: 'Motif (facultatif)',
    cancelConfirm: 'Confirmer l’annulation',
  },
  en: {
    title: 'Comité local des usagers (CLU, users’ committee)',
    next: 'Next meeting',
    agenda: 'Agenda',
    present: 'Attending',
    excused: 'Excused',
    none: 'No meeting is planned for now.',
    past: 'Last meetings',
    schedule: 'Schedule',
    edit: 'Edit',
    markHeld: 'Mark as held',
    heldOn: 'Held on',
    heldHint: 'The minutes will be due a month later, and the next meeting twelve months later.',
    dateRequired: 'Give the date.',
    save: 'Save',
    minutes: 'Minutes received on …',
    minutesOn: 'Minutes sent out on',
    cancel: 'Cancel the meeting',
    cancelHint: 'Invited members see the cancellation on their invitation; reminders stop.',
    cancelReason: 'Reason (optional)',
    cancelConfirm: 'Confirm the cancellation',
  },
};

/** Sample data for tests and the gallery: the quality officer's view with a meeting planned and the last one's minutes awaited. */
export const cluSample: CluCardData = {
  notice: '',
  noticeColor: 'Default',
  hasNext: true,
  nextId: 'CLU-2027',
  nextRevision: 1,
  nextWhen: 'mardi 16 février 2027 à 14:00',
  nextFacts: [
    { title: 'Réunion', value: 'CLU-2027' },
    { title: 'Lieu', value: 'Préfecture du Cher, salle Jean Moulin' },
    { title: 'Audio-conférence', value: 'Numéro et code envoyés par courriel' },
    { title: 'Présidence', value: 'Rose Morel' },
    { title: 'Membres extérieurs', value: 'M. Lagonotte (UDAF du Cher), M. Personnat (UFC-Que Choisir du Cher)' },
  ],
  nextAgenda: ['1. Présentation du bilan qualité 2026', '2. Présentation du plan d’actions 2027', '3. Questions diverses'],
  showAttendance: true,
  attendanceSummary: 'Réponses : 2 présent(s) · 1 excusé(e) · 1 sans réponse',
  attendance: [
    { title: 'Alex Wilber (SGCD)', value: 'Présent(e) — le 03/02/2027' },
    { title: 'Megan Bowen (BMI)', value: 'Présent(e) — le 04/02/2027' },
    { title: 'Lynne Robbins (CERT)', value: 'Excusé(e) — le 05/02/2027' },
    { title: 'Rose Morel (SG)', value: 'Sans réponse' },
  ],
  viewerAnswer: 'Votre réponse : présent(e).',
  viewerAnswerColor: 'Good',
  canAnswer: true,
  dueText: '',
  dueColor: 'Default',
  awaitingText: '',
  pastMeetings: [{ title: '16/02/2026 (CLU-2026)', value: 'Tenue — compte rendu attendu le 16/03/2026' }],
  canSchedule: false,
  canEdit: true,
  canCancel: true,
  cancelId: 'CLU-2027',
  cancelRevision: 1,
  canMarkHeld: false,
  heldId: '',
  heldRevision: 0,
  heldDefault: '',
  heldMin: '',
  canRecordMinutes: true,
  minutesId: 'CLU-2026',
  minutesRevision: 2,
  minutesMin: '2026-02-16',
  minutesHint: 'Compte rendu de la réunion du 16/02/2026, attendu le 16/03/2026.',
  today: '2026-11-23',
};

/** The `clu` card. */
export function cluCard(data: CluCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
