import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './directory-import.json';

/** The directory import form; after a refused import it comes back with the text and each bad line. */
export interface DirectoryImportCardData {
  /** The CSV as pasted (kept after a refusal so it can be corrected). */
  csv: string;
  /** "Import refusé : 2 lignes à corriger, rien n'a été enregistré.", or empty. */
  summary: string;
  /** One entry per problem ("Ligne 4 : service « XYZ » inconnu"), at most a screenful. */
  problems: { text: string }[];
}

const strings: Strings<'title' | 'explain' | 'example' | 'label' | 'required' | 'submit'> = {
  fr: {
    title: 'Importer un annuaire',
    explain:
      'Collez un tableau CSV (séparateur « ; », « , » ou tabulation) avec une ligne d’en-tête. Colonnes : aadObjectId, nom, email (facultatif), service (code), rôles (séparés par « | »), arrivée (facultatif, date d’arrivée sur le poste : 2024-09-02 ou 02/09/2024). Rien n’est enregistré si une ligne est fausse.',
    example: 'aadObjectId;nom;email;service;rôles\n6f1c…;Camille Martin;camille.martin@cher.gouv.fr;BMI;agent|manager',
    label: 'Annuaire (CSV)',
    required: 'Collez le contenu du fichier CSV.',
    submit: 'Importer',
  },
  en: {
    title: 'Import a directory',
    explain:
      'Paste a CSV table (separator “;”, “,” or tab) with a header line. Columns: aadObjectId, name, email (optional), service (code), roles (separated by “|”), arrivee (optional, day they took the post: 2024-09-02 or 02/09/2024). Nothing is saved if any line is wrong.',
    example: 'aadObjectId;name;email;service;roles\n6f1c…;Camille Martin;camille.martin@cher.gouv.fr;BMI;agent|manager',
    label: 'Directory (CSV)',
    required: 'Paste the content of the CSV file.',
    submit: 'Import',
  },
};

/** Sample data for tests and the card gallery. */
export const directoryImportSample: DirectoryImportCardData = {
  csv: 'aadObjectId;nom;service;rôles\nabc;Camille;XYZ;agent',
  summary: 'Import refusé : 1 ligne à corriger, rien n’a été enregistré.',
  problems: [{ text: 'Ligne 2 : identifiant « abc » invalide ; service « XYZ » inconnu' }],
};

/** The import form. */
export function directoryImportCard(data: DirectoryImportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
