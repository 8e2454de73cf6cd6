import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './commitments.json';

/** One page of the référentiel, commitments grouped by module. */
export interface CommitmentsCardData {
  /** "Référentiel de la préfecture du Cher". */
  title: string;
  /** "33 engagements — page 1 / 2". */
  subtitle: string;
  /** Module groups on this page. */
  modules: {
    /** "Module 1 — Relation générale avec les usagers". */
    heading: string;
    /** Commitments of the module on this page (titles shortened). */
    commitments: { id: string; title: string }[];
  }[];
  /** Page to show with "Précédents", or -1. */
  previousPage: number;
  /** Page to show with "Suivants", or -1. */
  nextPage: number;
}

const strings: Strings<'howToOpen' | 'previous' | 'next'> = {
  fr: { howToOpen: 'Pour lire un engagement en entier : « engagement E.17 ».', previous: 'Précédents', next: 'Suivants' },
  en: { howToOpen: 'To read one commitment in full: “commitment E.17”.', previous: 'Previous', next: 'Next' },
};

/** Sample data for tests and the card gallery. */
export const commitmentsSample: CommitmentsCardData = {
  title: 'Référentiel de la préfecture du Cher',
  subtitle: '33 engagements — page 1 / 2',
  modules: [
    {
      heading: 'Module 1 — Relation générale avec les usagers',
      commitments: [
        { id: 'E.1', title: 'Nous vous informons sur les conditions de fonctionnement de nos services.' },
        { id: 'E.17', title: 'Nous vous répondons dans un délais annoncé et maîtrisé…' },
      ],
    },
  ],
  previousPage: -1,
  nextPage: 1,
};

/** A page of the référentiel. */
export function commitmentsCard(data: CommitmentsCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
