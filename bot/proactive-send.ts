import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * botbuilder's connector client retries 429 and 5xx by itself (3 more sends inside one call, any Retry-After slept
 * through, 500/502/504 resent blindly): the send policy alone must decide (PLATFORM.md: a send has no idempotency
 * key), and a sweep holding the lease must not sleep in a send. The client's pipeline is not public: if its shape
 * changes this does nothing, and test/reliability/connector-faults.test.ts (sends counted per attempt) fails.
 */
function withoutClientRetries(connectorClient: unknown): void {
  const pipeline = (connectorClient as { client?: { pipeline?: { removePolicy?: (options: { phase: 'Retry' }) => unknown } } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy?.({ phase: 'Retry' });
}

/**
 * Runs `send` in a proactive turn on a stored conversation and throws what Teams refused. The error is caught
 * inside the turn: one escaping it goes to the adapter's onTurnError, which swallows it, and a refused send would
 * be taken for a delivered one (lost, and a 403 never seen).
 */
export async function sendProactively(
  adapter: CloudAdapter,
  botAppId: string,
  reference: Partial<ConversationReference>,
  send: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let refused: unknown;
  try {
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      withoutClientRetries(context.turnState.get(adapter.ConnectorClientKey));
      try {
        await send(context);
      } catch (error) {
        refused = error;
      }
    });
  } catch (error) {
    refused = error;
  }
  if (refused === undefined) return;
  // Teams' errors are Error objects carrying statusCode; anything else is wrapped so callers always get one.
  throw refused instanceof Error ? refused : new Error('proactive send refused', { cause: refused });
}
