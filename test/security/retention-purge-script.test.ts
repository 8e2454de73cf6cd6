import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAzurite, type AzuriteInstance } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';
import { createAppServices, prepareStorage, type AppServices } from '../../services/app-services';
import { systemClock } from '../../services/clock';
import { localDateIn } from '../../services/retention/retention-policy';
import { TableStore } from '../../services/storage/table-store';
import { seedRetentionData, type RetentionSeed } from '../support/retention-seed';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/** `npm run purge` as package.json runs it, against one storage, with nothing else from this process's environment. */
async function purgeScript(connectionString: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'scripts/purge.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORAGE_CONNECTION_STRING: connectionString },
    timeout: 90_000,
  });
  return stdout;
}

// The script reads the tables without a prefix: it gets an Azurite of its own, seeded around today's date.
describe('npm run purge', () => {
  let azurite: AzuriteInstance;
  let app: AppServices;
  let seed: RetentionSeed;

  beforeAll(async () => {
    // The seed sits on day boundaries as of today in Paris: never start within 3 minutes of a Paris midnight.
    while (localDateIn(new Date(Date.now() + 180_000), 'Europe/Paris') !== localDateIn(new Date(), 'Europe/Paris')) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    azurite = await startAzurite({ port: await freePort() });
    app = createAppServices(new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString }), systemClock, { referentiel: 'cher', timeZone: 'Europe/Paris' });
    await prepareStorage(app);
    seed = await seedRetentionData(app, systemClock.now());
  }, 330_000);

  afterAll(async () => {
    await azurite?.stop();
  });

  it('says in French what --dry-run would delete, deletes it without the flag, and then finds nothing', async () => {
    const expired = seed.records.filter((record) => record.expired);
    const recent = seed.records.filter((record) => !record.expired);

    const dry = await purgeScript(azurite.connectionString, '--dry-run');
    expect(dry).toContain('Simulation de la purge');
    expect(dry).toContain(`Signalements de fraude à supprimer : ${expired.filter((record) => record.kind === 'fraud-signal').length}`);
    expect(dry).toContain(`Réclamations à supprimer : ${expired.filter((record) => record.kind === 'complaint').length}`);
    for (const record of expired) expect(dry).toContain(record.id);
    for (const record of recent) expect(dry).not.toContain(record.id);
    expect(dry).not.toMatch(/Faux justificatif|Horaires/);
    for (const record of expired) expect(await (record.kind === 'fraud-signal' ? app.fraudSignals.get(record.id) : app.complaints.get(record.id))).toBeDefined();

    const real = await purgeScript(azurite.connectionString);
    expect(real).toContain('Purge du');
    expect(real).toContain('Inscrite au journal d’audit');
    for (const record of expired) expect(await (record.kind === 'fraud-signal' ? app.fraudSignals.get(record.id) : app.complaints.get(record.id))).toBeUndefined();
    for (const record of recent) expect(await (record.kind === 'fraud-signal' ? app.fraudSignals.get(record.id) : app.complaints.get(record.id))).toBeDefined();

    const again = await purgeScript(azurite.connectionString, '--dry-run');
    expect(again).toContain('Signalements de fraude à supprimer : 0');
    expect(again).toContain('Réclamations à supprimer : 0');
  }, 240_000);

  it('refuses a retention period of 0 months, naming the setting', async () => {
    await expect(
      run(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'scripts/purge.ts', '--dry-run'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORAGE_CONNECTION_STRING: azurite.connectionString, RETENTION_FRAUD_UNQUALIFIED_MONTHS: '0' },
        timeout: 90_000,
      }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('RETENTION_FRAUD_UNQUALIFIED_MONTHS') });
  }, 120_000);
});
