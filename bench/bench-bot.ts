import { loadConfig } from '../bot/config';
import { createBotApp, type BotApp } from '../bot/create-bot-app';
import type { Clock } from '../services/clock';
import { ConversationReferenceRepository } from '../services/conversations/conversation-reference-repository';
import { createLogger } from '../services/logger';
import type { PlannedReminder } from '../services/reminders/reminder';
import type { ReminderSource } from '../services/reminders/reminder-source';
import { StorageCounter } from './storage-counter';

/** The instant the benchmark's clock starts at: a Tuesday, 10:00 in Paris, inside the sending hours. */
export const benchStart = new Date('2026-11-24T09:00:00Z');

/** A clock that starts at `benchStart` and moves with the machine's. */
export function benchClock(): Clock {
  const offset = benchStart.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** Reminders the benchmark makes due on demand: one per recipient, its title a marker the connector counts. */
export class BenchReminderSource implements ReminderSource {
  readonly name = 'bench';
  private pending: PlannedReminder[] = [];

  /** The next sweep plans one reminder for each recipient, keyed by `run` (a new run, new keys). */
  arm(run: string, recipientIds: readonly string[], notBefore: Date): string[] {
    const markers = recipientIds.map((_, index) => `bench-reminder-${run}-${index}`);
    this.pending = recipientIds.map((recipientId, index) => {
      const title = markers[index] ?? '';
      return { key: `bench:${run}:${index}`, recipientId, notBefore: notBefore.toISOString(), text: { fr: { title, detail: 'mesure' }, en: { title, detail: 'benchmark' } } };
    });
    return markers;
  }

  plan(): Promise<PlannedReminder[]> {
    const planned = this.pending;
    this.pending = [];
    return Promise.resolve(planned);
  }
}

/** A bot under measure: the real app on loopback, its storage calls counted, its extra reminder source. */
export interface BenchBot {
  bot: BotApp;
  endpoint: string;
  counter: StorageCounter;
  reminders: BenchReminderSource;
  clock: Clock;
}

/** Starts the real bot (local mode, no auth, no timed sweep, silent) over tables named with `tablePrefix`; `clock` defaults to `benchClock()`. */
export async function startBenchBot(connectionString: string, tablePrefix: string, tenantRatePerSecond: number, clock: Clock = benchClock()): Promise<BenchBot> {
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: connectionString,
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_MINUTES: '0',
    TEAMS_TENANT_RATE_PER_SECOND: String(tenantRatePerSecond),
  });
  const reminders = new BenchReminderSource();
  const bot = await createBotApp(config, clock, createLogger('silent'), { tablePrefix, extraReminderSources: () => [reminders] });
  const counter = new StorageCounter();
  counter.attach(bot.app.store);
  const port = await bot.listen(0, '127.0.0.1');
  return { bot, endpoint: `http://127.0.0.1:${port}/api/messages`, counter, reminders, clock };
}

/** Stores a personal conversation reference pointing at the connector for each person, as an install would. */
export async function rememberConversations(bench: BenchBot, personIds: readonly string[], serviceUrl: string): Promise<void> {
  await storeConversationReferences(bench.bot.app.conversations, bench.clock.now().toISOString(), personIds, serviceUrl);
}

/** The same, straight into a conversation repository (for a bot that runs in another process over the same tables). */
export async function storeConversationReferences(conversations: ConversationReferenceRepository, nowIso: string, personIds: readonly string[], serviceUrl: string): Promise<void> {
  const queue = [...personIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const conversationId = `personal-chat-${id}`;
      const reference = {
        bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Qualibot' },
        user: { id: `user-${id}`, aadObjectId: id },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
        channelId: 'msteams',
        serviceUrl,
      };
      const key = ConversationReferenceRepository.keyFor('personal', id, conversationId);
      await conversations.remember('personal', key, JSON.stringify(reference), nowIso, true);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
