import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { actionIdSchema, parseActionId } from '../../services/action-plan/action-number';
import { actionVerbs, decideTransition, type ActionVerb, type TransitionInput } from '../../services/action-plan/action-transitions';
import type { StoredActionItem } from '../../services/action-plan/action-items-repository';
import type { ActionItem } from '../../services/action-plan/action-item';
import { approversOf } from '../../services/action-plan/action-people';
import type { Person } from '../../services/directory/person';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { proposalTopic } from './action-create';
import { approvalTopic, buildActionCard, decisionTopic } from './action-view';

const texts = {
  fr: {
    notFoundTitle: 'Action introuvable',
    notFound: 'Aucune action ne porte le numéro {id}. Tapez « plan d’action » pour la liste.',
    usage: 'Indiquez le numéro de l’action, par exemple « action 2021-07 ».',
    sent: 'Envoyée pour validation à : {names}.',
    noApprover: 'Aucun encadrant des services concernés ni responsable qualité n’est dans l’annuaire : personne ne peut valider.',
    approved: 'Clôture approuvée. {owner} en est informé(e).',
    rejected: 'Clôture refusée : l’action revient « en cours ». {owner} en est informé(e).',
    saved: 'Enregistré.',
  },
  en: {
    notFoundTitle: 'Action not found',
    notFound: 'No action has number {id}. Type “plan d’action” for the list.',
    usage: 'Give the action’s number, for instance “action 2021-07”.',
    sent: 'Sent for approval to: {names}.',
    noApprover: 'No manager of the services concerned and no quality officer is in the directory: nobody can approve.',
    approved: 'Closure approved. {owner} is told.',
    rejected: 'Closure rejected: the action is back “in progress”. {owner} is told.',
    saved: 'Saved.',
  },
};

function notFoundCard(id: string, locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.notFoundTitle, text: fill(t.notFound, { id }), reference: '' }, locale);
}

/** "action 2021-07": the action's card with what the viewer may do. */
export async function showAction(context: CommandContext): Promise<void> {
  const parsed = parseActionId(context.argument);
  if (!parsed) return context.reply(texts[context.locale].usage);
  const item = await context.app.actions.get(parsed.id);
  await context.reply(item ? await buildActionCard(context, item) : notFoundCard(parsed.id, context.locale));
}

const openSchema = z.object({ id: actionIdSchema });

/** "Voir l’action" (reminders, plan list): the action's card. */
export const actionOpenVerb = defineVerb({
  schema: openSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const item = await context.app.actions.get(data.id);
    return item ? buildActionCard(context, item) : notFoundCard(data.id, context.locale);
  },
});

/**
 * Teams' refresh of an approval request (Universal Actions `refresh`): each approver's copy is redrawn with the
 * current state when shown, with their own buttons, or the decision once taken.
 */
export const actionRefreshVerb = defineVerb({
  schema: openSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const item = await context.app.actions.get(data.id);
    if (!item) return notFoundCard(data.id, context.locale);
    return buildActionCard(context, item, { mode: item.submittedAt ? 'approval' : 'item', round: Date.parse(item.submittedAt ?? '') });
  },
});

/** Card text is capped by the domain; this only keeps absurd payloads out before any read. */
const cardText = z.string().max(10_000).optional();

const transitionSchema = z.object({
  id: actionIdSchema,
  revision: z.coerce.number().int().min(0),
  step: z.enum(actionVerbs),
  approveComment: cardText,
  rejectReason: cardText,
  acceptDeadline: cardText,
  refuseReason: cardText,
  verification: cardText,
  effective: cardText,
  progressNote: cardText,
  editFinding: cardText,
  editAction: cardText,
  editReferences: cardText,
  editDeadline: cardText,
  cancelReason: cardText,
});

type TransitionData = z.infer<typeof transitionSchema>;

/** The card's inputs for one step, named as the domain reads them (each step has its own input ids on the card). */
function inputFor(data: TransitionData): TransitionInput {
  const base = { revision: data.revision };
  switch (data.step) {
    case 'approve':
      return { ...base, comment: data.approveComment };
    case 'reject':
      return { ...base, reason: data.rejectReason };
    case 'accept':
      return { ...base, deadline: data.acceptDeadline };
    case 'refuse-proposal':
      return { ...base, reason: data.refuseReason };
    case 'mark-done':
      return { ...base, verification: data.verification, effective: data.effective };
    case 'update-progress':
      return { ...base, note: data.progressNote };
    case 'edit':
      return { ...base, finding: data.editFinding, action: data.editAction, references: data.editReferences, deadline: data.editDeadline };
    case 'cancel':
      return { ...base, reason: data.cancelReason };
    case 'start':
      return base;
  }
}

const decisionSteps: readonly ActionVerb[] = ['approve', 'reject'];

/**
 * Every button of the action card: the domain decides (who, from which state, stale card, input), the item and
 * its history entry are written together under the item's ETag, then the shared cards follow: approvers get the
 * request when the owner marks it done; every copy is redrawn and the owner told when one approver decides.
 * Two approvers at the same moment: one write wins the ETag, the other is answered with the winner's decision.
 */
export const actionTransitionVerb = defineVerb({
  schema: transitionSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const mode = decisionSteps.includes(data.step) ? 'approval' : 'item';
    const current = await app.actions.get(data.id);
    if (!current) return notFoundCard(data.id, locale);
    const round = Date.parse(current.submittedAt ?? '');
    const input = inputFor(data);
    const now = clock.now();
    const people = await app.people.list();
    const transitionContext = {
      now,
      today: app.calendar.localDateOf(now),
      people,
      serviceCodes: (await app.services.list()).map((service) => service.code),
      timeZone: app.timeZone,
    };
    const refuse = (item: StoredActionItem, reason: string) => buildActionCard(context, item, { mode, round, notice: reason });

    const decision = decideTransition(current, data.step, actor, input, transitionContext);
    if (!decision.ok) return refuse(current, decision.reason);
    // The approvers' copies are listed before the item changes: a crash between the two writes leaves copies
    // the next sweep sends, never a closure waiting for approval that nobody was asked for.
    const approvers = data.step === 'mark-done' ? approversOf(decision.next, people) : [];
    await listSharedCardsBefore(context, current, decision.next, approvers);
    let stored: StoredActionItem;
    try {
      stored = await app.actions.update(current, decision.next, decision.audit, now);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      // Someone changed it first: answer with what they did (their decision, or "the card is stale").
      const latest = (await app.actions.get(data.id)) ?? current;
      const again = decideTransition(latest, data.step, actor, input, transitionContext);
      return refuse(latest, again.ok ? '' : again.reason);
    }
    await app.audit.append(decision.audit);
    const notice = await afterTransition(context, current, stored, data.step, approvers);
    return buildActionCard(context, stored, { mode, round, notice, noticeColor: 'Good' });
  },
});

/**
 * What a change sets going is listed before the change is written, so a crash between the two leaves copies the
 * next sweep sends (or drops, when the change lost its race), never a request or a decision nobody is told of:
 * the approvers' copies of a closure, the owner's decision card, and the copies a decision or cancellation turns
 * stale (marked again after the write, for a copy redrawn in between).
 */
async function listSharedCardsBefore(context: HandlerContext, before: StoredActionItem, next: ActionItem, approvers: readonly Person[]): Promise<void> {
  const { app, actor, clock } = context;
  const nowIso = clock.now().toISOString();
  if (approvers.length > 0) await app.sharedCards.addRecipients(approvalTopic(next), approvers.map((person) => person.id), nowIso);
  if (next.decision && next.decision.at !== before.decision?.at && next.ownerId !== actor.id) {
    await app.sharedCards.addRecipients(decisionTopic(next, next.decision.at), [next.ownerId], nowIso);
  }
  if (before.state === 'awaiting-approval' && next.state !== 'awaiting-approval') await app.sharedCards.markStale(approvalTopic(before), nowIso);
  if (before.state === 'proposed' && next.state !== 'proposed') await app.sharedCards.markStale(proposalTopic(before), nowIso);
}

/** The shared cards a change sets going, and the line that tells the clicker what happened. */
async function afterTransition(
  context: HandlerContext,
  before: StoredActionItem,
  after: StoredActionItem,
  step: ActionVerb,
  approvers: readonly Person[],
): Promise<string> {
  const { app, clock, locale } = context;
  const t = texts[locale];
  const nowIso = clock.now().toISOString();
  if (step === 'mark-done') {
    if (approvers.length === 0) return t.noApprover;
    context.publishSharedCard(approvalTopic(after));
    return fill(t.sent, { names: approvers.map((person) => person.name).join(', ') });
  }
  if (before.state === 'proposed' && after.state !== 'proposed') {
    // The proposal is accepted or declined: the quality officers' copies show it.
    const topic = proposalTopic(before);
    await app.sharedCards.markStale(topic, nowIso);
    context.publishSharedCard(topic);
  }
  if (before.state === 'awaiting-approval' && after.state !== 'awaiting-approval') {
    // The request is decided (or the action cancelled): every copy shows it.
    const topic = approvalTopic(before);
    await app.sharedCards.markStale(topic, nowIso);
    context.publishSharedCard(topic);
  }
  if ((step === 'approve' || step === 'reject') && after.decision) {
    const owner = await app.people.known(after.ownerId);
    if (after.ownerId !== context.actor.id) context.publishSharedCard(decisionTopic(after, after.decision.at));
    return fill(step === 'approve' ? t.approved : t.rejected, { owner: owner?.name ?? '' });
  }
  return t.saved;
}
