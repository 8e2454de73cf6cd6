import { actionItemSchema, actionStates, type ActionState } from '../../services/action-plan/action-item';
import { approversOf, escalationRecipientsOf, mayApprove } from '../../services/action-plan/action-people';
import { actionVerbs, allowedActions, decideTransition, type ActionVerb, type TransitionContext, type TransitionInput } from '../../services/action-plan/action-transitions';
import { cast, itemIn, people, serviceCodes } from './action-fixtures';

const now = new Date('2026-11-23T09:15:00.000Z'); // 10:15 in Paris
const context: TransitionContext = { now, today: '2026-11-23', people, serviceCodes };

/** The seven kinds of people the issue asks the table to cover. */
const roles = {
  agent: cast.agent,
  owner: cast.owner,
  'manager of an owning service': cast.manager,
  'manager of another service': cast.otherManager,
  'quality officer': cast.rq,
  admin: cast.admin,
  'fraud referent': cast.fraudReferent,
} as const;
type RoleName = keyof typeof roles;

// The expected table, written out from the issue rather than read from the code under test.
const allowedRoles: Record<ActionVerb, readonly RoleName[]> = {
  accept: ['quality officer'],
  'refuse-proposal': ['quality officer'],
  start: ['owner', 'manager of an owning service', 'quality officer'],
  'update-progress': ['owner', 'manager of an owning service', 'quality officer'],
  edit: ['owner', 'quality officer'],
  'mark-done': ['owner', 'quality officer'],
  approve: ['manager of an owning service', 'quality officer'],
  reject: ['manager of an owning service', 'quality officer'],
  cancel: ['quality officer'],
};
const allowedStates: Record<ActionVerb, readonly ActionState[]> = {
  accept: ['proposed'],
  'refuse-proposal': ['proposed'],
  start: ['planned'],
  'update-progress': ['planned', 'in-progress'],
  edit: ['proposed', 'planned', 'in-progress'],
  'mark-done': ['planned', 'in-progress'],
  approve: ['awaiting-approval'],
  reject: ['awaiting-approval'],
  cancel: ['planned', 'in-progress', 'awaiting-approval'],
};
const nextState: Record<ActionVerb, ActionState | 'same'> = {
  accept: 'planned',
  'refuse-proposal': 'rejected-proposal',
  start: 'in-progress',
  'update-progress': 'in-progress',
  edit: 'same',
  'mark-done': 'awaiting-approval',
  approve: 'closed',
  reject: 'in-progress',
  cancel: 'cancelled',
};
const validInput: Record<ActionVerb, Omit<TransitionInput, 'revision'>> = {
  accept: { deadline: '2027-01-15' },
  'refuse-proposal': { reason: 'Hors du périmètre du label' },
  start: {},
  'update-progress': { note: 'Urne commandée' },
  edit: { deadline: '2027-02-01' },
  'mark-done': { verification: '12 suggestions reçues en un mois', effective: 'oui' },
  approve: { comment: 'Vu sur place' },
  reject: { reason: 'Pas encore déplacée' },
  cancel: { reason: 'Sans objet après travaux' },
};

const cases = actionStates.flatMap((state) =>
  actionVerbs.flatMap((verb) =>
    (Object.keys(roles) as RoleName[]).map((role) => {
      const byRole = allowedRoles[verb].includes(role);
      const byState = allowedStates[verb].includes(state);
      // A closed item carries its approval: a decision verb on it says who decided rather than "wrong state".
      const expected = !byRole ? 'not-allowed' : byState ? 'ok' : (verb === 'approve' || verb === 'reject') && state === 'closed' ? 'already-decided' : 'wrong-state';
      return { state, verb, role, expected };
    }),
  ),
);

describe('action transitions: every state × verb × role (DOMAIN §3, issue 5)', () => {
  it('covers the 7 states, 9 verbs and 7 roles', () => {
    expect(cases).toHaveLength(7 * 9 * 7);
  });

  it.each(cases)('$role → $verb on a « $state » action: $expected', ({ state, verb, role, expected }) => {
    const item = itemIn(state);
    const actor = roles[role];
    const result = decideTransition(item, verb, actor, { revision: item.revision, ...validInput[verb] }, context);
    expect(allowedActions(item, actor).includes(verb)).toBe(expected === 'ok');
    if (expected !== 'ok') {
      expect(result).toMatchObject({ ok: false, code: expected, reason: expect.any(String) });
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.next.state).toBe(nextState[verb] === 'same' ? state : nextState[verb]);
    expect(result.next.revision).toBe(item.revision + 1);
    expect(actionItemSchema.safeParse(result.next).success).toBe(true);
    expect(result.audit).toEqual({ actorId: actor.id, action: `action.${verb}`, entityType: 'action', entityId: item.id, before: item, after: result.next });
  });
});

describe('who approves a closure', () => {
  it('lists the managers of every owning service and the quality officer, not a manager of another service', () => {
    expect(approversOf(itemIn('awaiting-approval'), people).map((p) => p.name)).toEqual(['Megan Bowen', 'Raphael Laurent', 'Alex Wilber']);
  });

  it('refuses an owner who manages the service their own closure, but lets the quality officer approve their own', () => {
    const managerOwns = itemIn('awaiting-approval', { ownerId: cast.manager.id });
    expect(mayApprove(managerOwns, cast.manager)).toBe(false);
    expect(decideTransition(managerOwns, 'approve', cast.manager, { revision: 3 }, context)).toMatchObject({ ok: false, code: 'not-allowed' });
    const rqOwns = itemIn('awaiting-approval', { ownerId: cast.rq.id });
    expect(decideTransition(rqOwns, 'approve', cast.rq, { revision: 3 }, context)).toMatchObject({ ok: true, next: { state: 'closed' } });
  });

  it('escalates to the same people minus the owner', () => {
    expect(escalationRecipientsOf(itemIn('in-progress', { ownerId: cast.manager.id }), people).map((p) => p.name)).toEqual(['Raphael Laurent', 'Alex Wilber']);
  });
});

describe('approving and rejecting on the shared card', () => {
  const awaiting = itemIn('awaiting-approval');

  it('closes with the approver, the instant and today, and an optional comment', () => {
    const result = decideTransition(awaiting, 'approve', cast.manager, { revision: 3 }, context);
    expect(result).toMatchObject({ ok: true, next: { state: 'closed', closedOn: '2026-11-23', decision: { outcome: 'approved', by: cast.manager.id, at: now.toISOString() } } });
  });

  it('answers a second click "déjà approuvé par X le …" and changes nothing, whoever clicks', () => {
    const first = decideTransition(awaiting, 'approve', cast.manager, { revision: 3 }, context);
    if (!first.ok) throw new Error(first.reason);
    for (const approver of [cast.manager, cast.blsManager, cast.rq]) {
      for (const verb of ['approve', 'reject'] as const) {
        expect(decideTransition(first.next, verb, approver, { revision: 3, reason: 'non' }, context)).toEqual({
          ok: false,
          code: 'already-decided',
          reason: 'Déjà approuvée par Megan Bowen le 23/11/2026 à 10:15.',
          decision: first.next.decision,
        });
      }
    }
  });

  it('sends a rejected closure back in progress with its reason, and says so on a second click', () => {
    const rejected = decideTransition(awaiting, 'reject', cast.rq, { revision: 3, reason: 'Urne toujours à l’entrée' }, context);
    if (!rejected.ok) throw new Error(rejected.reason);
    expect(rejected.next).toMatchObject({ state: 'in-progress', decision: { outcome: 'rejected', comment: 'Urne toujours à l’entrée' } });
    expect(decideTransition(rejected.next, 'approve', cast.manager, { revision: 3 }, context)).toMatchObject({
      code: 'already-decided',
      reason: 'Clôture déjà refusée par Alex Wilber le 23/11/2026 à 10:15 : Urne toujours à l’entrée',
    });
  });

  it('says an action was cancelled, not an old decision, when its approval card is clicked after the cancellation', () => {
    const rejected = decideTransition(awaiting, 'reject', cast.rq, { revision: 3, reason: 'Pas encore' }, context);
    if (!rejected.ok) throw new Error(rejected.reason);
    const cancelled = decideTransition(rejected.next, 'cancel', cast.rq, { revision: 4, reason: 'Sans objet' }, context);
    if (!cancelled.ok) throw new Error(cancelled.reason);
    expect(decideTransition(cancelled.next, 'approve', cast.manager, { revision: 4 }, context)).toMatchObject({ code: 'wrong-state', reason: 'Impossible de valider l’action 2026-07 : elle est « annulée ».' });
    expect(decideTransition(cancelled.next, 'accept', cast.rq, { revision: 4 }, context)).toMatchObject({ code: 'wrong-state', reason: 'Impossible d’accepter l’action 2026-07 : elle est « annulée ».' });
  });

  it('accepts a new decision once the owner marks it done again after a rejection', () => {
    const rejected = decideTransition(awaiting, 'reject', cast.rq, { revision: 3, reason: 'Pas encore' }, context);
    if (!rejected.ok) throw new Error(rejected.reason);
    const later = { ...context, now: new Date('2026-11-25T10:00:00.000Z'), today: '2026-11-25' };
    const again = decideTransition(rejected.next, 'mark-done', cast.owner, { revision: 4, verification: 'Urne déplacée', effective: true }, later);
    if (!again.ok) throw new Error(again.reason);
    expect(decideTransition(again.next, 'approve', cast.manager, { revision: 5 }, later)).toMatchObject({ ok: true, next: { state: 'closed' } });
  });

  it('refuses an approval by someone who is not an approver, in French', () => {
    expect(decideTransition(awaiting, 'approve', cast.otherManager, { revision: 3 }, context)).toEqual({
      ok: false,
      code: 'not-allowed',
      reason: 'Seuls les encadrants des services concernés (autres que le pilote) et le responsable qualité peuvent valider la clôture de cette action.',
    });
  });

  it('refuses a rejection without a reason', () => {
    expect(decideTransition(awaiting, 'reject', cast.manager, { revision: 3, reason: '  ' }, context)).toMatchObject({ ok: false, code: 'invalid-input', field: 'reason', reason: 'Indiquez le motif du refus.' });
  });
});

describe('bad input is refused with a French reason, nothing to write', () => {
  it('refuses a stale card: the item changed since it was drawn', () => {
    expect(decideTransition(itemIn('in-progress'), 'update-progress', cast.owner, { revision: 2, note: 'fait' }, context)).toEqual({
      ok: false,
      code: 'stale',
      reason: 'L’action 2026-07 a changé depuis l’affichage de cette carte : rouvrez-la pour voir son état actuel.',
    });
  });

  it('refuses a closure without the effectiveness verification, or without saying whether it was effective', () => {
    const item = itemIn('in-progress');
    expect(decideTransition(item, 'mark-done', cast.owner, { revision: 3, verification: ' ', effective: 'oui' }, context)).toMatchObject({
      code: 'invalid-input',
      field: 'verification',
      reason: 'Indiquez la vérification de l’efficacité.',
    });
    expect(decideTransition(item, 'mark-done', cast.owner, { revision: 3, verification: 'Vu' }, context)).toMatchObject({ code: 'invalid-input', field: 'effective' });
    expect(decideTransition(item, 'mark-done', cast.owner, { revision: 3, verification: 'Vu', effective: 'false' }, context)).toMatchObject({ ok: true, next: { effective: false } });
  });

  it('refuses a deadline in the past, on an edit and on acceptance', () => {
    expect(decideTransition(itemIn('planned'), 'edit', cast.owner, { revision: 3, deadline: '2026-11-22' }, context)).toMatchObject({
      code: 'invalid-input',
      field: 'deadline',
      reason: 'L’échéance ne peut pas être dans le passé (aujourd’hui : 23/11/2026).',
    });
    expect(decideTransition(itemIn('proposed'), 'accept', cast.rq, { revision: 3 }, context)).toMatchObject({ code: 'invalid-input', field: 'deadline' });
    const staleProposal = itemIn('proposed', { deadline: '2026-11-01' });
    expect(decideTransition(staleProposal, 'accept', cast.rq, { revision: 3 }, context)).toMatchObject({ code: 'invalid-input', field: 'deadline' });
    expect(decideTransition(itemIn('planned'), 'edit', cast.owner, { revision: 3, deadline: '2026-11-31' }, context)).toMatchObject({ field: 'deadline' });
  });

  it('restarts the reminders on a new deadline (deadlineSetAt), and refuses an edit that changes nothing', () => {
    expect(decideTransition(itemIn('planned'), 'edit', cast.owner, { revision: 3, deadline: '2027-01-04' }, context)).toMatchObject({
      ok: true,
      next: { deadline: '2027-01-04', deadlineSetAt: now.toISOString() },
    });
    const same = { revision: 3, deadline: '2026-12-15', finding: 'Boîte à suggestions peu visible', references: 'E3 § 3-1', services: 'BMI / BLS', ownerId: cast.owner.id };
    expect(decideTransition(itemIn('planned'), 'edit', cast.owner, same, context)).toMatchObject({ code: 'invalid-input', reason: 'Aucune modification à enregistrer.' });
  });

  it('lets only the quality officer reassign the owner or the services, to known ones', () => {
    const item = itemIn('in-progress');
    expect(decideTransition(item, 'edit', cast.owner, { revision: 3, ownerId: cast.agent.id }, context)).toMatchObject({ code: 'invalid-input', field: 'ownerId' });
    expect(decideTransition(item, 'edit', cast.owner, { revision: 3, services: 'BMI' }, context)).toMatchObject({ code: 'invalid-input', field: 'services' });
    expect(decideTransition(item, 'edit', cast.rq, { revision: 3, ownerId: cast.agent.id, services: 'bmi, cert' }, context)).toMatchObject({
      ok: true,
      next: { ownerId: cast.agent.id, services: ['BMI', 'CERT'] },
    });
    expect(decideTransition(item, 'edit', cast.rq, { revision: 3, ownerId: '99999999-0000-0000-0000-000000000000' }, context)).toMatchObject({ reason: 'Pilote inconnu de l’annuaire.' });
    expect(decideTransition(item, 'edit', cast.rq, { revision: 3, services: 'BMI / XYZ' }, context)).toMatchObject({ reason: 'Service « XYZ » inconnu.' });
  });

  it('refuses a cancellation or a declined proposal without a reason, and control characters in a note', () => {
    expect(decideTransition(itemIn('planned'), 'cancel', cast.rq, { revision: 3 }, context)).toMatchObject({ field: 'reason', reason: 'Indiquez le motif de l’annulation.' });
    expect(decideTransition(itemIn('proposed'), 'refuse-proposal', cast.rq, { revision: 3, reason: '' }, context)).toMatchObject({ field: 'reason' });
    expect(decideTransition(itemIn('in-progress'), 'update-progress', cast.owner, { revision: 3, note: 'a\u0007b' }, context)).toMatchObject({ field: 'note' });
    expect(decideTransition(itemIn('in-progress'), 'update-progress', cast.owner, { revision: 3, note: 'ligne 1\r\nligne 2' }, context)).toMatchObject({ ok: true, next: { progress: 'ligne 1\nligne 2' } });
  });

  it('names the state when the verb does not apply to it', () => {
    expect(decideTransition(itemIn('cancelled'), 'start', cast.owner, { revision: 3 }, context)).toMatchObject({
      code: 'wrong-state',
      reason: 'Impossible de démarrer l’action 2026-07 : elle est « annulée ».',
    });
  });
});
