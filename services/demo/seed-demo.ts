import type { AppServices } from '../app-services';
import type { Person } from '../directory/person';
import { WorkingCalendar } from '../reminders/calendar';
import { demoTrainingTypes } from '../training/demo-training-types';
import { demoCheckItems } from './demo-check-items';
import { demoPendingPerson, demoPeople, demoServices } from './demo-directory';
import { demoTrainingRecords } from './demo-training-records';

/** What a demo seeding wrote. */
export interface SeedReport {
  servicesWritten: number;
  peopleAdded: number;
  checkItemsAdded: number;
  trainingTypesAdded: number;
  trainingRecordsAdded: number;
}

/**
 * Loads the demo directory, check items and training (types, and records dated from the seeding day). Idempotent:
 * services are upserted, the rest only added when missing, so a second start duplicates nothing and keeps changes
 * made while trying the demo.
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
  const trainingTypesAdded = await app.trainingTypes.addMissing(demoTrainingTypes);
  // Training records only for demo people with none yet: what was declared while trying the demo stays as is.
  const withRecords = new Set((await app.trainingRecords.listAll()).map((record) => record.personId));
  const today = new WorkingCalendar({ timeZone: app.timeZone }).localDateOf(app.clock.now());
  const records = demoTrainingRecords(today, createdAt).filter((record) => !withRecords.has(record.personId));
  for (const record of records) await app.trainingRecords.add(record);
  return {
    servicesWritten: demoServices.length,
    peopleAdded: missing.length,
    checkItemsAdded,
    trainingTypesAdded,
    trainingRecordsAdded: records.length,
  };
}
