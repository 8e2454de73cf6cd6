import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import { buildActionCard } from './handlers/action-view';
import type { SharedCardRenderer } from './shared-card-publisher';

/** Reads "kind|actionId|ms" topics. */
function actionTopic(topic: string): { id: string; ms: number } | undefined {
  const [, id, ms] = topic.split('|');
  return id && ms ? { id, ms: Number(ms) } : undefined;
}

/**
 * How each kind of shared card is drawn for one recipient from the current state: the approval request of an
 * action's closure (to its approvers), and the decision (to its owner).
 */
export function sharedCardRenderers(app: AppServices, clock: Clock): Record<string, SharedCardRenderer> {
  return {
    'action-approval': async (topic, recipient) => {
      const parsed = actionTopic(topic);
      const item = parsed && (await app.actions.get(parsed.id));
      if (!parsed || !item) return undefined;
      return buildActionCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, item, { mode: 'approval', round: parsed.ms });
    },
    'action-decision': async (topic, recipient) => {
      const parsed = actionTopic(topic);
      const item = parsed && (await app.actions.get(parsed.id));
      if (!parsed || !item) return undefined;
      return buildActionCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, item, { mode: 'decision' });
    },
  };
}
