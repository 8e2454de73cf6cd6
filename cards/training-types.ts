import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './training-types.json';

/** The quality officer's catalogue of training types, with a button per action (issue 4; DOMAIN §2). */
export interface TrainingTypesCardData {
  /** "6 type(s) actif(s), 1 retiré(s)". */
  summary: string;
  /** What the last action did ("Type retiré : …"), or empty. */
  notice: string;
  /** Colour of the notice: "Good" after a change, "Warning" when nothing was done. */
  noticeColor: 'Good' | 'Warning' | 'Default';
  /** Types in commitment order, at most a card's worth. */
  types: {
    /** Type id, sent back by the buttons. */
    id: string;
    /** ETag read with the type: retiring or restoring a version changed since is refused. */
    etag: string;
    /** "Formation continue", in the viewer's language. */
    label: string;
    /** "Engagement 4.2 · valable 4 ans". */
    details: string;
    /** Who must hold it: "Tous les agents", "Rôles : Responsable qualité", "Services : BMI, CERT". */
    audience: string;
    /** False once retired (shown with « Réactiver »). */
    active: boolean;
  }[];
  /** "… et 3 autre(s)", or empty. */
  more: string;
}

const strings: Strings<'title' | 'none' | 'retired' | 'edit' | 'retire' | 'restore' | 'create' | 'hint'> = {
  fr: {
    title: 'Types de formation',
    none: 'Aucun type de formation : créez-en un.',
    retired: 'Retiré : plus exigé ni déclarable (les formations déclarées restent)',
    edit: 'Modifier',
    retire: 'Retirer',
    restore: 'Réactiver',
    create: 'Nouveau type',
    hint: 'Une modification s’applique tout de suite à « mes formations », au suivi et aux prochains rappels.',
  },
  en: {
    title: 'Training types',
    none: 'No training type yet: create one.',
    retired: 'Retired: no longer required nor declarable (declared trainings stay)',
    edit: 'Edit',
    retire: 'Retire',
    restore: 'Restore',
    create: 'New type',
    hint: 'A change applies at once to “my training”, the follow-up and the next reminders.',
  },
};

/** Sample data for tests and the card gallery. */
export const trainingTypesSample: TrainingTypesCardData = {
  summary: '5 type(s) actif(s), 1 retiré(s)',
  notice: 'Type retiré : Exigences et contraintes du web (4.3).',
  noticeColor: 'Good',
  types: [
    {
      id: 'accueil-prise-de-poste',
      etag: 'W/"1"',
      label: 'Accueil — prise de poste',
      details: 'Engagement 4.1 · valable 4 ans',
      audience: 'Services : ACCUEIL',
      active: true,
    },
    { id: 'formation-continue', etag: 'W/"2"', label: 'Formation continue', details: 'Engagement 4.2 · valable 4 ans', audience: 'Tous les agents', active: true },
    {
      id: 'exigences-web',
      etag: 'W/"3"',
      label: 'Exigences et contraintes du web',
      details: 'Engagement 4.3 · valable 2 ans',
      audience: 'Services : BREC',
      active: false,
    },
    {
      id: 'lutte-contre-la-fraude',
      etag: 'W/"4"',
      label: 'Sensibilisation à la lutte contre la fraude',
      details: 'Engagement 23.1 · valable 4 ans',
      audience: 'Rôles : Référent fraude · Services : BMI, CERT',
      active: true,
    },
  ],
  more: '',
};

/** The training types card. */
export function trainingTypesCard(data: TrainingTypesCardData, locale: Locale): CardJson {
  return renderCard(template, strings, data, locale);
}
