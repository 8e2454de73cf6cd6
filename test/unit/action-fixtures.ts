import { actionItemSchema, type ActionItem, type ActionState } from '../../services/action-plan/action-item';
import type { Person } from '../../services/directory/person';
import type { Role } from '../../services/directory/roles';

/** Builders shared by the action-plan unit tests (test/unit/action-*.test.ts). */
export const personId = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, name: string, service: string, roles: Role[]): Person {
  return { id: personId(n), name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@cher.gouv.fr`, service, roles, toAssign: false, createdAt: '2024-01-15T09:00:00.000Z' };
}

/** Everyone a rule may distinguish, for an action owned by Adele in BMI and BLS. */
export const cast = {
  /** Owner of the action, agent of BMI. */
  owner: person(22, 'Adele Vance', 'BMI', ['agent']),
  /** Another agent of BMI, with no part in it. */
  agent: person(104, 'Louis Thomas', 'BMI', ['agent']),
  /** Manager of BMI, an owning service. */
  manager: person(21, 'Megan Bowen', 'BMI', ['agent', 'manager']),
  /** Manager of BLS, the other owning service. */
  blsManager: person(112, 'Raphael Laurent', 'BLS', ['agent', 'manager']),
  /** Manager of CERT, not an owning service. */
  otherManager: person(25, 'Lynne Robbins', 'CERT', ['agent', 'manager']),
  /** Quality officer. */
  rq: person(20, 'Alex Wilber', 'SGCD', ['rq']),
  /** IT admin. */
  admin: person(24, 'Patti Fernandez', 'SIDSIC', ['agent', 'admin']),
  /** Fraud referent. */
  fraudReferent: person(23, 'Isaiah Langer', 'SG', ['agent', 'fraud-referent']),
};

export const people: Person[] = Object.values(cast);
export const serviceCodes = ['BMI', 'BLS', 'CERT', 'SGCD', 'SIDSIC', 'SG', 'DC', 'ACCUEIL'];

/** A valid item of BMI and BLS owned by Adele in the given state (the fields that state requires filled). */
export function itemIn(state: ActionState, overrides: Partial<ActionItem> = {}): ActionItem {
  const base: ActionItem = {
    id: '2026-07',
    year: 2026,
    finding: 'Boîte à suggestions peu visible',
    references: ['E3 § 3-1'],
    sources: ['enquete-satisfaction'],
    state,
    action: 'Placer l’urne dédiée au niveau de la sortie des usagers',
    services: ['BMI', 'BLS'],
    ownerId: cast.owner.id,
    createdAt: '2026-10-01T08:00:00.000Z',
    createdBy: cast.owner.id,
    revision: 3,
  };
  const open = state === 'planned' || state === 'in-progress' || state === 'awaiting-approval';
  const extra: Partial<ActionItem> = {
    ...(open || state === 'closed' ? { deadline: '2026-12-15', deadlineSetAt: '2026-10-02T08:00:00.000Z' } : {}),
    ...(state === 'awaiting-approval' || state === 'closed'
      ? { verification: '12 suggestions reçues en un mois', effective: true, submittedAt: '2026-11-20T10:00:00.000Z', submittedBy: cast.owner.id }
      : {}),
    ...(state === 'closed' ? { closedOn: '2026-11-21', decision: { outcome: 'approved' as const, by: cast.manager.id, at: '2026-11-21T09:15:00.000Z' } } : {}),
    ...(state === 'cancelled' ? { cancelReason: 'Sans objet après travaux', closedOn: '2026-11-02' } : {}),
    ...(state === 'rejected-proposal' ? { refusalReason: 'Déjà prévu ailleurs', closedOn: '2026-10-03' } : {}),
  };
  return actionItemSchema.parse({ ...base, ...extra, ...overrides });
}
