import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './check-item-form.json';

/** The quality officer's form to create or edit a check item; errors appear next to the fields, typed values kept. */
export interface CheckItemFormCardData {
  /** Id of the item edited, or empty for a new one (sent back by « Enregistrer »). */
  itemId: string;
  /** ETag read with the item (empty for a new one): a save over a newer version is refused. */
  etag: string;
  /** What is checked, as typed. */
  label: string;
  /** Commitment number, as typed. */
  commitment: string;
  /** "E.1 … E.33 (référentiel du Cher)": what may be typed. */
  commitmentHint: string;
  /** Location id ("website"), or empty. */
  location: string;
  /** Web page, as typed. */
  url: string;
  /** Owner: an aadObjectId (picked from `people`) or an e-mail (typed, when the directory is too big to list). */
  owner: string;
  /** Service code, or empty for the owner's service. */
  service: string;
  /** Locations to pick from, labelled in the viewer's language. */
  locations: { value: string; title: string }[];
  /** People to pick from ("Megan Bowen (BMI)"); empty: the owner is typed as an e-mail. */
  people: { value: string; title: string }[];
  /** Services to pick from. */
  services: { code: string; name: string }[];
  /** Error about the whole form (changed meanwhile…), or empty. */
  formError: string;
  /** Errors next to each field, or empty. */
  labelError: string;
  commitmentError: string;
  locationError: string;
  urlError: string;
  ownerError: string;
  serviceError: string;
}

const strings: Strings<
  | 'newTitle'
  | 'editTitle'
  | 'label'
  | 'labelHint'
  | 'labelRequired'
  | 'commitment'
  | 'commitmentRequired'
  | 'location'
  | 'locationRequired'
  | 'url'
  | 'owner'
  | 'ownerEmail'
  | 'ownerRequired'
  | 'service'
  | 'serviceOfOwner'
  | 'serviceHint'
  | 'save'
> = {
  fr: {
    newTitle: 'Nouvel élément de contrôle',
    editTitle: 'Modifier l’élément',
    label: 'Information contrôlée',
    labelHint: 'Ex. : Horaires d’ouverture affichés dans le hall',
    labelRequired: 'Indiquez ce qui est contrôlé.',
    commitment: 'Engagement du référentiel',
    commitmentRequired: 'Indiquez l’engagement.',
    location: 'Support',
    locationRequired: 'Choisissez le support.',
    url: 'Adresse de la page (obligatoire pour le site internet)',
    owner: 'Responsable',
    ownerEmail: 'Responsable (e-mail)',
    ownerRequired: 'Choisissez le responsable.',
    service: 'Service',
    serviceOfOwner: 'Service du responsable',
    serviceHint: 'Vide : le service du responsable. Changer de responsable fait suivre le service, sauf si vous en choisissez un autre.',
    save: 'Enregistrer',
  },
  en: {
    newTitle: 'New check item',
    editTitle: 'Edit item',
    label: 'Information checked',
    labelHint: 'E.g. Opening hours shown in the hall',
    labelRequired: 'Say what is checked.',
    commitment: 'Commitment of the référentiel',
    commitmentRequired: 'Give the commitment.',
    location: 'Medium',
    locationRequired: 'Pick the medium.',
    url: 'Page address (required for the website)',
    owner: 'Owner',
    ownerEmail: 'Owner (e-mail)',
    ownerRequired: 'Pick the owner.',
    service: 'Service',
    serviceOfOwner: 'Owner’s service',
    serviceHint: 'Empty: the owner’s service. A new owner brings their service along, unless you pick another one.',
    save: 'Save',
  },
};

/** Sample data for tests and the card gallery: an edit refused with errors next to two fields. */
export const checkItemFormSample: CheckItemFormCardData = {
  itemId: 'WEB-HORAIRES',
  etag: 'W/"datetime\'2026-11-23T10%3A00%3A00.000Z\'"',
  label: 'Horaires et accès sur le site internet',
  commitment: 'E.99',
  commitmentHint: 'E.1 … E.33',
  location: 'website',
  url: '',
  owner: '00000000-0000-0000-0000-0000000000020',
  service: 'SGCD',
  locations: [
    { value: 'hall', title: 'Affichage du hall' },
    { value: 'website', title: 'Site internet' },
  ],
  people: [
    { value: '00000000-0000-0000-0000-0000000000020', title: 'Alex Wilber (SGCD)' },
    { value: '00000000-0000-0000-0000-0000000000021', title: 'Megan Bowen (BMI)' },
  ],
  services: [
    { code: 'BMI', name: 'Bureau des migrations et de l’intégration' },
    { code: 'SGCD', name: 'Secrétariat général commun départemental' },
  ],
  formError: '',
  labelError: '',
  commitmentError: 'Engagement « E.99 » absent du référentiel (ex. E.1, E.2, E.3).',
  locationError: '',
  urlError: 'Indiquez l’adresse de la page du site internet.',
  ownerError: '',
  serviceError: '',
};

/** The check item form. */
export function checkItemFormCard(data: CheckItemFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
