import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './label-calendar-form.json';

/** The quality officer's form to create or edit an obligation of the label calendar; errors appear next to the fields. */
export interface LabelCalendarFormCardData {
  /** Id of the obligation edited, or empty for a new one (sent back by « Enregistrer »). */
  id: string;
  /** ETag read with it (empty for a new one): a save over a newer version is refused. */
  etag: string;
  /** Derived from another obligation (the label, the audits): its date is computed, not typed. */
  derived: boolean;
  /** "Échéance calculée : 18/08/2027 — 18 mois après … (+ 2 mois de report)", or empty. */
  derivedText: string;
  /** The pending occurrence of a derived obligation may get a postponement (months). */
  showExtension: boolean;
  /** Values as typed (or stored). */
  labelFr: string;
  labelEn: string;
  reference: string;
  /** Every how many months; empty for once. */
  everyMonths: string;
  /** YYYY-MM-DD, or empty. */
  dueOn: string;
  /** YYYY-MM-DD, or empty. */
  windowStartsOn: string;
  extensionMonths: string;
  /** Owner: an aadObjectId (picked from `people`) or an e-mail (typed, when the directory is too big to list). */
  owner: string;
  /** People to pick from ("Alex Wilber (SGCD)"); empty: the owner is typed as an e-mail. */
  people: { value: string; title: string }[];
  /** Error about the whole form, or empty; then one per field, or empty. */
  formError: string;
  labelFrError: string;
  labelEnError: string;
  referenceError: string;
  everyMonthsError: string;
  dueOnError: string;
  windowStartsOnError: string;
  extensionMonthsError: string;
  ownerError: string;
}

const strings: Strings<
  | 'newTitle'
  | 'editTitle'
  | 'labelFr'
  | 'labelHint'
  | 'labelRequired'
  | 'labelEn'
  | 'labelEnHint'
  | 'reference'
  | 'referenceHint'
  | 'referenceRequired'
  | 'everyMonths'
  | 'everyMonthsHint'
  | 'dueOn'
  | 'dueOnRequired'
  | 'extension'
  | 'windowStartsOn'
  | 'owner'
  | 'ownerEmail'
  | 'ownerRequired'
  | 'save'
  | 'back'
> = {
  fr: {
    newTitle: 'Nouvelle échéance du label',
    editTitle: 'Modifier l’échéance',
    labelFr: 'Ce qui est dû',
    labelHint: 'ex. Exercice de communication d’urgence',
    labelRequired: 'Indiquez ce qui est dû.',
    labelEn: 'En anglais (facultatif)',
    labelEnHint: 'ex. Emergency-communication exercise',
    reference: 'Référence',
    referenceHint: 'ex. 3.2, 20.3, 23.3, ES49, Label',
    referenceRequired: 'Indiquez la référence.',
    everyMonths: 'Revient tous les … mois (vide : une seule fois)',
    everyMonthsHint: '12',
    dueOn: 'Échéance',
    dueOnRequired: 'Indiquez la date d’échéance.',
    extension: 'Report accordé pour cette échéance (mois)',
    windowStartsOn: 'Début de la période (facultatif, ex. l’enquête sur deux semaines)',
    owner: 'Responsable',
    ownerEmail: 'Responsable (e-mail)',
    ownerRequired: 'Choisissez le responsable.',
    save: 'Enregistrer',
    back: 'Retour au calendrier',
  },
  en: {
    newTitle: 'New label obligation',
    editTitle: 'Edit the obligation',
    labelFr: 'What is due (French)',
    labelHint: 'e.g. Exercice de communication d’urgence',
    labelRequired: 'Say what is due.',
    labelEn: 'In English (optional)',
    labelEnHint: 'e.g. Emergency-communication exercise',
    reference: 'Reference',
    referenceHint: 'e.g. 3.2, 20.3, 23.3, ES49, Label',
    referenceRequired: 'Give the reference.',
    everyMonths: 'Comes back every … months (empty: once)',
    everyMonthsHint: '12',
    dueOn: 'Due date',
    dueOnRequired: 'Give the due date.',
    extension: 'Extension granted for this occurrence (months)',
    windowStartsOn: 'Start of the period (optional, e.g. the two-week survey)',
    owner: 'Owner',
    ownerEmail: 'Owner (e-mail)',
    ownerRequired: 'Pick the owner.',
    save: 'Save',
    back: 'Back to the calendar',
  },
};

/** Sample data for tests and the card gallery: an edit with an unknown owner refused. */
export const labelCalendarFormSample: LabelCalendarFormCardData = {
  id: 'exercice-communication-crise',
  etag: 'W/"1"',
  derived: false,
  derivedText: '',
  showExtension: false,
  labelFr: 'Exercice de communication d’urgence',
  labelEn: 'Emergency-communication exercise',
  reference: 'ES49',
  everyMonths: '12',
  dueOn: '2027-09-04',
  windowStartsOn: '',
  extensionMonths: '',
  owner: 'personne.inconnue@cher.gouv.fr',
  people: [
    { value: '00000000-0000-0000-0000-0000000000020', title: 'Alex Wilber (SGCD)' },
    { value: '00000000-0000-0000-0000-0000000000111', title: 'Inès Simon (BREC)' },
  ],
  formError: 'Certaines informations sont invalides : corrigez-les puis enregistrez.',
  labelFrError: '',
  labelEnError: '',
  referenceError: '',
  everyMonthsError: '',
  dueOnError: '',
  windowStartsOnError: '',
  extensionMonthsError: '',
  ownerError: 'Personne introuvable dans l’annuaire : « personne.inconnue@cher.gouv.fr ».',
};

/** The obligation form. */
export function labelCalendarFormCard(data: LabelCalendarFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
