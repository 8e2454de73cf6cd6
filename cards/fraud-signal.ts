import template from './fraud-signal.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** One fraud signal as one viewer sees it: facts, questions and answers, and what they may do. */
export interface FraudSignalCardData {
  /** 'BMI-2026-0004', sent back by the buttons. */
  id: string;
  /** Ms of the qualification round the card was drawn for: a button of an older round is refused as stale. */
  round: string;
  /** Ms of the question the answer box answers ('' when none). */
  questionRound: string;
  /** "Signalement BMI-2026-0004", "Signalement à qualifier — BMI-2026-0004"… */
  heading: string;
  stateLabel: string;
  /** Adaptive Card colour of the state. */
  stateColor: string;
  /** Service, title type, nature, dates, reference, article 40, author. */
  facts: { title: string; value: string }[];
  description: string;
  /** « Question de Isaiah Langer, le … : … » and « Réponse, le … : … » (or « En attente de réponse »). */
  exchanges: { question: string; answer: string }[];
  /** « Qualifié par Isaiah Langer le … : fraude confirmée », or ''. */
  qualificationText: string;
  qualificationColor: string;
  /** The answer to the last click, or ''. */
  notice: string;
  noticeColor: string;
  /** A referent on a signal awaiting qualification, for the current round. */
  canQualify: boolean;
  /** The author of a signal to complete. */
  canAnswer: boolean;
  /** Answer typed (kept when refused), and the reason it was refused. */
  answerValue: string;
  answerError: string;
  /** Why a question was refused (personal data, empty), or ''. */
  questionError: string;
}

type Keys =
  | 'description' | 'exchanges' | 'confirm' | 'notConfirmed' | 'toComplete' | 'question' | 'questionRequired' | 'questionPrivacy'
  | 'ask' | 'answer' | 'answerHint' | 'answerRequired' | 'reply';

const strings: Strings<Keys> = {
  fr: {
    description: 'Description',
    exchanges: 'Questions et réponses',
    confirm: 'Confirmer',
    notConfirmed: 'Non confirmée',
    toComplete: 'À compléter',
    question: 'Question à l’auteur',
    questionRequired: 'Écrivez la question.',
    questionPrivacy: 'Sans nom ni donnée personnelle : l’auteur retrouve le dossier par sa référence.',
    ask: 'Envoyer la question',
    answer: 'Votre réponse au référent (sans nom ni donnée personnelle)',
    answerHint: 'ex. le bulletin d’avril est aussi au dossier',
    answerRequired: 'Écrivez votre réponse.',
    reply: 'Répondre',
  },
  en: {
    description: 'Description',
    exchanges: 'Questions and answers',
    confirm: 'Confirm',
    notConfirmed: 'Not confirmed',
    toComplete: 'To complete',
    question: 'Question to the author',
    questionRequired: 'Write the question.',
    questionPrivacy: 'No names or personal data: the author finds the file by its reference.',
    ask: 'Send the question',
    answer: 'Your answer to the referent (no names or personal data)',
    answerHint: 'e.g. the April payslip is in the file too',
    answerRequired: 'Write your answer.',
    reply: 'Answer',
  },
};

/** Sample for tests and the gallery: a BMI signal awaiting the referent, with the qualification buttons. */
export const fraudSignalSample: FraudSignalCardData = {
  id: 'BMI-2027-0004',
  round: '1798963200000',
  questionRound: '',
  heading: 'Signalement à qualifier — BMI-2027-0004',
  stateLabel: 'À qualifier',
  stateColor: 'Warning',
  facts: [
    { title: 'Service', value: 'BMI — titres des étrangers' },
    { title: 'Titre', value: 'Titre de séjour' },
    { title: 'Nature', value: 'Faux bulletin de salaire' },
    { title: 'Détectée le', value: '04/01/2027' },
    { title: 'Référence', value: '2027-BMI-00412' },
    { title: 'Article 40', value: 'non' },
    { title: 'Signalé par', value: 'Adele Vance, le 05/01/2027 10:12' },
  ],
  description: 'Bulletins de salaire d’une entreprise radiée depuis 2024 ; mise en page incohérente.',
  exchanges: [],
  qualificationText: '',
  qualificationColor: 'Default',
  notice: '',
  noticeColor: 'Default',
  canQualify: true,
  canAnswer: false,
  answerValue: '',
  answerError: '',
  questionError: '',
};

/** The fraud signal card. */
export function fraudSignalCard(data: FraudSignalCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
