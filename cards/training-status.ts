import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './training-status.json';

/** « mes formations »: one person's required trainings, each with its state and a button to declare it. */
export interface TrainingStatusCardData {
  /** "Mes formations" or "Formations de Adele Vance". */
  heading: string;
  /** "Service BMI — au 04/01/2027". */
  subtitle: string;
  /** Whose status it is (aadObjectId), sent back by the buttons. */
  personId: string;
  /** What just happened ("Formation enregistrée : …"), or empty. */
  notice: string;
  /** Container style of the notice: "good" after a declaration, "warning" when nothing was written. */
  noticeStyle: 'good' | 'warning' | 'default';
  /** "2 valides, 1 à renouveler, 1 expirée". */
  summary: string;
  lines: {
    typeId: string;
    /** "Formation continue (4.2)". */
    label: string;
    /** "Valide", "À renouveler (dans 110 jours)", "Expirée depuis le 12/03/2026", "Jamais déclarée". */
    state: string;
    /** "Good", "Warning" or "Attention". */
    color: string;
    /** "« Accueil des publics » le 12/03/2023, présentiel — expire le 12/03/2027", or empty. */
    detail: string;
  }[];
}

const strings: Strings<'none' | 'declare' | 'declareOther'> = {
  fr: {
    none: 'Aucune formation n’est exigée pour ce service et ces rôles.',
    declare: 'Déclarer',
    declareOther: 'Déclarer une autre formation',
  },
  en: {
    none: 'No training is required for this service and these roles.',
    declare: 'Declare',
    declareOther: 'Declare another training',
  },
};

/** Sample data for tests and the card gallery. */
export const trainingStatusSample: TrainingStatusCardData = {
  heading: 'Mes formations',
  subtitle: 'Service BMI — au 04/01/2027',
  personId: '00000000-0000-0000-0000-0000000000022',
  notice: 'Formation enregistrée : Sensibilisation à la lutte contre la fraude (23.1), suivie le 12/12/2026.',
  noticeStyle: 'good',
  summary: '2 valides, 1 à renouveler, 1 jamais déclarée',
  lines: [
    {
      typeId: 'formation-continue',
      label: 'Formation continue (4.2)',
      state: 'À renouveler (dans 110 jours)',
      color: 'Warning',
      detail: '« Accueil des publics en préfecture » le 23/04/2023, e-learning — expire le 23/04/2027',
    },
    {
      typeId: 'lutte-contre-la-fraude',
      label: 'Sensibilisation à la lutte contre la fraude (23.1)',
      state: 'Valide',
      color: 'Good',
      detail: '« Détection de la fraude documentaire » le 12/12/2026, présentiel — expire le 12/12/2030',
    },
    { typeId: 'plan-formation-titres-etrangers', label: 'Plan de formation — titres des étrangers (E.28)', state: 'Jamais déclarée', color: 'Attention', detail: '' },
  ],
};

/** The training status card of one person. */
export function trainingStatusCard(data: TrainingStatusCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
