import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './whoami.json';

/** Data of the "qui suis-je" card. */
export interface WhoamiCardData {
  /** Display name. */
  name: string;
  /** Service as "Name (CODE)", or the "not assigned" label. */
  serviceText: string;
  /** Role labels joined for reading. */
  rolesText: string;
  /** E-mail, or a dash. */
  emailText: string;
  /** True while an admin has not reviewed the profile. */
  toAssign: boolean;
}

const strings: Strings<'service' | 'roles' | 'email' | 'toAssign'> = {
  fr: {
    service: 'Service',
    roles: 'Rôles',
    email: 'Courriel',
    toAssign: 'Profil en attente : un administrateur doit vous rattacher à un service.',
  },
  en: {
    service: 'Service',
    roles: 'Roles',
    email: 'E-mail',
    toAssign: 'Pending profile: an administrator must assign you to a service.',
  },
};

/** Sample data for tests and the card gallery. */
export const whoamiSample: WhoamiCardData = {
  name: 'Alex Wilber',
  serviceText: 'Secrétariat général commun départemental (SGCD)',
  rolesText: 'Responsable qualité, Administrateur',
  emailText: 'alex.wilber@cher.gouv.fr',
  toAssign: false,
};

/** The "qui suis-je" card. */
export function whoamiCard(data: WhoamiCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
