import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './export.json';

/** « exporter <liste> [période] »: signed, short-lived download links for auditors (issue 7). */
export interface ExportCardData {
  /** « Réclamations — 2026 ». */
  title: string;
  /** « 12 ligne(s) dans le fichier. » */
  summary: string;
  /** « Liens valables jusqu’à 10:15 (15 minutes), pour vous seul : ne les transférez pas. » */
  expiry: string;
  /** Signed link to the workbook. */
  xlsxUrl: string;
  /** Signed link to the CSV, '' when the list has no CSV (the yearly report: several tables). */
  csvUrl: string;
}

const strings: Strings<'formats' | 'workbookOnly' | 'audited' | 'xlsx' | 'csv'> = {
  fr: {
    formats: 'Excel (.xlsx) pour lire et annoter ; CSV (UTF-8, séparateur « ; ») pour Excel en français et les scripts. Les deux ont les mêmes colonnes et les mêmes lignes.',
    workbookOnly: 'Un classeur Excel (.xlsx), une feuille par tableau.',
    audited: 'Chaque téléchargement est inscrit au journal d’audit (liste, format, nombre de lignes).',
    xlsx: 'Télécharger (Excel)',
    csv: 'Télécharger (CSV)',
  },
  en: {
    formats: 'Excel (.xlsx) to read and annotate; CSV (UTF-8, “;” separated) for French Excel and scripts. Both have the same columns and rows.',
    workbookOnly: 'An Excel workbook (.xlsx), one sheet per table.',
    audited: 'Every download is written to the audit trail (list, format, number of rows).',
    xlsx: 'Download (Excel)',
    csv: 'Download (CSV)',
  },
};

/** Sample data for tests and the card gallery. */
export const exportSample: ExportCardData = {
  title: 'Réclamations — 2026',
  summary: '12 ligne(s) dans le fichier.',
  expiry: 'Liens valables jusqu’à 10:15 (15 minutes), pour vous seul : ne les transférez pas.',
  xlsxUrl: 'https://qualibot.example.fr/exports/eyJraW5kIjoiY29tcGxhaW50cyJ9.c2lnbmF0dXJl',
  csvUrl: 'https://qualibot.example.fr/exports/eyJraW5kIjoiY29tcGxhaW50cyJ9.c2lnbmF0dXJm',
};

/** The export card. */
export function exportCard(data: ExportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
