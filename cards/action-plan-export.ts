import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './action-plan-export.json';

/** The two download links of the action plan (issue 5), signed for the person who asked and short-lived. */
export interface ActionPlanExportCardData {
  /** "Plan d'actions 2026", or "Plan d'actions complet". */
  title: string;
  /** "19 action(s) dans le fichier." */
  summary: string;
  /** "Liens valables jusqu'à 10:15 (15 minutes), pour vous seul : ne les transférez pas." */
  expiry: string;
  /** Signed link to the workbook. */
  xlsxUrl: string;
  /** Signed link to the CSV. */
  csvUrl: string;
}

const strings: Strings<'formats' | 'xlsx' | 'csv'> = {
  fr: {
    formats:
      'Excel (.xlsx) pour lire et annoter ; CSV (UTF-8, séparateur « ; ») pour Excel en français et les scripts. Les deux ont les colonnes du plan d’actions du CLU, et se réimportent avec « importer le plan d’action ».',
    xlsx: 'Télécharger (Excel)',
    csv: 'Télécharger (CSV)',
  },
  en: {
    formats:
      'Excel (.xlsx) to read and annotate; CSV (UTF-8, “;” separated) for French Excel and scripts. Both have the columns of the CLU’s action plan, and import back with “import action plan”.',
    xlsx: 'Download (Excel)',
    csv: 'Download (CSV)',
  },
};

/** Sample data for tests and the card gallery. */
export const actionPlanExportSample: ActionPlanExportCardData = {
  title: 'Plan d’actions 2026',
  summary: '7 action(s) dans le fichier.',
  expiry: 'Liens valables jusqu’à 10:15 (15 minutes), pour vous seul : ne les transférez pas.',
  xlsxUrl: 'https://qualibot.example.fr/exports/eyJraW5kIjoiYWN0aW9uLXBsYW4ifQ.c2lnbmF0dXJl',
  csvUrl: 'https://qualibot.example.fr/exports/eyJraW5kIjoiYWN0aW9uLXBsYW4ifQ.c2lnbmF0dXJm',
};

/** The export card. */
export function actionPlanExportCard(data: ActionPlanExportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
