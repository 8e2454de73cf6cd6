import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './person-form.json';

/** The admin's form to set a person's service and roles; errors appear next to the fields. */
export interface PersonFormCardData {
  /** aadObjectId of the person edited. */
  id: string;
  /** ETag read with the person: a save over a newer version is refused. */
  etag: string;
  /** Display name. */
  name: string;
  /** E-mail or a dash. */
  emailText: string;
  /** Current service code, or empty. */
  service: string;
  /** Current roles, comma-separated (the multi-select's value format). */
  roles: string;
  /** Day they took the post (YYYY-MM-DD), or empty when unknown. */
  arrivedOn: string;
  /** Services to pick from. */
  services: { code: string; name: string }[];
  /** Roles to pick from, labelled in the viewer's language. */
  roleChoices: { value: string; title: string }[];
  /** Error about the whole form (e.g. changed meanwhile), or empty. */
  formError: string;
  /** Error next to the service field, or empty. */
  serviceError: string;
  /** Error next to the roles field, or empty. */
  rolesError: string;
  /** Error next to the arrival date, or empty. */
  arrivedOnError: string;
}

const strings: Strings<'service' | 'serviceRequired' | 'roles' | 'rolesRequired' | 'arrivedOn' | 'save'> = {
  fr: {
    service: 'Service',
    serviceRequired: 'Choisissez un service.',
    roles: 'Rôles',
    rolesRequired: 'Choisissez au moins un rôle.',
    arrivedOn: 'Date d’arrivée sur le poste (facultatif)',
    save: 'Enregistrer',
  },
  en: {
    service: 'Service',
    serviceRequired: 'Pick a service.',
    roles: 'Roles',
    rolesRequired: 'Pick at least one role.',
    arrivedOn: 'Day they took the post (optional)',
    save: 'Save',
  },
};

/** Sample data for tests and the card gallery. */
export const personFormSample: PersonFormCardData = {
  id: '00000000-0000-0000-0000-000000000099',
  etag: 'W/"datetime\'2026-11-23T10%3A00%3A00.000Z\'"',
  name: 'Nouvel Agent',
  emailText: '—',
  service: '',
  roles: 'agent',
  arrivedOn: '2024-09-02',
  services: [
    { code: 'BMI', name: 'Bureau des migrations et de l’intégration' },
    { code: 'SGCD', name: 'Secrétariat général commun départemental' },
  ],
  roleChoices: [
    { value: 'agent', title: 'Agent' },
    { value: 'manager', title: 'Encadrant' },
  ],
  formError: '',
  serviceError: 'Choisissez un service.',
  rolesError: '',
  arrivedOnError: '',
};

/** The person form. */
export function personFormCard(data: PersonFormCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
