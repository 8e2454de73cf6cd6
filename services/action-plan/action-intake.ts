import type { CheckItem } from '../checks/check-item';
import type { ActionItem } from './action-item';
import { isQualityOfficer, type ActionActor } from './action-people';

/**
 * The action already made of a "Problème" answer (one per check item and quarter, issue 5), if any: the check
 * card then offers to open it rather than to create a second one.
 */
export function actionOfCheck<T extends Pick<ActionItem, 'origin'>>(items: readonly T[], checkItemId: string, quarter: string): T | undefined {
  return items.find((item) => item.origin?.kind === 'check' && item.origin.checkItemId === checkItemId && item.origin.quarter === quarter);
}

/**
 * Who may turn a "Problème" answer into an action in one click: the check's owner who saw the problem, a manager of
 * the check's service, and the quality officer who owns the plan (DOMAIN §1: "which can become an action-plan item").
 */
export function mayTurnCheckIntoAction(actor: ActionActor, check: Pick<CheckItem, 'ownerId' | 'service'>): boolean {
  if (isQualityOfficer(actor) || check.ownerId === actor.id) return true;
  return actor.roles.includes('manager') && actor.service === check.service;
}

/**
 * Who hears of a new proposal: the quality officers, who accept or decline it (issue 5), but not the one who
 * proposed it; nobody when the item went straight into the plan.
 */
export function proposalReviewersOf<P extends ActionActor>(item: Pick<ActionItem, 'state'>, people: readonly P[], proposerId: string): P[] {
  if (item.state !== 'proposed') return [];
  return people.filter((person) => isQualityOfficer(person) && person.id !== proposerId);
}
