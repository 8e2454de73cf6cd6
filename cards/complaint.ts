import template from './complaint.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/**
 * One complaint (issue 6): what it is about, when the reply is due (E.17), its facts and replies, and the steps the
 * viewer may take (acknowledge, reply on the substance or hold, reassign, close), each a ShowCard with its inputs.
 */
export interface ComplaintCardData {
  /** 'R-2026-0012', sent back by every button. */
  id: string;
  /** Revision shown: a click on an older card is refused. */
  revision: number;
  /** "Réclamation R-2026-0012" / "Suggestion R-2026-0012". */
  heading: string;
  /** "En attente de réponse — en retard". */
  stateLabel: string;
  /** Adaptive Card colour of the state. */
  stateColor: string;
  /** The summary. */
  summary: string;
  /** "Réponse attendue le 19/03/2027 (5 jours ouvrés, courriel — E.17 / 17.2)". */
  dueText: string;
  /** Colour of the due line: Attention when late, Good when answered. */
  dueColor: string;
  /** Channel, received date, commitment, scope, service, agent, acknowledgement, replies, author. */
  facts: { title: string; value: string }[];
  /** What just happened or why a click was refused, or empty. */
  notice: string;
  noticeColor: string;
  /** Steps offered to this viewer: 'acknowledge', 'substance', 'holding', 'reassign', 'close'. */
  steps: string[];
  /** Today: default and latest date of a reply or acknowledgement. */
  today: string;
  /** Earliest forecast date a holding reply may announce. */
  forecastMin: string;
  /** People to reassign to ("Adele Vance (BMI)"); empty: typed as an e-mail. */
  people: { value: string; title: string }[];
  /** Label of the close reason: required while no reply on the substance was given. */
  closeReasonLabel: string;
  closeReasonRequired: boolean;
}

type Keys =
  | 'readOnly' | 'acknowledge' | 'acknowledgeHint' | 'sentOn' | 'dateRequired' | 'save' | 'substance' | 'holding' | 'holdingHint' | 'forecastOn'
  | 'forecastRequired' | 'reassign' | 'newAssignee' | 'newAssigneeEmail' | 'assigneeRequired' | 'close' | 'closeConfirm' | 'reasonRequired';

const strings: Strings<Keys> = {
  fr: {
    readOnly: 'Consultation seule : aucune opération ne vous revient sur cette réclamation.',
    acknowledge: 'Accusé de réception',
    acknowledgeHint: 'Un accusé de réception est adressé systématiquement aux demandes faites par courriel (17.3).',
    sentOn: 'Envoyé le',
    dateRequired: 'Indiquez la date.',
    save: 'Enregistrer',
    substance: 'Réponse sur le fond',
    holding: 'Réponse d’attente',
    holdingHint: 'Une réponse d’attente indique le délai prévisionnel de traitement (17.1, 17.2) : cette date devient la nouvelle échéance.',
    forecastOn: 'Réponse sur le fond prévue le',
    forecastRequired: 'Indiquez la date prévisionnelle.',
    reassign: 'Réattribuer',
    newAssignee: 'Nouvel agent chargé de répondre',
    newAssigneeEmail: 'Nouvel agent (e-mail)',
    assigneeRequired: 'Choisissez l’agent.',
    close: 'Classer',
    closeConfirm: 'Classer la réclamation',
    reasonRequired: 'Indiquez le motif.',
  },
  en: {
    readOnly: 'Read only: nothing here is yours to do.',
    acknowledge: 'Acknowledgement',
    acknowledgeHint: 'Requests made by e-mail always get an acknowledgement of receipt (17.3).',
    sentOn: 'Sent on',
    dateRequired: 'Give the date.',
    save: 'Save',
    substance: 'Reply on the substance',
    holding: 'Holding reply',
    holdingHint: 'A holding reply gives the forecast processing time (17.1, 17.2): that date becomes the new due date.',
    forecastOn: 'Reply on the substance expected on',
    forecastRequired: 'Give the forecast date.',
    reassign: 'Reassign',
    newAssignee: 'New agent in charge',
    newAssigneeEmail: 'New agent (e-mail)',
    assigneeRequired: 'Pick the agent.',
    close: 'Close',
    closeConfirm: 'Close the complaint',
    reasonRequired: 'Give the reason.',
  },
};

/** Sample data for tests and the card gallery: an e-mail awaiting its acknowledgement, seen by BMI's manager. */
export const complaintSample: ComplaintCardData = {
  id: 'R-2026-0012',
  revision: 0,
  heading: 'Réclamation R-2026-0012',
  stateLabel: 'En attente de réponse',
  stateColor: 'Warning',
  summary: 'Horaires d’ouverture de l’accueil des étrangers jugés trop restreints',
  dueText: 'Réponse attendue le 30/11/2026 (5 jours ouvrés, courriel — E.17 / 17.2, 17.3)',
  dueColor: 'Default',
  facts: [
    { title: 'Canal', value: 'Courriel' },
    { title: 'Reçue le', value: '23/11/2026' },
    { title: 'Engagement', value: 'E.7' },
    { title: 'Périmètre', value: 'Dans le périmètre Qual-e-pref' },
    { title: 'Agent', value: 'Adele Vance (BMI)' },
    { title: 'Accusé de réception', value: 'à envoyer (17.3)' },
  ],
  notice: 'Réclamation R-2026-0012 enregistrée.',
  noticeColor: 'Good',
  steps: ['acknowledge', 'substance', 'holding', 'reassign', 'close'],
  today: '2026-11-23',
  forecastMin: '2026-11-30',
  people: [
    { value: '00000000-0000-0000-0000-0000000000022', title: 'Adele Vance (BMI)' },
    { value: '00000000-0000-0000-0000-0000000000104', title: 'Louis Thomas (BMI)' },
  ],
  closeReasonLabel: 'Motif du classement sans réponse sur le fond',
  closeReasonRequired: true,
};

/** The complaint card. */
export function complaintCard(data: ComplaintCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
