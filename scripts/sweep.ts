import { parseArgs } from 'node:util';
import { ConfigurationError, loadConfig } from '../bot/config';
import { createBotApp } from '../bot/create-bot-app';
import { systemClock } from '../services/clock';
import { createLogger } from '../services/logger';

const usage = 'npm run sweep [-- --at 2027-01-04T08:30:00+01:00]   (instant ISO 8601 ; maintenant par défaut)';

/**
 * `npm run sweep -- --at <ISO instant>`: one reminder sweep as of that instant, against the configured storage,
 * then a one-line JSON summary (planned, sent, deferred, failed, unreachable).
 */
async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({ options: { at: { type: 'string' }, help: { type: 'boolean' } } }).values;
  } catch {
    console.error(usage);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const at = values.at === undefined ? systemClock.now() : new Date(values.at);
  const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (Number.isNaN(at.getTime()) || (values.at !== undefined && !isoInstant.test(values.at))) {
    console.error(`Instant invalide « ${values.at} » : attendu un instant ISO 8601 avec fuseau, par exemple 2027-01-04T08:30:00+01:00.\n${usage}`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig({ ...process.env, SWEEP_INTERVAL_MINUTES: '0' });
  } catch (error) {
    console.error(error instanceof ConfigurationError ? error.message : String(error));
    process.exit(2);
  }
  const bot = await createBotApp(config, systemClock, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const report = await bot.reminders.runOnce(at);
  console.log(JSON.stringify({ at: at.toISOString(), ...report }));
}

main().catch((error: unknown) => {
  console.error(`Échec du passage des rappels : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
