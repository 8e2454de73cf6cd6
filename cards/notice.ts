import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './notice.json';

/** Data of a short notice: a confirmation, a refusal or an error, with an optional error reference. */
export interface NoticeCardData {
  /** "good" for a confirmation, "warning" for a refusal, "attention" for an error. */
  style: 'good' | 'warning' | 'attention' | 'default';
  /** One-line title. */
  title: string;
  /** The explanation. */
  text: string;
  /** Error reference to quote to support, or empty. */
  reference: string;
}

const strings: Strings<'reference'> = {
  fr: { reference: 'Référence :' },
  en: { reference: 'Reference:' },
};

/** Sample data for tests and the card gallery. */
export const noticeSample: NoticeCardData = {
  style: 'attention',
  title: 'Action inconnue',
  text: 'Cette carte n’est plus à jour. Tapez « aide » pour recommencer.',
  reference: 'QB-7F3A2C',
};

/** A notice card. */
export function noticeCard(data: NoticeCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
