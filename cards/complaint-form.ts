import template from './complaint-form.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A choice of a ChoiceSet. */
export interface ComplaintFormChoice {
  value: string;
  title: string;
}

/**
 * The `nouvelle réclamation` form (issue 6; 3.1, E.16–E.18). Errors appear next to the fields and typed values are
 * kept; the due date is computed on submit from the channel (E.17) and shown on the complaint card.
 */
export interface ComplaintFormCardData {
  /** Channel id ('email'), or empty. */
  channel: string;
  /** Kind id ('complaint'), or empty. */
  kind: string;
  /** YYYY-MM-DD, or empty. */
  receivedOn: string;
  /** Summary as typed. */
  summary: string;
  /** Commitment id ('E.17'), or empty. */
  commitment: string;
  /** 'in', or an out-of-scope reason id. */
  scope: string;
  /** Service code, or empty. */
  service: string;
  /** The agent's aadObjectId (picked) or e-mail (typed, when the directory is too big to list). */
  assigneeId: string;
  /** Today in the prefecture: the latest received date. */
  today: string;
  /** "Courriel — 5 jours ouvrés", in the viewer's language. */
  channelChoices: ComplaintFormChoice[];
  /** Kinds in the viewer's language. */
  kindChoices: ComplaintFormChoice[];
  /** "Dans le périmètre Qual-e-pref", then the out-of-scope reasons. */
  scopeChoices: ComplaintFormChoice[];
  /** "E.17 — Nous vous répondons dans un délai…" (titles cut). */
  commitmentChoices: ComplaintFormChoice[];
  /** "Bureau des migrations et de l’intégration (BMI)". */
  serviceChoices: ComplaintFormChoice[];
  /** "Adele Vance (BMI)"; empty: the agent is typed as an e-mail. */
  people: ComplaintFormChoice[];
  /** Error about the whole form, or empty. */
  formError: string;
  /** Errors next to each field, or empty. */
  channelError: string;
  kindError: string;
  receivedOnError: string;
  summaryError: string;
  commitmentError: string;
  scopeError: string;
  serviceError: string;
  assigneeIdError: string;
}

type Keys =
  | 'title' | 'intro' | 'channel' | 'channelRequired' | 'pick' | 'kind' | 'kindRequired' | 'receivedOn' | 'receivedOnRequired' | 'summary'
  | 'summaryHint' | 'summaryRequired' | 'privacy' | 'commitment' | 'none' | 'scope' | 'scopeRequired' | 'service' | 'serviceRequired'
  | 'assignee' | 'assigneeEmail' | 'assigneeRequired' | 'submit' | 'list';

const strings: Strings<Keys> = {
  fr: {
    title: 'Nouvelle réclamation',
    intro: 'Réclamation, suggestion ou demande d’information reçue d’un usager. La date de réponse est calculée selon le canal (E.17 : 5 jours ouvrés pour un courriel, 10 pour un courrier).',
    channel: 'Canal de réception',
    channelRequired: 'Choisissez le canal.',
    pick: 'Choisir…',
    kind: 'Type de demande',
    kindRequired: 'Choisissez le type.',
    receivedOn: 'Reçue le',
    receivedOnRequired: 'Indiquez la date de réception.',
    summary: 'Résumé',
    summaryHint: 'Ex. : Horaires d’ouverture jugés trop restreints',
    summaryRequired: 'Résumez la demande.',
    privacy: 'Sans donnée personnelle : ni nom, ni adresse, ni courriel, ni téléphone, ni numéro de sécurité sociale, ni date de naissance, ni IBAN.',
    commitment: 'Engagement concerné (facultatif)',
    none: 'Aucun',
    scope: 'Périmètre Qual-e-pref',
    scopeRequired: 'Choisissez le périmètre.',
    service: 'Service chargé de répondre',
    serviceRequired: 'Choisissez le service.',
    assignee: 'Agent chargé de répondre',
    assigneeEmail: 'Agent chargé de répondre (e-mail)',
    assigneeRequired: 'Choisissez l’agent.',
    submit: 'Enregistrer',
    list: 'Réclamations',
  },
  en: {
    title: 'New complaint',
    intro: 'A complaint, suggestion or information request from a user. The reply date follows from the channel (E.17: 5 working days for an e-mail, 10 for a letter).',
    channel: 'Channel',
    channelRequired: 'Pick the channel.',
    pick: 'Pick…',
    kind: 'Kind of request',
    kindRequired: 'Pick the kind.',
    receivedOn: 'Received on',
    receivedOnRequired: 'Give the received date.',
    summary: 'Summary',
    summaryHint: 'E.g. Opening hours too short',
    summaryRequired: 'Sum the request up.',
    privacy: 'No personal data: no name, address, e-mail, phone, social security number, date of birth or IBAN.',
    commitment: 'Commitment concerned (optional)',
    none: 'None',
    scope: 'Qual-e-pref scope',
    scopeRequired: 'Pick the scope.',
    service: 'Service in charge',
    serviceRequired: 'Pick the service.',
    assignee: 'Agent in charge',
    assigneeEmail: 'Agent in charge (e-mail)',
    assigneeRequired: 'Pick the agent.',
    submit: 'Save',
    list: 'Complaints',
  },
};

/** Sample data for tests and the card gallery: a summary refused for holding a phone number. */
export const complaintFormSample: ComplaintFormCardData = {
  channel: 'email',
  kind: 'complaint',
  receivedOn: '2026-11-20',
  summary: 'Pas de réponse au 06 12 34 56 78',
  commitment: 'E.17',
  scope: 'in',
  service: 'BMI',
  assigneeId: '00000000-0000-0000-0000-0000000000022',
  today: '2026-11-23',
  channelChoices: [
    { value: 'email', title: 'Courriel — 5 jours ouvrés' },
    { value: 'letter', title: 'Courrier — 10 jours ouvrés' },
  ],
  kindChoices: [
    { value: 'complaint', title: 'Réclamation' },
    { value: 'suggestion', title: 'Suggestion' },
    { value: 'information-request', title: 'Demande d’information' },
  ],
  scopeChoices: [
    { value: 'in', title: 'Dans le périmètre Qual-e-pref' },
    { value: 'file-in-progress', title: 'Hors périmètre : question sur un dossier en cours' },
  ],
  commitmentChoices: [{ value: 'E.17', title: 'E.17 — Nous vous répondons dans un délais annoncé et maîtrisé' }],
  serviceChoices: [{ value: 'BMI', title: 'Bureau des migrations et de l’intégration (BMI)' }],
  people: [{ value: '00000000-0000-0000-0000-0000000000022', title: 'Adele Vance (BMI)' }],
  formError: 'Certaines informations sont à corriger : voir les messages sous les champs. Rien n’a été enregistré.',
  channelError: '',
  kindError: '',
  receivedOnError: '',
  summaryError: 'Ce texte semble contenir un numéro de téléphone : retirez toute donnée personnelle (noms, coordonnées, identifiants) avant d’enregistrer.',
  commitmentError: '',
  scopeError: '',
  serviceError: '',
  assigneeIdError: '',
};

/** The new complaint form. */
export function complaintFormCard(data: ComplaintFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
