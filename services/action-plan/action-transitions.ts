import type { AuditEntry } from '../audit/audit-repository';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { actionStateLabels, textLimits, type ActionDecision, type ActionItem, type ActionState } from './action-item';
import { editChanges, type ActionEditInput } from './action-edit';
import { formatInstantFr, nameOf } from './action-format';
import { isBlank, readDeadline, readEffective, readParagraph } from './action-input';
import { isOwner, isQualityOfficer, managesOwningService, mayApprove, type ActionActor } from './action-people';

/** What people can do to an action (DOMAIN §3 lifecycle); each is one card button. */
export const actionVerbs = ['accept', 'refuse-proposal', 'start', 'update-progress', 'edit', 'mark-done', 'approve', 'reject', 'cancel'] as const;

/** One verb. */
export type ActionVerb = (typeof actionVerbs)[number];

/** What a card sends with a verb: the revision it showed, and the fields that verb reads. */
export interface TransitionInput extends ActionEditInput {
  /** The item's revision when the card was drawn: a different one means the card is stale. */
  revision: number;
  /** Why (refuse-proposal, reject, cancel). */
  reason?: string;
  /** Optional word of an approval. */
  comment?: string;
  /** Progress note (update-progress). */
  note?: string;
  /** "Vérification de l'efficacité" (mark-done). */
  verification?: string;
  /** "Action efficace" (mark-done): boolean, or "oui"/"non"/"true"/"false" as cards send it. */
  effective?: boolean | string;
}

/** What a decision reads besides the item: the clock, the directory (names, new owners) and the known services. */
export interface TransitionContext {
  now: Date;
  /** Today in the prefecture's zone. */
  today: LocalDate;
  people: readonly Pick<Person, 'id' | 'name'>[];
  serviceCodes: readonly string[];
  /** Zone for the times messages show; Europe/Paris when absent. */
  timeZone?: string;
}

/** Why a request was refused: the card can react to the kind (reload on 'stale', show the decision on 'already-decided'). */
export type RefusalCode = 'not-allowed' | 'wrong-state' | 'stale' | 'already-decided' | 'invalid-input';

/** The change to store with its audit entry, or why not (French, for the card). Nothing is written on a refusal. */
export type TransitionResult =
  | { ok: true; next: ActionItem; audit: AuditEntry }
  | { ok: false; code: RefusalCode; reason: string; field?: string; decision?: ActionDecision };

type Who = (item: ActionItem, actor: ActionActor) => boolean;

const rq: Who = (_item, actor) => isQualityOfficer(actor);
const ownerOrRq: Who = (item, actor) => isOwner(item, actor) || isQualityOfficer(actor);
const involved: Who = (item, actor) => ownerOrRq(item, actor) || managesOwningService(item, actor);
const approver: Who = (item, actor) => mayApprove(item, actor);

const whoText = {
  rq: 'Seul le responsable qualité peut',
  ownerOrRq: 'Seuls le pilote de l’action et le responsable qualité peuvent',
  involved: 'Seuls le pilote de l’action, les encadrants des services concernés et le responsable qualité peuvent',
  approver: 'Seuls les encadrants des services concernés (autres que le pilote) et le responsable qualité peuvent',
};

/**
 * Who may run each verb and from which states (DOMAIN §3; issue 5). The owner updates and marks done; managers of
 * the owning services follow and approve; the quality officer runs the plan. Admins and the fraud referent have
 * no power here beyond their other roles: the plan belongs to the quality mission. A progress note on a planned
 * action starts it (writing progress means the work began); an edit never changes the state.
 */
export const transitionRules: Record<ActionVerb, { from: readonly ActionState[]; who: Who; refusal: string }> = {
  accept: { from: ['proposed'], who: rq, refusal: `${whoText.rq} accepter une proposition dans le plan.` },
  'refuse-proposal': { from: ['proposed'], who: rq, refusal: `${whoText.rq} refuser une proposition.` },
  start: { from: ['planned'], who: involved, refusal: `${whoText.involved} démarrer cette action.` },
  'update-progress': { from: ['planned', 'in-progress'], who: involved, refusal: `${whoText.involved} noter l’avancement de cette action.` },
  edit: { from: ['proposed', 'planned', 'in-progress'], who: ownerOrRq, refusal: `${whoText.ownerOrRq} modifier cette action.` },
  'mark-done': { from: ['planned', 'in-progress'], who: ownerOrRq, refusal: `${whoText.ownerOrRq} déclarer cette action réalisée.` },
  approve: { from: ['awaiting-approval'], who: approver, refusal: `${whoText.approver} valider la clôture de cette action.` },
  reject: { from: ['awaiting-approval'], who: approver, refusal: `${whoText.approver} refuser la clôture de cette action.` },
  cancel: { from: ['planned', 'in-progress', 'awaiting-approval'], who: rq, refusal: `${whoText.rq} annuler une action (avec un motif).` },
};

const verbPhrases: Record<ActionVerb, string> = {
  accept: 'accepter',
  'refuse-proposal': 'refuser comme proposition',
  start: 'démarrer',
  'update-progress': 'mettre à jour',
  edit: 'modifier',
  'mark-done': 'déclarer réalisée',
  approve: 'valider',
  reject: 'refuser',
  cancel: 'annuler',
};

/** The verbs this person may use on this item now: the card shows only those buttons. */
export function allowedActions(item: ActionItem, actor: ActionActor): ActionVerb[] {
  return actionVerbs.filter((verb) => transitionRules[verb].from.includes(item.state) && transitionRules[verb].who(item, actor));
}

/**
 * The decision of the closure the item is in, if it was already taken: a second click on the shared approval card
 * must say who decided and when, and change nothing (DOMAIN §3). A decision older than the last "done" does not count.
 */
export function settledDecision(item: ActionItem): ActionDecision | undefined {
  const { decision } = item;
  if (!decision || item.state === 'awaiting-approval') return undefined;
  if (item.submittedAt !== undefined && decision.at < item.submittedAt) return undefined;
  return decision;
}

function alreadyDecided(decision: ActionDecision, context: TransitionContext): TransitionResult {
  const who = nameOf(decision.by, context.people);
  const when = formatInstantFr(decision.at, context.timeZone);
  const reason =
    decision.outcome === 'approved'
      ? `Déjà approuvée par ${who} le ${when}.`
      : `Clôture déjà refusée par ${who} le ${when}${decision.comment ? ` : ${decision.comment}` : '.'}`;
  return { ok: false, code: 'already-decided', reason, decision };
}

const invalid = (field: string, reason: string): TransitionResult => ({ ok: false, code: 'invalid-input', field, reason });

/** The verb's own change to the item, or the refusal of its input. */
function apply(verb: ActionVerb, item: ActionItem, actor: ActionActor, input: TransitionInput, context: TransitionContext): TransitionResult | Partial<ActionItem> {
  const nowIso = context.now.toISOString();
  switch (verb) {
    case 'accept': {
      const changes = editChanges(item, actor, input, context, { requireChange: false });
      if (!changes.ok) return invalid(changes.field, changes.reason);
      const deadline = changes.value.deadline ?? item.deadline;
      if (deadline === undefined) return invalid('deadline', 'Indiquez l’échéance pour inscrire l’action au plan.');
      if (changes.value.deadline === undefined) {
        // The proposal's own deadline may have passed while it waited.
        const check = readDeadline(deadline, context.today);
        if (!check.ok) return invalid('deadline', check.message);
      }
      return { ...changes.value, state: 'planned', deadline, deadlineSetAt: nowIso };
    }
    case 'refuse-proposal': {
      const reason = readParagraph(input.reason, textLimits.reason, 'le motif du refus');
      return reason.ok ? { state: 'rejected-proposal', refusalReason: reason.value, closedOn: context.today } : invalid('reason', reason.message);
    }
    case 'start':
      return { state: 'in-progress' };
    case 'update-progress': {
      const note = readParagraph(input.note, textLimits.paragraph, 'l’avancement');
      return note.ok ? { state: 'in-progress', progress: note.value } : invalid('note', note.message);
    }
    case 'edit': {
      const changes = editChanges(item, actor, input, context, { requireChange: true });
      return changes.ok ? changes.value : invalid(changes.field, changes.reason);
    }
    case 'mark-done': {
      const verification = readParagraph(input.verification, textLimits.paragraph, 'la vérification de l’efficacité');
      if (!verification.ok) return invalid('verification', verification.message);
      const effective = readEffective(input.effective);
      if (!effective.ok) return invalid('effective', effective.message);
      return { state: 'awaiting-approval', verification: verification.value, effective: effective.value, submittedAt: nowIso, submittedBy: actor.id };
    }
    case 'approve': {
      const comment = isBlank(input.comment) ? undefined : readParagraph(input.comment, textLimits.reason, 'le commentaire');
      if (comment && !comment.ok) return invalid('comment', comment.message);
      return { state: 'closed', closedOn: context.today, decision: { outcome: 'approved', by: actor.id, at: nowIso, comment: comment?.value } };
    }
    case 'reject': {
      const reason = readParagraph(input.reason, textLimits.reason, 'le motif du refus');
      if (!reason.ok) return invalid('reason', reason.message);
      return { state: 'in-progress', decision: { outcome: 'rejected', by: actor.id, at: nowIso, comment: reason.value } };
    }
    case 'cancel': {
      const reason = readParagraph(input.reason, textLimits.reason, 'le motif de l’annulation');
      return reason.ok ? { state: 'cancelled', cancelReason: reason.value, closedOn: context.today } : invalid('reason', reason.message);
    }
  }
}

/**
 * Decides one request on one action: who may do what from which state (transitionRules), then whether the card
 * is stale, then the verb's input. Checks run in that order so a second click on a decided approval card says
 * who decided, not "stale". Pure: the caller stores `next` (guarded by its ETag) and appends `audit`.
 */
export function decideTransition(item: ActionItem, verb: ActionVerb, actor: ActionActor, input: TransitionInput, context: TransitionContext): TransitionResult {
  const rule = transitionRules[verb];
  if (!rule.who(item, actor)) return { ok: false, code: 'not-allowed', reason: rule.refusal };
  if ((verb === 'approve' || verb === 'reject') && item.state !== 'cancelled') {
    const decided = settledDecision(item);
    if (decided) return alreadyDecided(decided, context);
  }
  if (!rule.from.includes(item.state)) {
    const label = actionStateLabels[item.state].fr.toLowerCase();
    // French elides « de » before a vowel: « Impossible d’annuler », « Impossible de valider ».
    const phrase = /^[aeéiou]/i.test(verbPhrases[verb]) ? `d’${verbPhrases[verb]}` : `de ${verbPhrases[verb]}`;
    return { ok: false, code: 'wrong-state', reason: `Impossible ${phrase} l’action ${item.id} : elle est « ${label} ».` };
  }
  if (input.revision !== item.revision) {
    return { ok: false, code: 'stale', reason: `L’action ${item.id} a changé depuis l’affichage de cette carte : rouvrez-la pour voir son état actuel.` };
  }
  const change = apply(verb, item, actor, input, context);
  if ('ok' in change) return change;
  const next: ActionItem = { ...item, ...change, revision: item.revision + 1 };
  return {
    ok: true,
    next,
    audit: { actorId: actor.id, action: `action.${verb}`, entityType: 'action', entityId: item.id, before: item, after: next },
  };
}
