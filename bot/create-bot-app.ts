import { createAppServices, prepareStorage, type AppServices } from '../services/app-services';
import { createExportLinkIssuer } from '../services/exports/export-link';
import type { ReminderSource } from '../services/reminders/reminder-source';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import { TableStore, azuriteConnectionString, type StorageTarget } from '../services/storage/table-store';
import { createAdapter } from './adapter';
import type { AppConfig, StorageSetting } from './config';
import { QualibotBot } from './qualibot-bot';
import { ReminderScheduler } from './reminder-scheduler';
import { reminderSources } from './reminder-sources';
import { sharedCardRenderers } from './shared-card-renderers';
import { SharedCardPublisher } from './shared-card-publisher';
import { createServer } from './server';
import type restify from 'restify';

/** The storage a configuration points at; "local Azurite" is the emulator's default port on this machine. */
export function storageTarget(setting: StorageSetting): StorageTarget {
  if (setting.kind === 'localAzurite') return { kind: 'connectionString', connectionString: azuriteConnectionString() };
  return setting;
}

/** A running Qualibot: the HTTP server and what it is made of. */
export interface BotApp {
  server: restify.Server;
  app: AppServices;
  /** The reminder sweep of this instance. */
  reminders: ReminderScheduler;
  /** Copies of shared cards (approval requests) sent and kept current. */
  sharedCards: SharedCardPublisher;
  /** Starts listening; rejects with a clear message when the port is taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting requests and waits (up to `graceMs`) for those in flight to finish. */
  close(graceMs?: number): Promise<void>;
}

/** Assembles storage, services, adapter, bot and server, and prepares the tables. */
export async function createBotApp(
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  options: { tablePrefix?: string; extraReminderSources?: (app: AppServices) => ReminderSource[] } = {},
): Promise<BotApp> {
  const store = new TableStore(storageTarget(config.storage), options.tablePrefix ?? '');
  const app = createAppServices(store, clock, {
    referentiel: config.referentiel,
    timeZone: config.timeZone,
    initialAdmins: config.initialAdmins,
    logger,
  });
  const prepared = await prepareStorage(app);
  logger.info({ ...prepared, referentiel: config.referentiel }, 'storage ready');
  const adapter = createAdapter(config.auth, logger);
  const botAppId = config.auth.kind === 'azure' ? config.auth.appId : '';
  const sharedCards = new SharedCardPublisher(adapter, app, botAppId, sharedCardRenderers(app, clock), clock, logger);
  const reminders = new ReminderScheduler(
    app,
    adapter,
    (calendar) => [...reminderSources(app, calendar), ...(options.extraReminderSources?.(app) ?? [])],
    {
      botAppId,
      timeZone: config.timeZone,
      intervalMinutes: config.reminders.intervalMinutes,
      tenantRatePerSecond: config.reminders.tenantRatePerSecond,
    },
    clock,
    logger,
    // Approval cards left half-sent by a crash or an outage are finished at every sweep.
    () => sharedCards.resume(),
  );
  const bot = new QualibotBot(
    app,
    clock,
    logger,
    () => reminders.runOnce(),
    (topic) => sharedCards.publishSoon(topic),
    createExportLinkIssuer(config.exportLinks, clock),
  );
  const { server, inFlight } = createServer(adapter, bot, app, logger, config.exportLinks.secret);
  return {
    server,
    app,
    reminders,
    sharedCards,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' ? new Error(`Le port ${port} est déjà utilisé : arrêtez l’autre programme ou choisissez PORT=...`) : error);
        };
        server.once('error', onError);
        server.listen(port, host ?? '0.0.0.0', () => {
          server.removeListener('error', onError);
          reminders.start();
          const address = server.address() as { port: number } | string | null;
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async (graceMs = 10_000) => {
      await reminders.stop();
      await sharedCards.settle();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      const deadline = Date.now() + graceMs;
      while (inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (inFlight() > 0) logger.warn({ inFlight: inFlight() }, 'shutdown grace period over with requests in flight');
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
    },
  };
}
