import { randomBytes } from 'node:crypto';
import { createAppServices, prepareStorage, type AppServices } from '../../services/app-services';
import { fixedClock, type Clock } from '../../services/clock';
import { TableStore } from '../../services/storage/table-store';

/** The Azurite started by the integration suite's global setup. */
export function testConnectionString(): string {
  const connectionString = process.env.QUALIBOT_TEST_STORAGE;
  if (!connectionString) throw new Error('QUALIBOT_TEST_STORAGE is not set: run integration tests through jest --selectProjects integration');
  return connectionString;
}

/** A table-name prefix no other test uses, so test files share one Azurite without seeing each other's rows. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

/** App services over fresh, prepared tables in the test Azurite. */
export async function freshAppServices(clock: Clock = fixedClock('2026-11-23T09:00:00Z')): Promise<AppServices> {
  const store = new TableStore({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  const app = createAppServices(store, clock, { referentiel: 'cher', timeZone: 'Europe/Paris' });
  await prepareStorage(app);
  return app;
}

/** A clock tests can move forward. */
export function movableClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}
