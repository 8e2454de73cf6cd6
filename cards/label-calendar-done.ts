import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './label-calendar-done.json';

/** Marking one occurrence of a label obligation done: the day (today by default, never in the future) and a remark. */
export interface LabelCalendarDoneCardData {
  /** Obligation id and the ETag read with it, sent back by « Enregistrer ». */
  id: string;
  etag: string;
  /** Due date of the occurrence marked done (YYYY-MM-DD): a card opened for an earlier occurrence is refused. */
  occurrenceDueOn: string;
  /** "Enquête annuelle de satisfaction et appels mystères (3.2)". */
  heading: string;
  /** "Échéance du 01/04/2027 — responsable : Alex Wilber". */
  occurrenceText: string;
  /** Day typed, YYYY-MM-DD (today when the form opens), or empty. */
  doneOn: string;
  /** Today in the prefecture (the date picker's maximum). */
  today: string;
  /** Remark typed, or empty. */
  note: string;
  /** Error about the whole form, or empty; then one per field, or empty. */
  formError: string;
  doneOnError: string;
  noteError: string;
}

const strings: Strings<'title' | 'doneOn' | 'doneOnRequired' | 'note' | 'noteHint' | 'save' | 'back'> = {
  fr: {
    title: 'Marquer comme fait',
    doneOn: 'Fait le',
    doneOnRequired: 'Indiquez la date (aujourd’hui au plus tard).',
    note: 'Remarque (facultatif)',
    noteHint: 'ex. 212 questionnaires recueillis',
    save: 'Enregistrer',
    back: 'Retour au calendrier',
  },
  en: {
    title: 'Mark as done',
    doneOn: 'Done on',
    doneOnRequired: 'Give the date (today at the latest).',
    note: 'Remark (optional)',
    noteHint: 'e.g. 212 questionnaires collected',
    save: 'Save',
    back: 'Back to the calendar',
  },
};

/** Sample data for tests and the card gallery: a date in the future refused. */
export const labelCalendarDoneSample: LabelCalendarDoneCardData = {
  id: 'enquete-satisfaction',
  etag: 'W/"3"',
  occurrenceDueOn: '2027-04-01',
  heading: 'Enquête annuelle de satisfaction et appels mystères (3.2)',
  occurrenceText: 'Échéance du 01/04/2027 (du 22/03/2027 au 01/04/2027) — responsable : Alex Wilber',
  doneOn: '2027-04-09',
  today: '2027-04-02',
  note: '',
  formError: '',
  doneOnError: 'La date ne peut pas être dans le futur.',
  noteError: '',
};

/** The « Fait » form. */
export function labelCalendarDoneCard(data: LabelCalendarDoneCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
