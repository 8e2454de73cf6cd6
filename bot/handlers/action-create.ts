import { fill, type CardJson } from '../../cards/render';
import type { ActionItem } from '../../services/action-plan/action-item';
import { proposalReviewersOf } from '../../services/action-plan/action-intake';
import { isQualityOfficer } from '../../services/action-plan/action-people';
import type { HandlerContext } from '../turn-context';
import { buildActionCard } from './action-view';

const texts = {
  fr: {
    proposed: 'Action {id} proposée : le responsable qualité l’examinera.',
    proposedNoReviewer: 'Action {id} proposée, mais aucun responsable qualité n’est dans l’annuaire pour l’examiner.',
    proposedByRq: 'Action {id} proposée : inscrivez-la au plan en fixant son échéance.',
    planned: 'Action {id} inscrite au plan.',
  },
  en: {
    proposed: 'Action {id} proposed: the quality officer will review it.',
    proposedNoReviewer: 'Action {id} proposed, but no quality officer is in the directory to review it.',
    proposedByRq: 'Action {id} proposed: add it to the plan by setting its deadline.',
    planned: 'Action {id} added to the plan.',
  },
};

/** Topic of the shared card asking the quality officers to accept or decline one proposal (see SharedCardCopies). */
export function proposalTopic(item: Pick<ActionItem, 'id' | 'createdAt'>): string {
  return `action-proposal|${item.id}|${Date.parse(item.createdAt)}`;
}

/**
 * Stores a new action the domain built (from the form or from a check answer): under the next free number of its
 * year, with its history entry in the same transaction, then in the audit trail. A proposal goes to the quality
 * officers as a shared card they can accept or decline from. Answers with the action's card and what happened.
 */
export async function storeNewAction(
  context: HandlerContext,
  draft: ActionItem,
  onCreated: (id: string) => Promise<void> = () => Promise.resolve(),
): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const now = clock.now();
  const entry = { actorId: actor.id, action: draft.state === 'proposed' ? 'action.propose' : 'action.create', entityType: 'action', entityId: '' };
  const stored = await app.actions.create(draft, entry, now);
  await onCreated(stored.id);
  const { etag: _etag, ...item } = stored;
  await app.audit.append({ ...entry, entityId: item.id, after: item });
  const reviewers = proposalReviewersOf(item, await app.people.list(), actor.id);
  if (reviewers.length > 0) {
    const topic = proposalTopic(item);
    await app.sharedCards.addRecipients(topic, reviewers.map((person) => person.id), now.toISOString());
    context.publishSharedCard(topic);
  }
  const notice = item.state !== 'proposed' ? t.planned : isQualityOfficer(actor) ? t.proposedByRq : reviewers.length > 0 ? t.proposed : t.proposedNoReviewer;
  return buildActionCard(context, stored, { notice: fill(notice, { id: item.id }), noticeColor: 'Good' });
}
