import { checkAnswerVerb, checkOpenVerb } from './handlers/checks';
import { commitmentsPageVerb } from './handlers/commitments';
import { directoryImportFormVerb } from './handlers/directory';
import { directoryImportVerb } from './handlers/directory-import';
import { personEditVerb, personSaveVerb } from './handlers/person-form';
import { runCommandVerb } from './handlers/run-command';

/**
 * Every `Action.Execute` verb a card may send, mapped to its handler. Adding one: a `defineVerb` in
 * bot/handlers/, a line here, the button in its template, a test. An unknown verb gets an error card.
 */
export const verbRegistry = {
  'command.run': runCommandVerb,
  'check.open': checkOpenVerb,
  'check.answer': checkAnswerVerb,
  'commitments.page': commitmentsPageVerb,
  'person.edit': personEditVerb,
  'person.save': personSaveVerb,
  'directory.importForm': directoryImportFormVerb,
  'directory.import': directoryImportVerb,
} as const;

/** Name of a card verb. */
export type VerbName = keyof typeof verbRegistry;

/** Narrows any string to a known verb. */
export function isVerbName(verb: string): verb is VerbName {
  return Object.prototype.hasOwnProperty.call(verbRegistry, verb);
}
