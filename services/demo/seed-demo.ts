import { demoActionPlan } from '../action-plan/demo-action-plan';
import type { AppServices } from '../app-services';
import { demoCluMeetings } from '../clu/demo-clu';
import { demoComplaints } from '../complaints/demo-complaints';
import type { Person } from '../directory/person';
import { seedDemoFraud } from '../fraud/demo-fraud';
import { demoLabelCalendar } from '../label-calendar/demo-label-calendar';
import { WorkingCalendar } from '../reminders/calendar';
import { defaultTrainingTypes } from '../training/default-training-types';
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
  /** Actions of the demo plan added (the seed's 2021 table and this year's items); 0 once they exist. */
  actionsAdded: number;
  /** Complaints of the current year added (numbers R-<year>-0001…); 0 once they exist. */
  complaintsAdded: number;
  /** Demo fraud signals (last year shaped like the 2020 report, a few this year) and volumes added; 0 once they exist. */
  fraudSignalsAdded: number;
  fraudVolumesAdded: number;
  /** The last CLU meeting (held about 11 months ago, minutes recorded), only into an empty CluMeetings table. */
  cluMeetingsAdded: number;
  /** Obligations of the label calendar (the Cher calendar of CLU 2021 moved to the seeding day) added; 0 once they exist. */
  labelObligationsAdded: number;
}

/**
 * Loads the demo directory, check items and training (types, and records dated from the seeding day). Idempotent:
 * services are upserted, the rest only added when missing, so a second start duplicates nothing and keeps changes
 * made while trying the demo. The action plan (`actionPlan: false` leaves it out, for tests that number their own
 * actions from 01) keeps the numbers of the seed's table.
 */
export async function seedDemo(app: AppServices, options: { actionPlan?: boolean; complaints?: boolean; fraud?: boolean; clu?: boolean; labelCalendar?: boolean } = {}): Promise<SeedReport> {
  await app.services.upsertMany(demoServices);
  const known = new Set((await app.people.list()).map((p) => p.id));
  const createdAt = app.clock.now().toISOString();
  const missing: Person[] = [
    ...demoPeople.map((p) => ({ ...p, toAssign: false, createdAt })),
    { ...demoPendingPerson, toAssign: true, createdAt },
  ].filter((p) => !known.has(p.id));
  for (const person of missing) await app.people.create(person);
  const checkItemsAdded = await app.checkItems.addMissing(demoCheckItems(createdAt));
  // Usually 0: prepareStorage already loaded the default catalogue into the empty table.
  const trainingTypesAdded = await app.trainingTypes.addMissing(defaultTrainingTypes);
  // Training records only for demo people with none yet: what was declared while trying the demo stays as is.
  const withRecords = new Set((await app.trainingRecords.listAll()).map((record) => record.personId));
  const today = new WorkingCalendar({ timeZone: app.timeZone }).localDateOf(app.clock.now());
  const records = demoTrainingRecords(today, createdAt).filter((record) => !withRecords.has(record.personId));
  for (const record of records) await app.trainingRecords.add(record);
  // The action plan by number: an action the demo already has (edited, closed meanwhile) is left as it is.
  const calendar = new WorkingCalendar({ timeZone: app.timeZone });
  const actionsAdded = (options.actionPlan ?? true) ? await app.actions.addMissing(demoActionPlan(app.clock.now(), calendar), 'system', app.clock.now()) : 0;
  // Fraud signals and volumes by number and period; like the plan, left out of tests that count their own.
  const fraud = (options.fraud ?? options.actionPlan ?? true) ? await seedDemoFraud(app, today, createdAt) : { signalsAdded: 0, volumesAdded: 0 };
  return {
    servicesWritten: demoServices.length,
    peopleAdded: missing.length,
    checkItemsAdded,
    trainingTypesAdded,
    trainingRecordsAdded: records.length,
    actionsAdded,
    complaintsAdded: await seedDemoComplaints(app, calendar, options.complaints ?? options.actionPlan ?? true),
    fraudSignalsAdded: fraud.signalsAdded,
    fraudVolumesAdded: fraud.volumesAdded,
    cluMeetingsAdded: await seedDemoClu(app, calendar, options.clu ?? options.actionPlan ?? true),
    // By id, like the plan: an obligation edited or marked done while trying the demo stays as it is; left out of
    // tests that count their own reminders (`labelCalendar` follows `actionPlan`).
    labelObligationsAdded: (options.labelCalendar ?? options.actionPlan ?? true) ? await app.labelCalendar.addMissing(demoLabelCalendar(today, createdAt)) : 0,
  };
}

/**
 * The year's complaints, dated from the seeding day (services/complaints/demo-complaints.ts), by number: one the
 * demo already has is left as it is. Like the action plan, left out when `complaints` is false, which follows
 * `actionPlan` unless given: tests that number their own complaints and count reminders start from an empty table.
 */
async function seedDemoComplaints(app: AppServices, calendar: WorkingCalendar, wanted: boolean): Promise<number> {
  if (!wanted) return 0;
  const commitmentIds = (await app.commitments.list(app.referentiel)).map((commitment) => commitment.id);
  return app.complaints.addMissing(demoComplaints(app.clock.now(), calendar, commitmentIds), 'system', app.clock.now());
}

/**
 * The last CLU meeting (services/clu/demo-clu.ts), dated from the seeding day, only while no meeting is stored: the
 * meetings planned while trying the demo stay as they are. Left out like the plan (`clu` follows `actionPlan`), so
 * tests that count reminders start without the quality officer's « next CLU due » one.
 */
async function seedDemoClu(app: AppServices, calendar: WorkingCalendar, wanted: boolean): Promise<number> {
  if (!wanted || (await app.clu.list()).length > 0) return 0;
  const { meetings, answers } = demoCluMeetings(app.clock.now(), calendar);
  return app.clu.addMissing(meetings, answers);
}
