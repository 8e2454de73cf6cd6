import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import { buildActionCard } from './handlers/action-view';
import { cluSharedCardRenderers } from './handlers/clu-shared-cards';
import { complaintSharedCardRenderers } from './handlers/complaint-shared-cards';
import { fraudSharedCardRenderers } from './handlers/fraud-shared-cards';
import type { SharedCardRenderer } from './shared-card-publisher';

/** Reads "kind|actionId|ms" topics. */
function actionTopic(topic: string): { id: string; ms: number } | undefined {
  const [, id, ms] = topic.split('|');
  return id && ms ? { id, ms: Number(ms) } : undefined;
}

/**
 * How each kind of shared card is drawn for one recipient from the current state: the approval request of an
 * action's closure (to its approvers), the decision (to its owner), and a new proposal (to the quality officers).
 */
export function sharedCardRenderers(app: AppServices, clock: Clock): Record<string, SharedCardRenderer> {
  return {
    // Fraud signals: the request to qualify (to the referents) and the outcome (to the author).
    ...fraudSharedCardRenderers(app, clock),
    // Complaints: the card sent to the agent a complaint is given to.
    ...complaintSharedCardRenderers(app, clock),
    // CLU: each internal member's invitation to a meeting, redrawn when it moves, is cancelled or held.
    ...cluSharedCardRenderers(app, clock),
    'action-approval': async (topic, recipient, { firstSend }) => {
      const parsed = actionTopic(topic);
      const item = parsed && (await app.actions.get(parsed.id));
      if (!parsed || !item) return undefined;
      // Copies are listed before the item is marked done; if that write lost a race, this round never happened.
      if (firstSend && Date.parse(item.submittedAt ?? '') !== parsed.ms) return undefined;
      return buildActionCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, item, { mode: 'approval', round: parsed.ms });
    },
    'action-decision': async (topic, recipient, { firstSend }) => {
      const parsed = actionTopic(topic);
      const item = parsed && (await app.actions.get(parsed.id));
      if (!parsed || !item) return undefined;
      // The owner's copy is listed before the decision is written; if that write lost a race, there is no decision.
      if (firstSend && Date.parse(item.decision?.at ?? '') !== parsed.ms) return undefined;
      return buildActionCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, item, { mode: 'decision' });
    },
    // A new proposal, to the quality officers: the action card as each sees it (accept / decline while proposed).
    'action-proposal': async (topic, recipient) => {
      const parsed = actionTopic(topic);
      const item = parsed && (await app.actions.get(parsed.id));
      if (!parsed || !item) return undefined;
      return buildActionCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, item, { mode: 'item' });
    },
  };
}
