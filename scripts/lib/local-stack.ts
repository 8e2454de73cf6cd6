import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { createBotApp, type BotApp } from '../../bot/create-bot-app';
import { systemClock } from '../../services/clock';
import { seedDemo, type SeedReport } from '../../services/demo/seed-demo';
import { createLogger, type LogDestination } from '../../services/logger';
import { startAzurite, type AzuriteInstance } from './azurite';
import { startPlayground, type PlaygroundInstance } from './playground';
import { personaConfig, type Persona } from './playground-personas';
import { isPortFree } from './ports';

/** Where each part of the local stack listens. */
export interface LocalStackPorts {
  bot: number;
  playground: number;
  azurite: number;
}

/** Options of a local stack: ports, persistence, who the Playground acts as. */
export interface LocalStackOptions {
  ports: LocalStackPorts;
  /** Folder for Azurite's data (kept between runs); in memory when absent. */
  dataDirectory?: string;
  /** An existing storage instead of the embedded Azurite. */
  connectionString?: string;
  persona: Persona;
  logLevel?: string;
  /** Where the bot's log lines go (stdout when absent); tests capture them. */
  logDestination?: LogDestination;
  /** Prefix for table names (tests share an Azurite). */
  tablePrefix?: string;
}

/** A running stack: Azurite, the bot, the Playground pointed at it. */
export interface LocalStack {
  bot: BotApp;
  playground: PlaygroundInstance;
  azurite?: AzuriteInstance;
  seed: SeedReport;
  /** Stops everything started, in reverse order; safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown before anything starts when a port is taken, with what to do about it. */
export class PortInUseError extends Error {
  constructor(readonly busy: { name: string; port: number; variable: string }[]) {
    super(
      busy
        .map((b) => `Le port ${b.port} (${b.name}) est déjà utilisé. Arrêtez le programme qui l’occupe ou choisissez un autre port : ${b.variable}=...`)
        .join('\n'),
    );
    this.name = 'PortInUseError';
  }
}

/** Checks the fixed ports first, so a clash gives one clear message instead of a half-started stack. */
async function assertPortsFree(ports: LocalStackPorts, needAzurite: boolean): Promise<void> {
  const wanted = [
    { name: 'bot', port: ports.bot, variable: 'PORT' },
    { name: 'Agents Playground', port: ports.playground, variable: 'PLAYGROUND_PORT' },
    ...(needAzurite ? [{ name: 'Azurite', port: ports.azurite, variable: 'AZURITE_PORT' }] : []),
  ].filter((w) => w.port !== 0);
  const busy = [];
  for (const w of wanted) if (!(await isPortFree(w.port))) busy.push(w);
  if (busy.length > 0) throw new PortInUseError(busy);
}

/** Starts Azurite (unless a connection string is given), the bot with demo data, and the Playground. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  await assertPortsFree(options.ports, !options.connectionString);
  const stopped: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    while (stopped.length > 0) await stopped.pop()?.().catch(() => undefined);
  };
  try {
    let azurite: AzuriteInstance | undefined;
    let connectionString = options.connectionString;
    if (!connectionString) {
      azurite = await startAzurite({ port: options.ports.azurite, location: options.dataDirectory });
      stopped.push(() => azurite?.stop() ?? Promise.resolve());
      connectionString = azurite.connectionString;
    }
    const config = loadConfig({ ...process.env, STORAGE_CONNECTION_STRING: connectionString, STORAGE_ACCOUNT_URL: '', MicrosoftAppId: '' });
    const logger = createLogger(options.logLevel ?? config.logLevel, {}, options.logDestination);
    const bot = await createBotApp(config, systemClock, logger, { tablePrefix: options.tablePrefix });
    const seed = await seedDemo(bot.app);
    const botPort = await bot.listen(options.ports.bot, '127.0.0.1');
    stopped.push(() => bot.close());
    const playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: options.ports.playground,
      config: personaConfig(options.persona),
      env: { TZ: config.timeZone },
    });
    stopped.push(() => playground.stop());
    return { bot, playground, azurite, seed, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Default folder of the dev stack's Azurite data (git-ignored). */
export const defaultDataDirectory = join(__dirname, '..', '..', '.data', 'azurite');
