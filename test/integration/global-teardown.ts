import type { AzuriteInstance } from '../../scripts/lib/azurite';

/** Stops the Azurite started by global-setup. */
export default async function globalTeardown(): Promise<void> {
  const azurite = (globalThis as { __azurite?: AzuriteInstance }).__azurite;
  await azurite?.stop();
}
