import type { Person } from '../directory/person';
import type { ActionItem } from './action-item';

/** Who is acting: what the rules need to know of a resolved person. */
export type ActionActor = Pick<Person, 'id' | 'roles' | 'service'>;

/** The quality officer ("RQ") owns the plan (DOMAIN "People and roles"). */
export function isQualityOfficer(actor: Pick<Person, 'roles'>): boolean {
  return actor.roles.includes('rq');
}

/** The person who carries the action out. */
export function isOwner(item: Pick<ActionItem, 'ownerId'>, actor: Pick<Person, 'id'>): boolean {
  return item.ownerId === actor.id;
}

/** A manager whose service is one of the owning services ("DC / BLS / RQ"). */
export function managesOwningService(item: Pick<ActionItem, 'services'>, actor: Pick<Person, 'roles' | 'service'>): boolean {
  return actor.roles.includes('manager') && actor.service !== undefined && item.services.includes(actor.service);
}

/**
 * May approve or reject the closure (DOMAIN §3: "a manager of an owning service or the RQ"). Nobody approves
 * their own work: an owner who manages the service may not, but the quality officer may, since the plan is
 * theirs and a service with one manager would otherwise have nobody but the RQ anyway.
 */
export function mayApprove(item: Pick<ActionItem, 'ownerId' | 'services'>, actor: ActionActor): boolean {
  if (isQualityOfficer(actor)) return true;
  return managesOwningService(item, actor) && !isOwner(item, actor);
}

/** Everyone who gets the approval card and its reminders: managers of the owning services and the quality officers. */
export function approversOf<P extends ActionActor>(item: Pick<ActionItem, 'ownerId' | 'services'>, people: readonly P[]): P[] {
  return people.filter((person) => mayApprove(item, person));
}

/** Who hears of an action overdue for too long: managers of the owning services and the quality officers, not the owner. */
export function escalationRecipientsOf<P extends ActionActor>(item: Pick<ActionItem, 'ownerId' | 'services'>, people: readonly P[]): P[] {
  return people.filter((person) => !isOwner(item, person) && (isQualityOfficer(person) || managesOwningService(item, person)));
}
