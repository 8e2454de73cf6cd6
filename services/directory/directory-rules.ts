import type { Person } from './person';
import type { Role } from './roles';

/** Name given to someone first seen without a display name (Teams installation events carry none). */
export const placeholderName = 'Utilisateur Teams';

/** The person Qualibot registers the first time someone unknown writes to it: an agent without service. */
export function personFromFirstContact(id: string, displayName: string | undefined, now: Date): Person {
  return {
    id: id.toLowerCase(),
    name: displayName?.trim() || placeholderName,
    roles: ['agent'],
    toAssign: true,
    createdAt: now.toISOString(),
  };
}

/** Outcome of a directory change check: allowed, or refused with a French reason. */
export type ChangeDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * May `actor` give `target` these roles? Only admins change roles, and the last admin cannot drop their own
 * admin role (the directory would be left with nobody able to manage it).
 */
export function decideRoleChange(
  actor: Pick<Person, 'id' | 'roles'>,
  target: Pick<Person, 'id' | 'roles'>,
  newRoles: readonly Role[],
  adminCount: number,
): ChangeDecision {
  if (!actor.roles.includes('admin')) return { allowed: false, reason: 'Seul un administrateur peut modifier les rôles.' };
  if (newRoles.length === 0) return { allowed: false, reason: 'Choisissez au moins un rôle.' };
  const dropsAdmin = target.roles.includes('admin') && !newRoles.includes('admin');
  if (dropsAdmin && actor.id === target.id && adminCount <= 1) {
    return {
      allowed: false,
      reason: 'Vous êtes le dernier administrateur : nommez-en un autre avant de retirer votre propre rôle.',
    };
  }
  return { allowed: true };
}

/** An import must not leave the directory without any admin. */
export function decideImport(peopleAfterImport: readonly Pick<Person, 'roles'>[]): ChangeDecision {
  return peopleAfterImport.some((p) => p.roles.includes('admin'))
    ? { allowed: true }
    : { allowed: false, reason: 'Après cet import, plus personne ne serait administrateur : import refusé.' };
}
