import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import type { TrainingRecord } from './training-record';
import { recordsByPerson, trainingStatus, type TrainingState } from './training-status';
import type { TrainingType } from './training-type';

/** How many (person, training) pairs are in each state: a manager's digest, the quality officer's overview. */
export type TrainingCounts = Record<TrainingState, number>;

/**
 * Counts the training states of a group of people on `today` (a service for its manager, everyone for the
 * quality officer; the yearly report's "agents trained per commitment" reads the same statuses).
 */
export function countTrainingStates(
  people: readonly Pick<Person, 'id' | 'roles' | 'service'>[],
  types: readonly TrainingType[],
  records: readonly TrainingRecord[],
  today: LocalDate,
): TrainingCounts {
  const counts: TrainingCounts = { valid: 0, expiring: 0, expired: 0, missing: 0 };
  const byPerson = recordsByPerson(records);
  for (const person of people) {
    for (const line of trainingStatus(person, types, byPerson.get(person.id) ?? [], today)) counts[line.state] += 1;
  }
  return counts;
}
