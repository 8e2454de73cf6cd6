import { actionHistoryVerb } from './handlers/action-history';
import { actionPlanImportVerb } from './handlers/action-plan-exchange';
import { actionProposeFormVerb, actionProposeVerb } from './handlers/action-form';
import { actionFromCheckVerb } from './handlers/action-from-check';
import { actionOpenVerb, actionRefreshVerb, actionTransitionVerb } from './handlers/action-item';
import { checkItemFormVerb, checkItemSaveVerb } from './handlers/check-item-form';
import { checkItemRestoreVerb, checkItemRetireVerb } from './handlers/check-items';
import { checkItemImportFormVerb, checkItemImportVerb } from './handlers/check-items-import';
import { checkAnswerVerb, checkOpenVerb } from './handlers/checks';
import { cluAnswerVerb, cluCancelVerb, cluHeldVerb, cluMinutesVerb } from './handlers/clu';
import { cluFormVerb, cluSaveVerb } from './handlers/clu-form';
import { commitmentsPageVerb } from './handlers/commitments';
import { complaintFormVerb, complaintSubmitVerb } from './handlers/complaint-form';
import { complaintAcknowledgeVerb, complaintCloseVerb, complaintReassignVerb, complaintReplyVerb } from './handlers/complaint-steps';
import { complaintListVerb, complaintOpenVerb } from './handlers/complaints';
import { directoryImportFormVerb } from './handlers/directory';
import { directoryImportVerb } from './handlers/directory-import';
import { fraudFormVerb, fraudSubmitVerb } from './handlers/fraud-form';
import { fraudAnswerVerb, fraudQualifyVerb } from './handlers/fraud-qualify';
import { fraudOpenVerb } from './handlers/fraud-signal';
import { fraudVolumesSaveVerb } from './handlers/fraud-volumes';
import { labelCalendarRestoreVerb, labelCalendarRetireVerb } from './handlers/label-calendar';
import { labelCalendarDoneFormVerb, labelCalendarDoneVerb } from './handlers/label-calendar-done';
import { labelCalendarFormVerb, labelCalendarSaveVerb } from './handlers/label-calendar-form';
import { personEditVerb, personSaveVerb } from './handlers/person-form';
import { runCommandVerb } from './handlers/run-command';
import { trainingDeclareFormVerb, trainingDeclareVerb } from './handlers/training';
import { trainingTypeFormVerb, trainingTypeSaveVerb } from './handlers/training-type-form';
import { trainingTypeRestoreVerb, trainingTypeRetireVerb } from './handlers/training-types';

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
  'trainingType.form': trainingTypeFormVerb,
  'trainingType.save': trainingTypeSaveVerb,
  'trainingType.retire': trainingTypeRetireVerb,
  'trainingType.restore': trainingTypeRestoreVerb,
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
  'actionPlan.import': actionPlanImportVerb,
  'action.proposeForm': actionProposeFormVerb,
  'action.propose': actionProposeVerb,
  'action.fromCheck': actionFromCheckVerb,
  'fraud.form': fraudFormVerb,
  'fraud.submit': fraudSubmitVerb,
  'fraud.open': fraudOpenVerb,
  'fraud.qualify': fraudQualifyVerb,
  'fraud.answer': fraudAnswerVerb,
  'fraudVolumes.save': fraudVolumesSaveVerb,
  'complaint.form': complaintFormVerb,
  'complaint.submit': complaintSubmitVerb,
  'complaint.open': complaintOpenVerb,
  'complaint.list': complaintListVerb,
  'complaint.acknowledge': complaintAcknowledgeVerb,
  'complaint.reply': complaintReplyVerb,
  'complaint.reassign': complaintReassignVerb,
  'complaint.close': complaintCloseVerb,
  'clu.form': cluFormVerb,
  'clu.save': cluSaveVerb,
  'clu.answer': cluAnswerVerb,
  'clu.held': cluHeldVerb,
  'clu.minutes': cluMinutesVerb,
  'clu.cancel': cluCancelVerb,
  'labelCalendar.doneForm': labelCalendarDoneFormVerb,
  'labelCalendar.done': labelCalendarDoneVerb,
  'labelCalendar.form': labelCalendarFormVerb,
  'labelCalendar.save': labelCalendarSaveVerb,
  'labelCalendar.retire': labelCalendarRetireVerb,
  'labelCalendar.restore': labelCalendarRestoreVerb,
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
