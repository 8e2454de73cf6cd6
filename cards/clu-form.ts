import template from './clu-form.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A choice of a ChoiceSet. */
export interface CluFormChoice {
  value: string;
  title: string;
}

/**
 * The meeting form of the Comité local des usagers (issue 7): date and time, place or audio conference, chair,
 * agenda (prefilled with the standard agenda of CLU 2021), internal members from the directory, outside members
 * as « name ; organisation » lines. Errors appear next to the fields, typed values kept.
 */
export interface CluFormCardData {
  /** « Planifier le CLU » or « Modifier la réunion CLU-2027 ». */
  heading: string;
  /** What saving does: invitations sent, or copies updated. */
  intro: string;
  /** Label of the submit button. */
  submitLabel: string;
  /** Meeting number when editing, empty for a new one; with the revision shown. */
  id: string;
  revision: number;
  /** YYYY-MM-DD and HH:mm, as typed. */
  date: string;
  time: string;
  place: string;
  /** 'true' or 'false' (Input.Toggle). */
  audio: string;
  dialIn: string;
  chair: string;
  /** One point a line. */
  agenda: string;
  /** Member ids, comma-separated (a multi-select's value), or e-mails when the directory is too big to list. */
  members: string;
  /** One « name ; organisation » a line. */
  outsideMembers: string;
  /** "Megan Bowen (BMI)"; empty: members are typed as e-mails. */
  people: CluFormChoice[];
  /** Today in the prefecture: the earliest date. */
  today: string;
  /** Error about the whole form, and next to each field, or empty. */
  formError: string;
  dateError: string;
  timeError: string;
  placeError: string;
  dialInError: string;
  chairError: string;
  agendaError: string;
  membersError: string;
  outsideMembersError: string;
}

type Keys =
  | 'date' | 'dateRequired' | 'time' | 'timeRequired' | 'place' | 'placeHint' | 'audio' | 'dialIn' | 'dialInHint' | 'chair' | 'chairHint'
  | 'chairRequired' | 'agenda' | 'agendaRequired' | 'members' | 'membersEmail' | 'pick' | 'outside' | 'outsideHint' | 'back';

const strings: Strings<Keys> = {
  fr: {
    date: 'Date',
    dateRequired: 'Indiquez la date.',
    time: 'Heure',
    timeRequired: 'Indiquez l’heure.',
    place: 'Lieu (vide si seulement en audio-conférence)',
    placeHint: 'Ex. : Préfecture, salle Jean Moulin',
    audio: 'Audio-conférence possible',
    dialIn: 'Accès à l’audio-conférence (numéro, code, lien)',
    dialInHint: 'Ex. : 01 23 45 67 89, code 4321',
    chair: 'Présidence',
    chairHint: 'Ex. : Rose Morel, ou « la secrétaire générale »',
    chairRequired: 'Indiquez qui préside.',
    agenda: 'Ordre du jour (un point par ligne)',
    agendaRequired: 'Indiquez au moins un point.',
    members: 'Membres internes (reçoivent l’invitation)',
    membersEmail: 'Membres internes : adresses e-mail, séparées par des virgules',
    pick: 'Choisir…',
    outside: 'Membres extérieurs : « nom ; organisme », un par ligne',
    outsideHint: 'M. Lagonotte ; UDAF du Cher',
    back: 'Retour au CLU',
  },
  en: {
    date: 'Date',
    dateRequired: 'Give the date.',
    time: 'Time',
    timeRequired: 'Give the time.',
    place: 'Place (empty if by audio conference only)',
    placeHint: 'E.g. Prefecture, salle Jean Moulin',
    audio: 'Audio conference available',
    dialIn: 'Audio conference access (number, code, link)',
    dialInHint: 'E.g. 01 23 45 67 89, code 4321',
    chair: 'Chair',
    chairHint: 'E.g. Rose Morel, or “the secretary general”',
    chairRequired: 'Give who chairs.',
    agenda: 'Agenda (one point a line)',
    agendaRequired: 'Give at least one point.',
    members: 'Internal members (get the invitation)',
    membersEmail: 'Internal members: e-mail addresses, comma-separated',
    pick: 'Pick…',
    outside: 'Outside members: “name ; organisation”, one a line',
    outsideHint: 'M. Lagonotte ; UDAF du Cher',
    back: 'Back to the CLU',
  },
};

/** Sample data for tests and the gallery: a new meeting refused for a past date and an outside member without organisation. */
export const cluFormSample: CluFormCardData = {
  heading: 'Planifier le CLU',
  intro: 'À l’enregistrement, chaque membre interne reçoit son invitation (présent / excusé) ; les rappels suivent une semaine et un jour avant.',
  submitLabel: 'Enregistrer et inviter',
  id: '',
  revision: 0,
  date: '2026-11-02',
  time: '14:00',
  place: 'Préfecture du Cher, salle Jean Moulin',
  audio: 'true',
  dialIn: '',
  chair: 'Rose Morel',
  agenda: 'Présentation du bilan qualité 2025\nPrésentation du plan d’actions 2026\nQuestions diverses',
  members: '00000000-0000-0000-0000-0000000000020,00000000-0000-0000-0000-0000000000021',
  outsideMembers: 'M. Lagonotte ; UDAF du Cher\nM. Personnat',
  people: [
    { value: '00000000-0000-0000-0000-0000000000020', title: 'Alex Wilber (SGCD)' },
    { value: '00000000-0000-0000-0000-0000000000021', title: 'Megan Bowen (BMI)' },
    { value: '00000000-0000-0000-0000-0000000000025', title: 'Lynne Robbins (CERT)' },
  ],
  today: '2026-11-23',
  formError: 'Certaines informations sont à corriger : voir les messages sous les champs. Rien n’a été enregistré.',
  dateError: 'La date de la réunion est passée (maintenant : 23/11/2026 à 10:00) : choisissez une date à venir.',
  timeError: '',
  placeError: '',
  dialInError: '',
  chairError: '',
  agendaError: '',
  membersError: '',
  outsideMembersError: 'Ligne 2 (« M. Personnat ») : indiquez l’organisme après un point-virgule, par exemple « M. Lagonotte ; UDAF du Cher ».',
};

/** The meeting form. */
export function cluFormCard(data: CluFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
