import type { Person } from '../directory/person';
import type { WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder } from '../reminders/reminder';
import { declareTrainingAction, trainingReminderText } from './training-reminder-text';
import type { TrainingRecord } from './training-record';
import { stagesToPlan, trackOf } from './training-stages';
import { coveredTypes, latestRecordsOf, recordsByPerson } from './training-status';
import type { TrainingType } from './training-type';

export { planManagerTrainingDigests } from './training-digest';

/** What the training planners read: the directory, the catalogue, the records, and the sweep's time window. */
export interface TrainingPlanInput {
  people: readonly Person[];
  types: readonly TrainingType[];
  records: readonly TrainingRecord[];
  /** End of the previous sweep; undefined on the first sweep (then only what is due now, once). */
  since?: Date;
  now: Date;
  calendar: WorkingCalendar;
}

/**
 * Training reminders to the person (DOMAIN §2): 180, 90 and 30 days before expiry, then every 14 days while
 * expired; a covered person with nothing on record is overdue from the day they were registered. Returns the
 * reminders whose `notBefore` is in (since, now]. The key holds the expiry, so a new completion starts a new
 * cycle with fresh keys and the old cycle's reminders stop: "training:<person>:<type>:<expiry|none>:<stage>".
 */
export function planTrainingReminders(input: TrainingPlanInput): PlannedReminder[] {
  const { people, types, records, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const byPerson = recordsByPerson(records);
  const planned: PlannedReminder[] = [];
  for (const person of people) {
    const latest = latestRecordsOf(person.id, byPerson.get(person.id) ?? []);
    for (const type of coveredTypes(person, types)) {
      const track = trackOf(person, type, latest.get(type.id), calendar);
      for (const { stage, notBefore, sendDay } of stagesToPlan(track, { since, now }, calendar)) {
        planned.push({
          key: `training:${person.id}:${type.id}:${track.expiresOn ?? 'none'}:${stage}`,
          recipientId: person.id,
          notBefore: notBefore.toISOString(),
          text: trainingReminderText(type, stage, track.expiresOn, sendDay),
          action: declareTrainingAction(type.id),
        });
      }
    }
  }
  return planned;
}
