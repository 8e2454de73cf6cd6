import template from './action-form.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A choice of a ChoiceSet. */
export interface FormChoice {
  value: string;
  title: string;
}

/**
 * The `nouvelle action` form (issue 5, DOMAIN §3: the columns of the seed's plan). Anyone proposes; the quality
 * officer with a deadline writes straight into the plan. Errors appear next to the fields, typed values kept.
 */
export interface ActionFormCardData {
  /** What happens on submit: "Le responsable qualité examinera votre proposition…". */
  intro: string;
  /** Label of the submit button: « Proposer », or « Enregistrer » for the quality officer. */
  submitLabel: string;
  /** "Constat / écart / dysfonctionnement", as typed. */
  finding: string;
  /** Nature of the action, as typed. */
  action: string;
  /** References as typed ("E.6, E1 §1-1"). */
  references: string;
  /** Source ids, comma-separated (a multi-select's value). */
  sources: string;
  /** YYYY-MM-DD or empty. */
  sourceDate: string;
  /** YYYY-MM-DD or empty. */
  deadline: string;
  /** Under the deadline: optional for a proposal, what it does for the quality officer. */
  deadlineHint: string;
  /** Service codes, comma-separated. */
  services: string;
  /** The owner's aadObjectId (picked) or e-mail (typed, when the directory is too big to list). */
  ownerId: string;
  /** Today in the prefecture: the latest source date and the earliest deadline. */
  today: string;
  /** Sources in the viewer's language. */
  sourceChoices: FormChoice[];
  /** "Bureau des migrations et de l’intégration (BMI)". */
  serviceChoices: FormChoice[];
  /** "Adele Vance (BMI)"; empty: the owner is typed as an e-mail. */
  people: FormChoice[];
  /** Error about the whole form, or empty. */
  formError: string;
  /** Errors next to each field, or empty. */
  findingError: string;
  actionError: string;
  referencesError: string;
  sourcesError: string;
  sourceDateError: string;
  deadlineError: string;
  servicesError: string;
  ownerIdError: string;
}

type Keys =
  | 'title' | 'finding' | 'findingHint' | 'findingRequired' | 'action' | 'actionHint' | 'actionRequired' | 'references' | 'referencesHint'
  | 'sources' | 'sourcesRequired' | 'sourceDate' | 'deadline' | 'services' | 'servicesRequired' | 'pick' | 'owner' | 'ownerEmail'
  | 'ownerRequired' | 'plan';

const strings: Strings<Keys> = {
  fr: {
    title: 'Nouvelle action',
    finding: 'Constat / écart / dysfonctionnement',
    findingHint: 'Ex. : Boîte à suggestions peu visible dans le hall',
    findingRequired: 'Indiquez le constat.',
    action: 'Nature de l’action',
    actionHint: 'Ce qui est à faire pour corriger l’écart',
    actionRequired: 'Indiquez la nature de l’action.',
    references: 'Références du référentiel (séparées par des virgules)',
    referencesHint: 'Ex. : E.6, E1 §1-1',
    sources: 'Source du constat',
    sourcesRequired: 'Choisissez au moins une source.',
    sourceDate: 'Date de la source (facultative)',
    deadline: 'Échéance',
    services: 'Services responsables',
    servicesRequired: 'Choisissez au moins un service.',
    pick: 'Choisir…',
    owner: 'Pilote',
    ownerEmail: 'Pilote (e-mail)',
    ownerRequired: 'Choisissez le pilote.',
    plan: 'Plan d’action',
  },
  en: {
    title: 'New action',
    finding: 'Finding / gap / dysfunction',
    findingHint: 'E.g. Suggestion box hard to see in the hall',
    findingRequired: 'Give the finding.',
    action: 'Nature of the action',
    actionHint: 'What is to be done to correct the gap',
    actionRequired: 'Give the nature of the action.',
    references: 'Référentiel references (comma-separated)',
    referencesHint: 'E.g. E.6, E1 §1-1',
    sources: 'Source of the finding',
    sourcesRequired: 'Pick at least one source.',
    sourceDate: 'Date of the source (optional)',
    deadline: 'Deadline',
    services: 'Owning services',
    servicesRequired: 'Pick at least one service.',
    pick: 'Pick…',
    owner: 'Owner',
    ownerEmail: 'Owner (e-mail)',
    ownerRequired: 'Pick the owner.',
    plan: 'Action plan',
  },
};

/** Sample data for tests and the card gallery: an agent's proposal refused for a missing source and a past deadline. */
export const actionFormSample: ActionFormCardData = {
  intro: 'Votre proposition sera examinée par le responsable qualité, qui l’inscrira au plan avec une échéance.',
  submitLabel: 'Proposer',
  finding: 'Boîte à suggestions peu visible dans le hall',
  action: 'Placer l’urne dédiée au niveau de la sortie des usagers',
  references: 'E3 § 3-1',
  sources: '',
  sourceDate: '',
  deadline: '2026-11-02',
  deadlineHint: 'Facultative : le responsable qualité la fixera en inscrivant l’action au plan.',
  services: 'BMI,BLS',
  ownerId: '00000000-0000-0000-0000-0000000000022',
  today: '2026-11-23',
  sourceChoices: [
    { value: 'contexte-local', title: 'Contexte local' },
    { value: 'enquete-satisfaction', title: 'Enquête de satisfaction' },
  ],
  serviceChoices: [
    { value: 'BLS', title: 'Bureau de la logistique et des services (BLS)' },
    { value: 'BMI', title: 'Bureau des migrations et de l’intégration (BMI)' },
  ],
  people: [
    { value: '00000000-0000-0000-0000-0000000000022', title: 'Adele Vance (BMI)' },
    { value: '00000000-0000-0000-0000-0000000000021', title: 'Megan Bowen (BMI)' },
  ],
  formError: 'Certaines informations sont à corriger : voir les messages sous les champs.',
  findingError: '',
  actionError: '',
  referencesError: '',
  sourcesError: 'Indiquez la source du constat (contexte local, auto-diagnostic, enquête…).',
  sourceDateError: '',
  deadlineError: 'L’échéance ne peut pas être dans le passé (aujourd’hui : 23/11/2026).',
  servicesError: '',
  ownerIdError: '',
};

/** The new action form. */
export function actionFormCard(data: ActionFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
