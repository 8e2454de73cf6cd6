import type { AppServices } from '../app-services';
import type { Person } from '../directory/person';
import { demoCheckItems } from './demo-check-items';
import { demoPendingPerson, demoPeople, demoServices } from './demo-directory';

/** What a demo seeding wrote. */
export interface SeedReport {
  servicesWritten: number;
  peopleAdded: number;
  checkItemsAdded: number;
}

/**
 * Loads the demo directory. Idempotent: services are upserted, people only added when missing, so a second
 * start duplicates nothing and keeps changes made while trying the demo.
 */
export async function seedDemo(app: AppServices): Promise<SeedReport> {
  await app.services.upsertMany(demoServices);
  const known = new Set((await app.people.list()).map((p) => p.id));
  const createdAt = app.clock.now().toISOString();
  const missing: Person[] = [
    ...demoPeople.map((p) => ({ ...p, toAssign: false, createdAt })),
    { ...demoPendingPerson, toAssign: true, createdAt },
  ].filter((p) => !known.has(p.id));
  for (const person of missing) await app.people.create(person);
  const checkItemsAdded = await app.checkItems.addMissing(demoCheckItems(createdAt));
  return { servicesWritten: demoServices.length, peopleAdded: missing.length, checkItemsAdded };
}
