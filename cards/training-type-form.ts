import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './training-type-form.json';

/** The quality officer's form to create or edit a training type; errors appear next to the fields, typed values kept. */
export interface TrainingTypeFormCardData {
  /** Id of the type edited, or empty for a new one (sent back by « Enregistrer »). */
  typeId: string;
  /** ETag read with the type (empty for a new one): a save over a newer version is refused. */
  etag: string;
  /** Name in French, as typed. */
  labelFr: string;
  /** Name in English, as typed (empty: the French name). */
  labelEn: string;
  /** Commitment in the prefecture's numbering, as typed. */
  commitment: string;
  /** Validity in months, as typed ("48"). */
  validityMonths: string;
  /** Roles that must hold it, comma-separated ids (the multi-select's value). */
  roles: string;
  /** Service codes whose members must hold it, comma-separated. */
  services: string;
  /** "true" or "false": the toggle's value. */
  active: string;
  /** Roles to pick from, labelled in the viewer's language. */
  roleChoices: { value: string; title: string }[];
  /** Services to pick from. */
  serviceChoices: { code: string; name: string }[];
  /** Error about the whole form (changed meanwhile…), or empty. */
  formError: string;
  /** Errors next to each field, or empty. */
  labelFrError: string;
  labelEnError: string;
  commitmentError: string;
  validityMonthsError: string;
  rolesError: string;
  servicesError: string;
  activeError: string;
}

const strings: Strings<
  | 'newTitle'
  | 'editTitle'
  | 'idText'
  | 'labelFr'
  | 'labelFrHint'
  | 'labelFrRequired'
  | 'labelEn'
  | 'labelEnHint'
  | 'commitment'
  | 'commitmentHint'
  | 'commitmentRequired'
  | 'validity'
  | 'validityHint'
  | 'validityInvalid'
  | 'audienceHint'
  | 'roles'
  | 'services'
  | 'servicesHint'
  | 'active'
  | 'save'
  | 'back'
> = {
  fr: {
    newTitle: 'Nouveau type de formation',
    editTitle: 'Modifier le type de formation',
    idText: 'Identifiant :',
    labelFr: 'Nom (français)',
    labelFrHint: 'Ex. : Accueil téléphonique',
    labelFrRequired: 'Indiquez le nom de la formation.',
    labelEn: 'Nom (anglais)',
    labelEnHint: 'Vide : le nom français',
    commitment: 'Engagement servi',
    commitmentHint: 'Ex. : 4.2, E.28',
    commitmentRequired: 'Indiquez l’engagement.',
    validity: 'Durée de validité (en mois)',
    validityHint: '48 = 4 ans (vide : 48)',
    validityInvalid: 'Un nombre entier de mois, de 1 à 240.',
    audienceHint: 'Qui doit la suivre : toute personne ayant l’un des rôles cochés ou membre de l’un des services choisis. Ni rôle ni service : tous les agents.',
    roles: 'Rôles concernés',
    services: 'Services concernés',
    servicesHint: 'Aucun service',
    active: 'Active : exigée et déclarable (décochez pour la retirer)',
    save: 'Enregistrer',
    back: 'Retour à la liste',
  },
  en: {
    newTitle: 'New training type',
    editTitle: 'Edit training type',
    idText: 'Id:',
    labelFr: 'Name (French)',
    labelFrHint: 'E.g. Accueil téléphonique',
    labelFrRequired: 'Give the training’s name.',
    labelEn: 'Name (English)',
    labelEnHint: 'Empty: the French name',
    commitment: 'Commitment served',
    commitmentHint: 'E.g. 4.2, E.28',
    commitmentRequired: 'Give the commitment.',
    validity: 'Validity (in months)',
    validityHint: '48 = 4 years (empty: 48)',
    validityInvalid: 'A whole number of months, from 1 to 240.',
    audienceHint: 'Who must hold it: anyone with one of the roles ticked or in one of the services chosen. No role and no service: everyone.',
    roles: 'Roles concerned',
    services: 'Services concerned',
    servicesHint: 'No service',
    active: 'Active: required and declarable (untick to retire it)',
    save: 'Save',
    back: 'Back to the list',
  },
};

/** Sample data for tests and the card gallery: an edit refused with errors next to two fields. */
export const trainingTypeFormSample: TrainingTypeFormCardData = {
  typeId: 'lutte-contre-la-fraude',
  etag: 'W/"datetime\'2026-11-23T10%3A00%3A00.000Z\'"',
  labelFr: 'Sensibilisation à la lutte contre la fraude',
  labelEn: 'Fraud awareness',
  commitment: '23.1',
  validityMonths: '300',
  roles: 'fraud-referent',
  services: 'BMI,CERT',
  active: 'true',
  roleChoices: [
    { value: 'agent', title: 'Agent' },
    { value: 'manager', title: 'Encadrant' },
    { value: 'rq', title: 'Responsable qualité' },
    { value: 'fraud-referent', title: 'Référent fraude' },
    { value: 'admin', title: 'Administrateur' },
  ],
  serviceChoices: [
    { code: 'BMI', name: 'Bureau des migrations et de l’intégration' },
    { code: 'CERT', name: 'CERT CNI-Passeports' },
  ],
  formError: '',
  labelFrError: '',
  labelEnError: '',
  commitmentError: '',
  validityMonthsError: 'Durée de validité invalide : un nombre entier de mois, de 1 à 240 (48 = 4 ans).',
  rolesError: '',
  servicesError: 'Service inconnu : « DRH » (tapez « services » pour la liste).',
  activeError: '',
};

/** The training type form. */
export function trainingTypeFormCard(data: TrainingTypeFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
