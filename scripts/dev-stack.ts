import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultDataDirectory, PortInUseError, startLocalStack } from './lib/local-stack';
import { personas } from './lib/playground-personas';

/** How to use `npm start`, printed with --help or on a bad option. */
const usage = `npm start [-- --as <${personas.join('|')}>] [--in-memory]
  --as         demo person the Playground acts as (default: alex, quality officer and admin)
  --in-memory  keep Azurite's data in memory (default: persisted under .data/azurite)
Environment: PORT (bot, 3978), PLAYGROUND_PORT (56150), AZURITE_PORT (10002), STORAGE_CONNECTION_STRING (skip Azurite).`;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const envSchema = z.object({ PORT: port(3978), PLAYGROUND_PORT: port(56150), AZURITE_PORT: port(10002) });

/** `npm start`: Azurite + the bot on demo data + the Agents Playground, in one terminal; Ctrl-C stops all of it. */
async function main(): Promise<void> {
  const started = Date.now();
  let args;
  try {
    args = parseArgs({ options: { as: { type: 'string', default: 'alex' }, 'in-memory': { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  const persona = personas.find((p) => p === args.as?.toLowerCase());
  if (args.help || !persona) {
    if (!persona) console.error(`Persona inconnue « ${args.as} ».`);
    console.log(usage);
    process.exit(args.help ? 0 : 2);
  }
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    console.error(`Port invalide : ${env.error.issues.map((i) => i.path.join('.')).join(', ')} (un nombre entre 1 et 65535).`);
    process.exit(2);
  }

  console.log('Démarrage de Qualibot (Azurite, bot, Agents Playground)…');
  let stack;
  try {
    stack = await startLocalStack({
      ports: { bot: env.data.PORT, playground: env.data.PLAYGROUND_PORT, azurite: env.data.AZURITE_PORT },
      dataDirectory: args['in-memory'] ? undefined : defaultDataDirectory,
      connectionString: process.env.STORAGE_CONNECTION_STRING || undefined,
      persona,
      logLevel: process.env.LOG_LEVEL ?? 'warn',
    });
  } catch (error) {
    console.error(error instanceof PortInUseError ? error.message : `Échec du démarrage : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Qualibot est prêt en ${seconds} s.
  Ouvrez ${stack.playground.url} (Agents Playground, vous êtes ${persona})
  Bot : http://localhost:${env.data.PORT}/api/messages · santé : http://localhost:${env.data.PORT}/healthz
  Données de démonstration : ${stack.seed.peopleAdded} personne(s) ajoutée(s)${stack.seed.peopleAdded === 0 ? ' (déjà chargées)' : ''}
Tapez « aide » dans le chat. Ctrl-C pour tout arrêter.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} reçu : arrêt…`);
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
