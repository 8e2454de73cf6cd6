import template from './action-plan.json';
import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';

/** One line of the plan: an action, its state and what to open it with. */
export interface ActionPlanLine {
  /** Plan number ("2021-07"), sent back by « Ouvrir ». */
  id: string;
  /** The finding, shortened to one line. */
  finding: string;
  /** State in the viewer's language ("En cours — en retard"). */
  state: string;
  /** Adaptive Card colour of the state: Good, Warning, Attention, Accent, Default. */
  stateColor: string;
  /** "Échéance 12/03/2027 · Adele Vance". */
  details: string;
}

/** The `plan d'action` list (issue 5): whose plan, which filters, the counts, and one line per action. */
export interface ActionPlanCardData {
  /** "Vos actions", "Service BMI", "Toutes les actions". */
  scopeText: string;
  /** The filters understood ("Filtres : en retard · 2021"), or how to add some. */
  filtersText: string;
  /** "Mots non compris : …", or empty. */
  unknownText: string;
  /** "3 ouvertes · 1 en retard · 1 à valider · 1 proposition". */
  summary: string;
  /** At most 25 lines. */
  lines: ActionPlanLine[];
  /** "… et 12 autres : précisez, par exemple « plan d’action en retard »", or empty. */
  more: string;
}

const strings: Strings<'title' | 'none' | 'open' | 'newAction'> = {
  fr: { title: 'Plan d’action', none: 'Aucune action ne correspond.', open: 'Ouvrir', newAction: 'Nouvelle action' },
  en: { title: 'Action plan', none: 'No action matches.', open: 'Open', newAction: 'New action' },
};

/** Sample data for tests and the card gallery: the quality officer's view of overdue actions. */
export const actionPlanSample: ActionPlanCardData = {
  scopeText: 'Toutes les actions',
  filtersText: 'Filtres : en retard',
  unknownText: 'Mots non compris : urgent',
  summary: '4 ouvertes · 1 en retard · 1 à valider · 1 proposition',
  lines: [
    {
      id: '2026-02',
      finding: 'Message du répondeur non mis à jour après le changement d’horaires',
      state: 'En cours — en retard',
      stateColor: 'Attention',
      details: 'Échéance 14/11/2026 · Camille Martin',
    },
    { id: '2026-05', finding: 'Affichage du point numérique : affiche absente du hall', state: 'Proposée', stateColor: 'Accent', details: 'Sans échéance · Adele Vance' },
  ],
  more: '… et 3 autres : précisez, par exemple « plan d’action en retard ».',
};

/** The action plan list card. */
export function actionPlanCard(data: ActionPlanCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
