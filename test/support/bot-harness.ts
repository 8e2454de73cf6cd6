import { loadConfig } from '../../bot/config';
import { createBotApp, type BotApp } from '../../bot/create-bot-app';
import type { AppServices } from '../../services/app-services';
import { seedDemo } from '../../services/demo/seed-demo';
import type { ReminderSource } from '../../services/reminders/reminder-source';
import { systemClock, type Clock } from '../../services/clock';
import { createLogger, type LogDestination } from '../../services/logger';
import { FakeConnector } from './fake-connector';
import { testConnectionString, uniqueTablePrefix } from './test-storage';

/** The real bot (server, CloudAdapter, routing, storage) on a free port, with a fake connector for its replies. */
export interface BotHarness {
  bot: BotApp;
  connector: FakeConnector;
  endpoint: string;
  /** POSTs an activity as Teams would; returns the HTTP status and JSON body (invoke responses). */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Starts the bot over fresh tables, seeded with the demo directory unless told not to (its action plan if asked); `env` adds settings; `log` keeps its log lines. */
export async function startBotHarness(
  connectionString: string,
  clock: Clock,
  env: NodeJS.ProcessEnv = {},
  options: { seed?: boolean; actionPlan?: boolean; reminderSources?: (app: AppServices) => ReminderSource[]; log?: { level: string; destination: LogDestination } } = {},
): Promise<BotHarness> {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: connectionString, LOG_LEVEL: 'silent', SWEEP_INTERVAL_MINUTES: '0', ...env });
  const bot = await createBotApp(config, clock, options.log ? createLogger(options.log.level, {}, options.log.destination) : createLogger('silent'), {
    tablePrefix: uniqueTablePrefix(),
    extraReminderSources: options.reminderSources,
  });
  // The demo action plan only when asked: most tests number their own actions from 01 and count their reminders.
  if (options.seed ?? true) await seedDemo(bot.app, { actionPlan: options.actionPlan ?? false });
  const port = await bot.listen(0, '127.0.0.1');
  const connector = new FakeConnector();
  await connector.start();
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  return {
    bot,
    connector,
    endpoint,
    post: async (activity, headers = {}) => {
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    stop: async () => {
      await bot.close();
      await connector.stop();
    },
  };
}

/** The bot as in production (an app id, multi-tenant): every request's token is checked against `openIdUrl`. */
export function startProductionHarness(appId: string, openIdUrl: string): Promise<BotHarness> {
  return startBotHarness(testConnectionString(), systemClock, {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'not-used-by-these-tests',
    MicrosoftAppType: 'MultiTenant',
    BotOpenIdMetadata: openIdUrl,
  });
}
