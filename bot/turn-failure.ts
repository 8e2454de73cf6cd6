import { randomBytes } from 'node:crypto';
import type { Locale } from '../cards/locale';
import { InvalidStorageInputError, isStorageUnavailable } from '../services/storage/storage-errors';

/** What the user is told when a turn fails, with a reference to find the logs. */
export interface FailureNotice {
  title: string;
  text: string;
  reference: string;
  storageDown: boolean;
}

/** A short reference ("QB-7F3A2C") logged with the error and shown to the user. */
export function newErrorReference(): string {
  return `QB-${randomBytes(3).toString('hex').toUpperCase()}`;
}

const texts = {
  fr: {
    unavailableTitle: 'Service momentanément indisponible',
    unavailable: 'Qualibot ne peut pas joindre son stockage pour l’instant. Rien n’a été enregistré : réessayez dans quelques minutes.',
    errorTitle: 'Une erreur est survenue',
    error: 'Votre demande n’a pas abouti et rien n’a été enregistré. Réessayez ; si cela persiste, transmettez la référence à l’équipe informatique.',
    invalidTitle: 'Valeur refusée',
    invalid: 'Une valeur envoyée ne peut pas être enregistrée ni recherchée (caractère interdit, texte trop long ou forme inattendue). Rien n’a été enregistré.',
  },
  en: {
    unavailableTitle: 'Service temporarily unavailable',
    unavailable: 'Qualibot cannot reach its storage right now. Nothing was saved: please try again in a few minutes.',
    errorTitle: 'Something went wrong',
    error: 'Your request did not go through and nothing was saved. Try again; if it persists, give the reference to IT support.',
    invalidTitle: 'Value refused',
    invalid: 'A value sent cannot be stored or searched for (forbidden character, text too long or unexpected form). Nothing was saved.',
  },
};

/** Turns an error into the notice the user reads (storage outages get their own message). */
export function describeFailure(error: unknown, locale: Locale, reference = newErrorReference()): FailureNotice {
  const t = texts[locale];
  // A value refused before any request (issue 10): the user's input, not the service, is at fault.
  if (error instanceof InvalidStorageInputError) return { title: t.invalidTitle, text: t.invalid, reference, storageDown: false };
  return isStorageUnavailable(error)
    ? { title: t.unavailableTitle, text: t.unavailable, reference, storageDown: true }
    : { title: t.errorTitle, text: t.error, reference, storageDown: false };
}
