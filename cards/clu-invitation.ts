import template from './clu-invitation.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/**
 * One internal member's copy of the invitation to a CLU meeting (issue 7): when, where, who chairs, the agenda, their
 * own answer and the buttons to give or change it while the meeting has not started. Sent as a shared card: every
 * copy is redrawn when the meeting moves, is cancelled or held.
 */
export interface CluInvitationCardData {
  /** 'CLU-2027', sent back by the buttons. */
  id: string;
  /** « Invitation — Comité local des usagers ». */
  heading: string;
  /** « Planifiée », « Date modifiée : vérifiez votre réponse », « Annulée : … », « Tenue le 16/02/2027 ». */
  stateLine: string;
  /** Adaptive Card colour of the state line. */
  stateColor: string;
  /** « mardi 16 février 2027 à 14:00 ». */
  when: string;
  /** Place, audio conference, chair, outside members. */
  facts: { title: string; value: string }[];
  /** Agenda points, numbered (« 1. Présentation du bilan qualité 2026 »). */
  agenda: string[];
  /** « Votre réponse : présent(e) (le 03/02/2027) », « Vous n’avez pas encore répondu. », or empty. */
  answerText: string;
  answerColor: string;
  /** What just happened or why a click was refused, or empty. */
  notice: string;
  noticeColor: string;
  /** True while the viewer is a member and the meeting is planned and not started. */
  canAnswer: boolean;
}

type Keys = 'agenda' | 'present' | 'excused' | 'open';

const strings: Strings<Keys> = {
  fr: { agenda: 'Ordre du jour', present: 'Présent(e)', excused: 'Excusé(e)', open: 'Voir le CLU' },
  en: { agenda: 'Agenda', present: 'Attending', excused: 'Excused', open: 'Open the CLU' },
};

/** Sample data for tests and the gallery: Megan Bowen's invitation, not answered yet. */
export const cluInvitationSample: CluInvitationCardData = {
  id: 'CLU-2027',
  heading: 'Invitation — Comité local des usagers',
  stateLine: 'Réunion planifiée',
  stateColor: 'Accent',
  when: 'mardi 16 février 2027 à 14:00',
  facts: [
    { title: 'Lieu', value: 'Préfecture du Cher, salle Jean Moulin' },
    { title: 'Audio-conférence', value: 'Numéro et code envoyés par courriel' },
    { title: 'Présidence', value: 'Rose Morel' },
    { title: 'Membres extérieurs', value: 'UDAF du Cher, UFC-Que Choisir du Cher, APF France handicap, Défenseur des droits' },
  ],
  agenda: [
    '1. Présentation du bilan qualité 2026',
    '2. Présentation du plan d’actions 2027',
    '3. Présentation des programmes nationaux (Services Publics +)',
    '4. Recueil des souhaits et suggestions des membres',
    '5. Questions diverses',
  ],
  answerText: 'Vous n’avez pas encore répondu.',
  answerColor: 'Warning',
  notice: '',
  noticeColor: 'Default',
  canAnswer: true,
};

/** The invitation card. */
export function cluInvitationCard(data: CluInvitationCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
