import { AsyncLocalStorage } from 'node:async_hooks';
import type { TableClient } from '@azure/data-tables';
import { loadConfig } from '../../../bot/config';
import { routeCardAction, type CardActionResult } from '../../../bot/card-router';
import { routeMessage, type MessageOutcome } from '../../../bot/message-router';
import type { HandlerContext } from '../../../bot/turn-context';
import type { CardJson } from '../../../cards/render';
import type { AppServices } from '../../../services/app-services';
import { fixedClock } from '../../../services/clock';
import type { StoredPerson } from '../../../services/directory/person';
import { createExportLinkIssuer } from '../../../services/exports/export-link';
import { createLogger } from '../../../services/logger';
import { tableNames, type TableName } from '../../../services/storage/table-names';
import { adele, alex, isaiah, lynne, megan } from '../../support/activities';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { testConnectionString } from '../../support/test-storage';

/** The personas of the demo the fuzzers act as: every role, two services. */
export const personas = { alex, megan, adele, lynne, isaiah } as const;

/** Name of a persona. */
export type PersonaName = keyof typeof personas;

/** One write to a table, and the fuzz case that made it (undefined: outside any case). */
export interface TableWrite {
  table: TableName;
  method: string;
  caseId?: string;
  key: string;
}

/** Writes that keep the bot running rather than record business: activity ids seen, conversation references. */
const infrastructureTables = new Set<TableName>([tableNames.processedActivities, tableNames.conversations]);

const writeMethods = ['createEntity', 'upsertEntity', 'updateEntity', 'deleteEntity', 'submitTransaction'] as const;

/** A Monday morning in Paris, inside the sending window, with a year of demo data behind it. */
export const fuzzInstant = '2026-11-23T09:00:00Z';

/** What a chat message produced: the router's outcome and every answer sent. */
export interface TextResult {
  outcome?: MessageOutcome;
  replies: (CardJson | string)[];
  error?: unknown;
}

/** The real bot on the test Azurite with the demo data, driven in-process (routers called directly) or over HTTP. */
export interface FuzzBot {
  harness: BotHarness;
  app: AppServices;
  actors: Record<PersonaName, StoredPerson>;
  /** Every business write so far (infrastructure tables left out). */
  writes: TableWrite[];
  /** Shared cards published and reminder sweeps run (each follows a change); tagged with the case like writes. */
  publishes: { topic: string; caseId?: string }[];
  /** An `adaptiveCard/action` invoke's value through the card router, as `persona`. */
  runVerb(persona: PersonaName, value: unknown, caseId: string): Promise<{ result?: CardActionResult; error?: unknown }>;
  /** A chat message through the message router, as `persona`. */
  runText(persona: PersonaName, text: string, caseId: string): Promise<TextResult>;
  /** The error logged under a failure's reference (its stack). */
  errorFor: (reference: string) => string;
  /** Business writes and publishes attributed to one case. */
  sideEffectsOf(caseId: string): string[];
  stop(): Promise<void>;
}

/**
 * Starts the bot over fresh tables seeded with the whole demo (action plan, complaints, fraud, CLU, calendar),
 * and counts every write to its tables: each TableClient method that changes data is wrapped, and the fuzz case
 * running when it was called (AsyncLocalStorage) is recorded with it, so cases may run concurrently.
 */
export async function startFuzzBot(): Promise<FuzzBot> {
  const clock = fixedClock(fuzzInstant);
  const harness = await startBotHarness(testConnectionString(), clock, {}, { actionPlan: true });
  const app = harness.bot.app;
  const scope = new AsyncLocalStorage<string>();
  const writes: TableWrite[] = [];
  const publishes: { topic: string; caseId?: string }[] = [];
  for (const table of Object.values(tableNames)) {
    if (infrastructureTables.has(table)) continue;
    const client = app.store.table(table) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of writeMethods) {
      const original = (client[method] as (...args: unknown[]) => unknown).bind(client as unknown as TableClient);
      client[method] = (...args: unknown[]) => {
        const first = args[0] as { partitionKey?: unknown; rowKey?: unknown } | unknown[] | string | undefined;
        const key = Array.isArray(first) ? `${first.length} operation(s)` : typeof first === 'object' && first ? `${String(first.partitionKey)}|${String(first.rowKey)}` : String(first);
        writes.push({ table, method, caseId: scope.getStore(), key });
        return original(...args);
      };
    }
  }
  const actors = {} as Record<PersonaName, StoredPerson>;
  for (const [name, persona] of Object.entries(personas) as [PersonaName, (typeof personas)[PersonaName]][]) {
    actors[name] = await app.directory.resolve(persona.aadObjectId, persona.name);
  }
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const exportLinks = createExportLinkIssuer(config.exportLinks, clock);
  // Errors are kept to explain a crash: the card only shows a reference.
  const errors: { reference?: string; err?: { message?: string; stack?: string } }[] = [];
  const logger = createLogger('error', {}, { write: (line: string) => void errors.push(JSON.parse(line) as (typeof errors)[number]) });
  // As the bot builds it per turn (bot/qualibot-bot.ts); a sweep or a published card is a side effect to count.
  const contextFor = (persona: PersonaName): HandlerContext => ({
    actor: actors[persona],
    locale: actors[persona].language ?? 'fr',
    app,
    clock,
    logger,
    runReminderSweep: async () => {
      publishes.push({ topic: 'reminder-sweep', caseId: scope.getStore() });
      return harness.bot.reminders.runOnce();
    },
    publishSharedCard: (topic) => void publishes.push({ topic, caseId: scope.getStore() }),
    exportLinks,
  });
  return {
    harness,
    app,
    actors,
    writes,
    publishes,
    runVerb: (persona, value, caseId) =>
      scope.run(caseId, async () => {
        try {
          return { result: await routeCardAction(contextFor(persona), value) };
        } catch (error) {
          return { error };
        }
      }),
    runText: (persona, text, caseId) =>
      scope.run(caseId, async () => {
        const replies: (CardJson | string)[] = [];
        try {
          const outcome = await routeMessage(contextFor(persona), text, async (message) => void replies.push(message));
          return { outcome, replies };
        } catch (error) {
          return { replies, error };
        }
      }),
    errorFor: (reference) => {
      const logged = errors.find((entry) => entry.reference === reference);
      return logged?.err?.stack ?? logged?.err?.message ?? 'no error logged';
    },
    sideEffectsOf: (caseId) => [
      ...writes.filter((write) => write.caseId === caseId).map((write) => `${write.method} ${write.table} ${write.key}`),
      ...publishes.filter((publish) => publish.caseId === caseId).map((publish) => `publish ${publish.topic}`),
    ],
    stop: () => harness.stop(),
  };
}
