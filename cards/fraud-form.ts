import template from './fraud-form.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** A choice of a list (value sent back, title shown). */
export interface FraudChoice {
  value: string;
  title: string;
}

/** « signaler une fraude » (23.x, E.33): the form, with the values typed and the errors next to their fields. */
export interface FraudFormCardData {
  /** Fraud domains (BMI, CERT CNI-Passeports, permis, cartes grises, autre). */
  services: FraudChoice[];
  /** Kinds of title. */
  titleTypes: FraudChoice[];
  /** Natures of fraud. */
  natures: FraudChoice[];
  /** Values typed or preset (a manager of BMI gets BMI), '' when none. */
  service: string;
  titleType: string;
  nature: string;
  /** YYYY-MM-DD. */
  detectedOn: string;
  fileReference: string;
  description: string;
  /** 'true' or 'false' (the toggle). */
  article40: string;
  /** YYYY-MM-DD, or ''. */
  article40On: string;
  /** Today in the prefecture: the date pickers' maximum. */
  today: string;
  /** Five years back: the date pickers' minimum. */
  earliest: string;
  /** Errors, '' when none: about the whole form, then next to each field. */
  formError: string;
  serviceError: string;
  titleTypeError: string;
  natureError: string;
  detectedOnError: string;
  fileReferenceError: string;
  descriptionError: string;
  article40Error: string;
  article40OnError: string;
}

type Keys =
  | 'title' | 'privacy' | 'pick' | 'service' | 'serviceRequired' | 'titleType' | 'titleTypeRequired' | 'nature' | 'natureRequired'
  | 'detectedOn' | 'detectedOnRequired' | 'fileReference' | 'fileReferenceRequired' | 'fileReferenceHint' | 'description'
  | 'descriptionRequired' | 'descriptionHint' | 'article40' | 'article40On' | 'submit' | 'mySignals';

const strings: Strings<Keys> = {
  fr: {
    title: 'Signaler une fraude',
    privacy:
      '**Aucun nom ni donnée personnelle** dans la référence et la description : ni nom, ni adresse e-mail, ni téléphone, ni numéro de sécurité sociale, ni date de naissance, ni IBAN. Le signalement n’est visible que de vous, du référent fraude et du responsable qualité.',
    pick: 'Choisir…',
    service: 'Service concerné',
    serviceRequired: 'Choisissez le service.',
    titleType: 'Type de titre',
    titleTypeRequired: 'Choisissez le type de titre.',
    nature: 'Nature de la fraude',
    natureRequired: 'Choisissez la nature de la fraude.',
    detectedOn: 'Date de détection',
    detectedOnRequired: 'Indiquez la date de détection (aujourd’hui au plus tard).',
    fileReference: 'Référence interne du dossier',
    fileReferenceRequired: 'Indiquez la référence interne du dossier.',
    fileReferenceHint: 'ex. 2026-BMI-00412',
    description: 'Description courte (sans nom)',
    descriptionRequired: 'Décrivez brièvement la fraude.',
    descriptionHint: 'ex. bulletins de salaire d’une entreprise radiée, mise en page incohérente',
    article40: 'Signalement transmis au procureur (article 40 du code de procédure pénale)',
    article40On: 'Date de la transmission au procureur (si transmis)',
    submit: 'Envoyer le signalement',
    mySignals: 'Mes signalements',
  },
  en: {
    title: 'Report a fraud',
    privacy:
      '**No names or personal data** in the reference and the description: no name, e-mail address, phone number, social security number, date of birth or IBAN. Only you, the fraud referent and the quality officer see the signal.',
    pick: 'Pick…',
    service: 'Service concerned',
    serviceRequired: 'Pick the service.',
    titleType: 'Title type',
    titleTypeRequired: 'Pick the title type.',
    nature: 'Nature of the fraud',
    natureRequired: 'Pick the nature of the fraud.',
    detectedOn: 'Detection date',
    detectedOnRequired: 'Give the detection date (today at the latest).',
    fileReference: 'Internal file reference',
    fileReferenceRequired: 'Give the internal file reference.',
    fileReferenceHint: 'e.g. 2026-BMI-00412',
    description: 'Short description (no names)',
    descriptionRequired: 'Briefly describe the fraud.',
    descriptionHint: 'e.g. payslips from a company struck off, inconsistent layout',
    article40: 'Reported to the public prosecutor (article 40 of the code of criminal procedure)',
    article40On: 'Date of the report to the prosecutor (if reported)',
    submit: 'Send the signal',
    mySignals: 'My signals',
  },
};

/** Sample for tests and the gallery: a BMI signal refused for a phone number in the description. */
export const fraudFormSample: FraudFormCardData = {
  services: [
    { value: 'BMI', title: 'BMI — titres des étrangers' },
    { value: 'CERT', title: 'CERT CNI-Passeports' },
  ],
  titleTypes: [{ value: 'titre-sejour', title: 'Titre de séjour' }],
  natures: [{ value: 'faux-bulletin-salaire', title: 'Faux bulletin de salaire' }],
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2027-01-04',
  fileReference: '2027-BMI-00412',
  description: 'Bulletins d’une entreprise radiée ; employeur joint au 06 12 34 56 78',
  article40: 'false',
  article40On: '',
  today: '2027-01-05',
  earliest: '2022-01-05',
  formError: '',
  serviceError: '',
  titleTypeError: '',
  natureError: '',
  detectedOnError: '',
  fileReferenceError: '',
  descriptionError: 'Ce texte semble contenir un numéro de téléphone : retirez toute donnée personnelle (noms, coordonnées, identifiants) avant d’enregistrer.',
  article40Error: '',
  article40OnError: '',
};

/** The fraud signal form. */
export function fraudFormCard(data: FraudFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
