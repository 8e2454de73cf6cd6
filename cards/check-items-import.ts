import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './check-items-import.json';

/** The check items import form; after a refused import it comes back with the text and each bad line. */
export interface CheckItemsImportCardData {
  /** The CSV as pasted (kept after a refusal so it can be corrected). */
  csv: string;
  /** "Import refusé : 2 ligne(s) à corriger, rien n'a été enregistré.", or empty. */
  summary: string;
  /** One entry per problem ("Ligne 4 : service « XYZ » inconnu"), at most a screenful. */
  problems: { text: string }[];
}

const strings: Strings<'title' | 'explain' | 'example' | 'label' | 'required' | 'submit'> = {
  fr: {
    title: 'Importer les éléments de contrôle',
    explain:
      'Collez un tableau CSV (séparateur « ; » ou « , ») avec une ligne d’en-tête. Colonnes : identifiant (facultatif : vide, il est tiré du libellé), libelle, engagement, support (hall, site, telephone, depliant ou autre), url (obligatoire pour le site), responsable (e-mail d’une personne de l’annuaire), service (facultatif : celui du responsable), actif (oui ou non, facultatif). Une ligne dont l’identifiant — ou à défaut le libellé — est déjà connu met l’élément à jour ; les autres le créent. Rien n’est enregistré si une ligne est fausse.',
    example:
      'identifiant;libelle;engagement;support;url;responsable;service;actif\nHALL-HORAIRES;Horaires d’ouverture;E.1;hall;;alex.wilber@cher.gouv.fr;SGCD;oui\n;Délais des titres;E.32;site;https://www.cher.gouv.fr/;lynne.robbins@cher.gouv.fr;;',
    label: 'Éléments de contrôle (CSV)',
    required: 'Collez le contenu du fichier CSV.',
    submit: 'Importer',
  },
  en: {
    title: 'Import check items',
    explain:
      'Paste a CSV table (separator “;” or “,”) with a header line, French column names: identifiant (optional: when empty it is made from the label), libelle (label), engagement (commitment), support (hall, site, telephone, depliant or autre), url (required for the website), responsable (e-mail of a person of the directory), service (optional: the owner’s), actif (oui or non, optional). A line whose identifiant — or else label — is known updates that item; the others create one. Nothing is saved if any line is wrong.',
    example:
      'identifiant;libelle;engagement;support;url;responsable;service;actif\nHALL-HORAIRES;Opening hours;E.1;hall;;alex.wilber@cher.gouv.fr;SGCD;oui\n;Title delays;E.32;site;https://www.cher.gouv.fr/;lynne.robbins@cher.gouv.fr;;',
    label: 'Check items (CSV)',
    required: 'Paste the content of the CSV file.',
    submit: 'Import',
  },
};

/** Sample data for tests and the card gallery. */
export const checkItemsImportSample: CheckItemsImportCardData = {
  csv: 'libelle;engagement;support;responsable\nHoraires;E.1;vitrine;inconnu@cher.gouv.fr',
  summary: 'Import refusé : 1 ligne(s) à corriger, rien n’a été enregistré.',
  problems: [{ text: 'Ligne 2 : support — Choisissez le support : hall, site, téléphone, dépliant ou autre. ; responsable — Personne introuvable dans l’annuaire : « inconnu@cher.gouv.fr ».' }],
};

/** The import form. */
export function checkItemsImportCard(data: CheckItemsImportCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
