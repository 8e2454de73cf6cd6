import { startAzurite } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';

/** Starts one real Azurite (in memory, free port) shared by every integration test file; workers read its address from the environment. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ port: await freePort() });
  (globalThis as { __azurite?: unknown }).__azurite = azurite;
  process.env.QUALIBOT_TEST_STORAGE = azurite.connectionString;
}
