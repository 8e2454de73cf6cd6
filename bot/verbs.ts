import { actionHistoryVerb } from './handlers/action-history';
import { actionOpenVerb, actionRefreshVerb, actionTransitionVerb } from './handlers/action-item';
import { checkItemFormVerb, checkItemSaveVerb } from './handlers/check-item-form';
import { checkItemRestoreVerb, checkItemRetireVerb } from './handlers/check-items';
import { checkItemImportFormVerb, checkItemImportVerb } from './handlers/check-items-import';
import { checkAnswerVerb, checkOpenVerb } from './handlers/checks';
import { commitmentsPageVerb } from './handlers/commitments';
import { directoryImportFormVerb } from './handlers/directory';
import { directoryImportVerb } from './handlers/directory-import';
import { personEditVerb, personSaveVerb } from './handlers/person-form';
import { runCommandVerb } from './handlers/run-command';
import { trainingDeclareFormVerb, trainingDeclareVerb } from './handlers/training';

/**
 * Every `Action.Execute` verb a card may send, mapped to its handler. Adding one: a `defineVerb` in
 * bot/handlers/, a line here, the button in its template, a test. An unknown verb gets an error card.
 */
export const verbRegistry = {
  'command.run': runCommandVerb,
  'check.open': checkOpenVerb,
  'check.answer': checkAnswerVerb,
  'training.declareForm': trainingDeclareFormVerb,
  'training.declare': trainingDeclareVerb,
  'checkItem.form': checkItemFormVerb,
  'checkItem.save': checkItemSaveVerb,
  'checkItem.retire': checkItemRetireVerb,
  'checkItem.restore': checkItemRestoreVerb,
  'checkItem.importForm': checkItemImportFormVerb,
  'checkItem.import': checkItemImportVerb,
  'action.open': actionOpenVerb,
  'action.refresh': actionRefreshVerb,
  'action.transition': actionTransitionVerb,
  'action.history': actionHistoryVerb,
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
