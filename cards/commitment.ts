import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './commitment.json';

/** One commitment of the référentiel, in full. */
export interface CommitmentCardData {
  /** Its id, e.g. "E.17". */
  id: string;
  /** "Module 1 — Relation générale avec les usagers · Courriers et courriels". */
  moduleText: string;
  /** "Fait partie de l'engagement 17 : …" for sub-items, else empty. */
  parentText: string;
  /** The commitment's sentence. */
  title: string;
  /** Its bullet points, if any. */
  details: string[];
  /** Its sub-items (Loire numbering), if any. */
  children: { id: string; title: string }[];
}

const strings: Strings<'commitment' | 'subItems'> = {
  fr: { commitment: 'Engagement', subItems: 'Déclinaisons' },
  en: { commitment: 'Commitment', subItems: 'Sub-items' },
};

/** Sample data for tests and the card gallery. */
export const commitmentSample: CommitmentCardData = {
  id: 'E.17',
  moduleText: 'Module 1 — Relation générale avec les usagers · Courriers et courriels',
  parentText: '',
  title: 'Nous vous répondons dans un délais annoncé et maîtrisé : 10 jours ouvrés (courriers) / 5 jours ouvrés (courriels).',
  details: [],
  children: [],
};

/** The card of one commitment. */
export function commitmentCard(data: CommitmentCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
