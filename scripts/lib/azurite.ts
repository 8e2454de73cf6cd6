import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { azuriteConnectionString } from '../../services/storage/table-store';
import { startProcess, type ManagedProcess } from './child-process';
import { waitFor } from './ports';

/** A running Azurite table service. */
export interface AzuriteInstance {
  port: number;
  connectionString: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

const binary = join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-table');

/** Starts Azurite's table service on a port, in memory or persisted under `location`, and waits until it answers. */
export async function startAzurite(options: { port: number; location?: string }): Promise<AzuriteInstance> {
  const args = ['--tableHost', '127.0.0.1', '--tablePort', String(options.port), '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else args.push('--inMemoryPersistence');
  const azurite = startProcess(binary, args);
  const url = `http://127.0.0.1:${options.port}/devstoreaccount1/Tables`;
  try {
    await waitFor(`Azurite on port ${options.port}`, async () => {
      if (azurite.child.exitCode !== null) throw new Error(`Azurite exited: ${azurite.output()}`);
      const response = await fetch(url).catch(() => undefined);
      return response !== undefined; // any HTTP answer (even 403 without auth) means it is up
    });
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  // Azurite saves its database on SIGINT only; SIGTERM would lose what a persisted instance holds.
  return { port: options.port, connectionString: azuriteConnectionString(options.port), process: azurite, stop: () => azurite.stop(5000, 'SIGINT') };
}
