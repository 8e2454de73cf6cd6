import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import { maySeeSignal, qualifiersOf } from '../../services/fraud/fraud-rules';
import { roundOf } from '../../services/fraud/fraud-signal';
import type { SharedCardRenderer } from '../shared-card-publisher';
import { auditRead, buildFraudSignalCard } from './fraud-view';

/** Reads "kind|signalId|ms" topics. */
function fraudTopic(topic: string): { id: string; ms: number } | undefined {
  const [, id, ms] = topic.split('|');
  return id && ms ? { id, ms: Number(ms) } : undefined;
}

/**
 * The fraud signal's shared cards: the request to qualify one round (to every fraud referent; when one decides,
 * every copy shows it), and the outcome (to the author). A copy is only drawn for someone who may still see the
 * signal; a round or a decision that was never written (its write lost a race after the copies were listed) is
 * dropped. The first send of a card to a referent is a read of the signal by someone else than its author: it is
 * audited like any other.
 */
export function fraudSharedCardRenderers(app: AppServices, clock: Clock): Record<string, SharedCardRenderer> {
  const viewer = (recipient: Parameters<SharedCardRenderer>[1]) => ({ actor: recipient, locale: recipient.language ?? 'fr', app, clock });
  return {
    'fraud-qualify': async (topic, recipient, { firstSend }) => {
      const parsed = fraudTopic(topic);
      const signal = parsed && (await app.fraudSignals.get(parsed.id));
      if (!parsed || !signal || !maySeeSignal(signal, recipient)) return undefined;
      // Copies are listed under a number before it is won: a number another author took in the same millisecond
      // must not send its author their own signal to qualify.
      if (firstSend && (roundOf(signal) !== parsed.ms || qualifiersOf(signal, [recipient]).length === 0)) return undefined;
      if (firstSend) await auditRead(app, signal, recipient, 'notification');
      return buildFraudSignalCard(viewer(recipient), signal, { mode: 'qualify', round: parsed.ms });
    },
    'fraud-outcome': async (topic, recipient, { firstSend }) => {
      const parsed = fraudTopic(topic);
      const signal = parsed && (await app.fraudSignals.get(parsed.id));
      if (!parsed || !signal || !maySeeSignal(signal, recipient)) return undefined;
      if (firstSend && Date.parse(signal.qualification?.at ?? '') !== parsed.ms) return undefined;
      return buildFraudSignalCard(viewer(recipient), signal, { mode: 'outcome' });
    },
  };
}
