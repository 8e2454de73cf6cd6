import { systemClock } from '../services/clock';
import { createLogger } from '../services/logger';
import { ConfigurationError, loadConfig } from './config';
import { createBotApp } from './create-bot-app';

/** Production entry (`npm run serve`): the bot alone, configured from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.auth.kind === 'local') logger.warn('No MicrosoftAppId: authentication is OFF (local development only)');
  if (config.exportLinks.secretGenerated) logger.warn('No EXPORT_LINK_SECRET: download links are signed with a random secret and stop working at restart');
  const bot = await createBotApp(config, systemClock, logger);
  const port = await bot.listen(config.port);
  logger.info({ port }, 'Qualibot listening on /api/messages');
  // Stop accepting, let turns in flight finish (they are redelivered by Teams if cut short), then exit.
  const stop = () => {
    logger.info('stopping: draining requests in flight');
    void bot.close(10_000).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
