import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './check-items.json';

/** The quality officer's list of check items, per service, with a button per action (issue 4). */
export interface CheckItemsCardData {
  /** "7 élément(s) actif(s), 1 retiré(s)". */
  summary: string;
  /** What the last action did ("Élément retiré : …"), or empty. */
  notice: string;
  /** Colour of the notice: "Good" after a change, "Warning" when nothing was done. */
  noticeColor: 'Good' | 'Warning' | 'Default';
  /** Items grouped by service code, at most a card's worth. */
  services: {
    /** Service code and name, "BMI — Bureau des migrations…". */
    service: string;
    items: {
      /** Item id, sent back by the buttons. */
      id: string;
      /** ETag read with the item: retiring or restoring a version changed since is refused. */
      etag: string;
      label: string;
      /** "Site internet · Megan Bowen · E.32". */
      details: string;
      /** False once retired (shown with « Réactiver »). */
      active: boolean;
    }[];
  }[];
  /** "… et 12 autre(s) : « gérer les contrôles BMI » pour un service.", or empty. */
  more: string;
}

const strings: Strings<'title' | 'none' | 'retired' | 'edit' | 'retire' | 'restore' | 'create' | 'import'> = {
  fr: {
    title: 'Éléments de contrôle trimestriel',
    none: 'Aucun élément de contrôle : créez-en un ou importez un fichier CSV.',
    retired: 'Retiré : plus contrôlé',
    edit: 'Modifier',
    retire: 'Retirer',
    restore: 'Réactiver',
    create: 'Nouvel élément',
    import: 'Importer (CSV)',
  },
  en: {
    title: 'Quarterly check items',
    none: 'No check item yet: create one or import a CSV file.',
    retired: 'Retired: no longer checked',
    edit: 'Edit',
    retire: 'Retire',
    restore: 'Restore',
    create: 'New item',
    import: 'Import (CSV)',
  },
};

/** Sample data for tests and the card gallery. */
export const checkItemsSample: CheckItemsCardData = {
  summary: '2 élément(s) actif(s), 1 retiré(s)',
  notice: 'Élément retiré : Affichage du point numérique.',
  noticeColor: 'Good',
  services: [
    {
      service: 'BMI — Bureau des migrations et de l’intégration',
      items: [
        { id: 'ETRANGERS-DELAIS', etag: 'W/"1"', label: 'Délais moyens des titres de séjour', details: 'Site internet · Megan Bowen · E.32', active: true },
        { id: 'POINT-NUMERIQUE', etag: 'W/"2"', label: 'Affichage du point numérique', details: 'Affichage du hall · Adele Vance · E.15', active: false },
      ],
    },
    {
      service: 'SGCD — Secrétariat général commun départemental',
      items: [{ id: 'HALL-HORAIRES', etag: 'W/"3"', label: 'Horaires d’ouverture et conditions d’accès', details: 'Affichage du hall · Alex Wilber · E.1', active: true }],
    },
  ],
  more: '',
};

/** The check items card. */
export function checkItemsCard(data: CheckItemsCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
