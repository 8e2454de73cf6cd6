import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './label-calendar.json';

/** One obligation as a line of « calendrier ». */
export interface LabelCalendarLine {
  /** Obligation id, sent back by « Fait ». */
  id: string;
  /** "**01/04/2027** — Enquête annuelle de satisfaction (3.2)". */
  heading: string;
  /** "Alex Wilber · du 22/03/2027 au 01/04/2027 · dans 87 jours". */
  details: string;
  /** True for its owner and the quality officers: the line carries « Fait ». */
  canMarkDone: boolean;
}

/** « calendrier » (issue 7): what the label calendar makes due in the next 6 months, and what is late. */
export interface LabelCalendarCardData {
  /** "Au 04/01/2027 : échéances des 6 prochains mois et retards". */
  subtitle: string;
  /** What the last action did ("Fait le …"), or empty. */
  notice: string;
  /** Colour of the notice. */
  noticeColor: 'Good' | 'Warning' | 'Default';
  /** "En retard (1)". */
  lateHeading: string;
  /** Late obligations, the oldest first. */
  late: LabelCalendarLine[];
  /** "Dans les 6 prochains mois (4)". */
  dueHeading: string;
  /** Obligations due in the next 6 months, the soonest first. */
  due: LabelCalendarLine[];
  /** "… et 3 autre(s)", or empty. */
  more: string;
  /** Quality officer or admin: the card offers the whole calendar and a new obligation. */
  canManage: boolean;
}

const strings: Strings<'title' | 'nothing' | 'done' | 'refresh' | 'all' | 'create'> = {
  fr: {
    title: 'Calendrier du label',
    nothing: 'Rien n’est dû dans les 6 prochains mois et rien n’est en retard.',
    done: 'Fait',
    refresh: 'Actualiser',
    all: 'Tout le calendrier',
    create: 'Nouvelle échéance',
  },
  en: {
    title: 'Label calendar',
    nothing: 'Nothing is due in the next 6 months and nothing is late.',
    done: 'Done',
    refresh: 'Refresh',
    all: 'Whole calendar',
    create: 'New obligation',
  },
};

/** Sample data for tests and the card gallery. */
export const labelCalendarSample: LabelCalendarCardData = {
  subtitle: 'Au 04/01/2027 : échéances des 6 prochains mois et retards',
  notice: 'Fait le 04/01/2027 : Revue de la ligne éditoriale des réseaux sociaux (20.3). Prochaine échéance le 18/02/2028.',
  noticeColor: 'Good',
  lateHeading: 'En retard (1)',
  late: [
    {
      id: 'sensibilisation-fraude',
      heading: '**15/12/2026** — Action de sensibilisation des partenaires à la fraude (23.3)',
      details: 'Isaiah Langer · en retard de 20 jours',
      canMarkDone: true,
    },
  ],
  dueHeading: 'Dans les 6 prochains mois (2)',
  due: [
    { id: 'audit-interne', heading: '**09/03/2027** — Audit interne (Label)', details: 'Alex Wilber · dans 64 jours', canMarkDone: true },
    {
      id: 'enquete-satisfaction',
      heading: '**01/04/2027** — Enquête annuelle de satisfaction et appels mystères (3.2)',
      details: 'Alex Wilber · du 22/03/2027 au 01/04/2027 · dans 87 jours',
      canMarkDone: false,
    },
  ],
  more: '',
  canManage: true,
};

/** The « calendrier » card. */
export function labelCalendarCard(data: LabelCalendarCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
