import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigurationError, loadConfig } from '../bot/config';
import { storageTarget } from '../bot/create-bot-app';
import { AuditRepository } from '../services/audit/audit-repository';
import { systemClock } from '../services/clock';
import { purgeSummaryLines } from '../services/retention/purge-text';
import { purgeExpiredRecords, retentionTables } from '../services/retention/retention-purge';
import { tableNames } from '../services/storage/table-names';
import { azuriteConnectionString, TableStore, type StorageTarget } from '../services/storage/table-store';
import { startAzurite, type AzuriteInstance } from './lib/azurite';
import { defaultDataDirectory } from './lib/local-stack';
import { isPortFree } from './lib/ports';

const usage = `npm run purge [-- --dry-run]
  --dry-run  dit ce qui serait supprimé (nombres et numéros), sans rien supprimer ni écrire
Durées : RETENTION_FRAUD_CLOSED_MONTHS (60), RETENTION_FRAUD_UNQUALIFIED_MONTHS (6), RETENTION_COMPLAINTS_CLOSED_MONTHS (60).
Stockage : STORAGE_CONNECTION_STRING ou STORAGE_ACCOUNT_URL ; sans eux, l’Azurite local de npm start (.data/azurite, AZURITE_PORT).`;

/**
 * The storage to purge: the configured one, else the local Azurite of `npm start` on AZURITE_PORT, started on its
 * data folder for the run when it is not running.
 */
async function openStorage(target: StorageTarget | 'local'): Promise<{ target: StorageTarget; azurite?: AzuriteInstance }> {
  if (target !== 'local') return { target };
  const port = z.coerce.number().int().min(1).max(65535).default(10002).parse(process.env.AZURITE_PORT || undefined);
  if (!(await isPortFree(port))) return { target: { kind: 'connectionString', connectionString: azuriteConnectionString(port) } };
  const azurite = await startAzurite({ port, location: defaultDataDirectory });
  return { target: { kind: 'connectionString', connectionString: azurite.connectionString }, azurite };
}

/** `npm run purge [-- --dry-run]`: deletes the records whose retention ran out (docs/OPERATIONS.md). */
async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch {
    console.error(`Option non reconnue.\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigurationError ? error.message : String(error));
    process.exit(2);
  }
  const { target, azurite } = await openStorage(config.storage.kind === 'localAzurite' ? 'local' : storageTarget(config.storage));
  try {
    const store = new TableStore(target);
    await store.ensureTables();
    const report = await purgeExpiredRecords(retentionTables(store), {
      now: systemClock.now(),
      periods: config.retention,
      timeZone: config.timeZone,
      dryRun: values['dry-run'] === true,
      audit: new AuditRepository(store.table(tableNames.audit), systemClock),
    });
    console.log(purgeSummaryLines(report, config.timeZone).join('\n'));
  } finally {
    await azurite?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Échec de la purge : ${error instanceof Error ? error.message : String(error)}. Relancez-la : elle reprend où elle s’est arrêtée.`);
  process.exit(1);
});
