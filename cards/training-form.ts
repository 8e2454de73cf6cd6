import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './training-form.json';

/** Declaring a completed training (DOMAIN §2): type, date, title, mode; errors appear next to the fields. */
export interface TrainingFormCardData {
  /** False when the viewer may declare only for themself: the form then says for whom instead of asking. */
  showPersonChooser: boolean;
  /** "Pour : Adele Vance (BMI)", shown when there is no chooser. */
  forText: string;
  /** Person preselected in the chooser (aadObjectId), or empty. */
  personId: string;
  /** People the viewer may declare for ("Adele Vance — BMI"), the viewer first; capped. */
  people: { id: string; title: string }[];
  /** Says the list is cut and how to reach someone else, or empty. */
  peopleHint: string;
  /** Type preselected (a reminder's button), or empty. */
  typeId: string;
  /** Active training types ("Formation continue (4.2)"). */
  types: { id: string; title: string }[];
  /** Date typed, YYYY-MM-DD, or empty. */
  completedOn: string;
  /** Today in the prefecture (the date picker's maximum). */
  today: string;
  /** Title typed, or empty. */
  title: string;
  /** 'e-learning', 'presentiel', or empty. */
  mode: string;
  /** Error about the whole form, or empty. */
  formError: string;
  /** Error next to the person chooser (may not declare for them, unknown), or empty. */
  personError: string;
  /** Error next to the type, or empty. */
  typeIdError: string;
  /** Error next to the date, or empty. */
  completedOnError: string;
  /** Error next to the title, or empty. */
  titleError: string;
  /** Error next to the mode, or empty. */
  modeError: string;
}

const strings: Strings<
  | 'title'
  | 'person'
  | 'personRequired'
  | 'type'
  | 'typeRequired'
  | 'typePlaceholder'
  | 'date'
  | 'dateRequired'
  | 'titleLabel'
  | 'titleHint'
  | 'titleRequired'
  | 'mode'
  | 'modeRequired'
  | 'eLearning'
  | 'presentiel'
  | 'submit'
  | 'myTraining'
> = {
  fr: {
    title: 'Déclarer une formation suivie',
    person: 'Agent formé',
    personRequired: 'Choisissez la personne formée.',
    type: 'Type de formation',
    typeRequired: 'Choisissez le type de formation.',
    typePlaceholder: 'Choisir…',
    date: 'Date de la formation',
    dateRequired: 'Indiquez la date de la formation (aujourd’hui au plus tard).',
    titleLabel: 'Intitulé',
    titleHint: 'ex. Accueil des publics en préfecture',
    titleRequired: 'Indiquez l’intitulé de la formation.',
    mode: 'Modalité',
    modeRequired: 'Choisissez e-learning ou présentiel.',
    eLearning: 'E-learning',
    presentiel: 'Présentiel',
    submit: 'Déclarer',
    myTraining: 'Mes formations',
  },
  en: {
    title: 'Declare a completed training',
    person: 'Person trained',
    personRequired: 'Pick the person trained.',
    type: 'Training type',
    typeRequired: 'Pick the training type.',
    typePlaceholder: 'Pick…',
    date: 'Date of the training',
    dateRequired: 'Give the date of the training (today at the latest).',
    titleLabel: 'Title',
    titleHint: 'e.g. Welcoming the public at the prefecture',
    titleRequired: 'Give the title of the training.',
    mode: 'Mode',
    modeRequired: 'Pick e-learning or classroom.',
    eLearning: 'E-learning',
    presentiel: 'Classroom',
    submit: 'Declare',
    myTraining: 'My training',
  },
};

/** Sample data for tests and the card gallery: a manager declaring for an agent, with a date refused. */
export const trainingFormSample: TrainingFormCardData = {
  showPersonChooser: true,
  forText: '',
  personId: '00000000-0000-0000-0000-0000000000022',
  people: [
    { id: '00000000-0000-0000-0000-0000000000021', title: 'Megan Bowen — BMI' },
    { id: '00000000-0000-0000-0000-0000000000022', title: 'Adele Vance — BMI' },
  ],
  peopleHint: '',
  typeId: 'lutte-contre-la-fraude',
  types: [
    { id: 'formation-continue', title: 'Formation continue (4.2)' },
    { id: 'lutte-contre-la-fraude', title: 'Sensibilisation à la lutte contre la fraude (23.1)' },
  ],
  completedOn: '2027-01-05',
  today: '2027-01-04',
  title: 'Détection de la fraude documentaire',
  mode: 'presentiel',
  formError: '',
  personError: '',
  typeIdError: '',
  completedOnError: 'La date ne peut pas être dans le futur.',
  titleError: '',
  modeError: '',
};

/** The training declaration form. */
export function trainingFormCard(data: TrainingFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
