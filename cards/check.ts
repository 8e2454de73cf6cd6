import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './check.json';

/** One quarterly check: the owner answers it; once answered everyone sees who, when and what. */
export interface CheckCardData {
  itemId: string;
  /** "2027-Q1", sent back by the buttons. */
  quarter: string;
  /** "T1 2027". */
  quarterLabel: string;
  label: string;
  /** "Site internet — https://…". */
  locationText: string;
  commitment: string;
  ownerName: string;
  answered: boolean;
  /** "Vérifié, à jour — Alex Wilber, le 04/01/2027 à 10:12". */
  answerText: string;
  late: boolean;
  /** True for the owner while unanswered. */
  canAnswer: boolean;
  /** "En attente de la réponse de …" for others. */
  waitingText: string;
  /** Why the last answer was refused, or empty. */
  error: string;
  /** The action made of a "Problème" answer ("2026-05"), or empty. */
  actionId: string;
  /** "Action 2026-05 ouverte (proposée).", or empty. */
  actionText: string;
  /** True under a "Problème" answer with no action yet, for its owner, a manager of its service and the RQ. */
  canCreateAction: boolean;
}

const strings: Strings<
  | 'title' | 'where' | 'commitment' | 'owner' | 'late' | 'question' | 'verified' | 'updated' | 'problemLabel' | 'problemHint' | 'problem'
  | 'createAction' | 'openAction'
> = {
  fr: {
    title: 'Contrôle trimestriel',
    where: 'Support',
    commitment: 'Engagement',
    owner: 'Responsable',
    late: 'Réponse donnée après la fin du trimestre (en retard).',
    question: 'Les informations publiées sont-elles à jour ?',
    verified: 'Vérifié, à jour',
    updated: 'Mis à jour aujourd’hui',
    problemLabel: 'Problème constaté',
    problemHint: 'Décrivez ce qui ne va pas (sans données personnelles)',
    problem: 'Signaler un problème',
    createAction: 'Créer une action',
    openAction: 'Ouvrir',
  },
  en: {
    title: 'Quarterly check',
    where: 'Medium',
    commitment: 'Commitment',
    owner: 'Owner',
    late: 'Answered after the quarter ended (late).',
    question: 'Is the published information up to date?',
    verified: 'Verified, up to date',
    updated: 'Updated today',
    problemLabel: 'Problem found',
    problemHint: 'Describe what is wrong (no personal data)',
    problem: 'Report a problem',
    createAction: 'Create an action',
    openAction: 'Open',
  },
};

/** Sample data for tests and the card gallery. */
export const checkSample: CheckCardData = {
  itemId: 'WEB-HORAIRES',
  quarter: '2027-Q1',
  quarterLabel: 'T1 2027',
  label: 'Horaires et accès sur le site internet',
  locationText: 'Site internet — https://www.cher.gouv.fr/',
  commitment: 'E.11',
  ownerName: 'Alex Wilber',
  answered: false,
  answerText: '',
  late: false,
  canAnswer: true,
  waitingText: '',
  error: '',
  actionId: '',
  actionText: '',
  canCreateAction: false,
};

/** The check card. */
export function checkCard(data: CheckCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
