import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './action-plan-import.json';

/** The action plan import form (issue 5); after a refused import it comes back with each bad line. */
export interface ActionPlanImportCardData {
  /** The CSV as pasted, kept after a refusal so it can be corrected (empty when too long to show again). */
  csv: string;
  /** "Import refusé : 2 ligne(s) à corriger, rien n'a été enregistré.", or empty. */
  summary: string;
  /** One entry per problem ("Ligne 4 : RESPONSABLE : Service « XYZ » inconnu."), at most a screenful. */
  problems: { text: string }[];
}

const strings: Strings<'title' | 'explain' | 'example' | 'label' | 'required' | 'submit'> = {
  fr: {
    title: 'Importer le plan d’actions',
    explain:
      'Collez le plan exporté par « exporter le plan d’action » (le CSV, ou les cellules copiées depuis Excel), ligne d’en-tête comprise. Colonnes indispensables : N°, CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS, NATURE DU PLAN D’ACTION, RESPONSABLE (codes de service séparés par « / »), PILOTE (E-MAIL), et l’ÉTAT ou une croix dans ACTION PRÉVUE, EN COURS ou RÉALISÉE ; dates en JJ/MM/AAAA. Une ligne portant le numéro d’une action existante la remplace ; une ligne sans numéro crée une action. Rien n’est enregistré si une ligne est fausse.',
    example:
      'N°;CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS;NATURE DU PLAN D’ACTION;RESPONSABLE;PILOTE (E-MAIL);ÉTAT;Échéance de réalisation\n2026-04;Affiche des horaires périmée;Refaire l’affiche;SGCD / BREC;alex.wilber@cher.gouv.fr;En cours;31/12/2026',
    label: 'Plan d’actions (CSV)',
    required: 'Collez le contenu du fichier CSV.',
    submit: 'Importer',
  },
  en: {
    title: 'Import the action plan',
    explain:
      'Paste the plan exported by “export action plan” (the CSV, or the cells copied from Excel), header line included. Columns needed (French headers): N°, CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS, NATURE DU PLAN D’ACTION, RESPONSABLE (service codes separated by “/”), PILOTE (E-MAIL), and ÉTAT or an X in ACTION PRÉVUE, EN COURS or RÉALISÉE; dates as DD/MM/YYYY. A line with the number of an existing action replaces it; a line without a number creates one. Nothing is saved if any line is wrong.',
    example:
      'N°;CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS;NATURE DU PLAN D’ACTION;RESPONSABLE;PILOTE (E-MAIL);ÉTAT;Échéance de réalisation\n2026-04;Opening hours poster out of date;Redo the poster;SGCD / BREC;alex.wilber@cher.gouv.fr;En cours;31/12/2026',
    label: 'Action plan (CSV)',
    required: 'Paste the content of the CSV file.',
    submit: 'Import',
  },
};

/** Sample data for tests and the card gallery. */
export const actionPlanImportSample: ActionPlanImportCardData = {
  csv: 'N°;CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS;NATURE DU PLAN D’ACTION;RESPONSABLE;PILOTE (E-MAIL);ÉTAT;Échéance de réalisation\n;Affiche;Refaire;XYZ;alex.wilber@cher.gouv.fr;Prévue;31/02/2027',
  summary: 'Import refusé : 1 ligne(s) à corriger, rien n’a été enregistré.',
  problems: [{ text: 'Ligne 2 : Service « XYZ » inconnu ; Échéance de réalisation : date « 31/02/2027 » invalide (attendu JJ/MM/AAAA).' }],
};

/** The import form. */
export function actionPlanImportCard(data: ActionPlanImportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
