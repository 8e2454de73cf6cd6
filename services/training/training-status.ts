import { addMonths, format } from 'date-fns';
import type { Person } from '../directory/person';
import { isLocalDate, type LocalDate } from '../reminders/calendar';
import { daysBetween } from './training-dates';
import type { TrainingRecord } from './training-record';
import { isCoveredBy, type TrainingType } from './training-type';

/** A training is "to renew" this many days before it expires: the first reminder stage (DOMAIN §2: 180 days). */
export const expiringWithinDays = 180;

/** Where a person stands for one training. */
export type TrainingState = 'valid' | 'expiring' | 'expired' | 'missing';

/** One line of a person's training status. */
export interface TrainingStatusLine {
  typeId: string;
  /** Day of the latest completion, if any. */
  lastCompletedOn?: LocalDate;
  /** First day the latest completion no longer counts. */
  expiresOn?: LocalDate;
  state: TrainingState;
  /** Days from today to `expiresOn`: 0 on the expiry day, negative once expired; absent when missing. */
  daysLeft?: number;
}

/**
 * Day a completion stops counting: completion + validity (DOMAIN §2, "expiry = completion + 4 years"), with
 * date-fns `addMonths`, which clamps to the end of a shorter month: 29 Feb 2024 + 12 months is 28 Feb 2025,
 * 29 Feb 2096 + 48 months is 28 Feb 2100 (not a leap year). That is fine: the training lasts a day less, never more.
 */
export function expiryOf(completedOn: LocalDate, validityMonths: number): LocalDate {
  if (!isLocalDate(completedOn)) throw new RangeError(`Invalid date "${completedOn}": expected YYYY-MM-DD`);
  if (!Number.isInteger(validityMonths) || validityMonths < 1) throw new RangeError(`Invalid validity ${validityMonths}`);
  // Local noon, set field by field: no zone offset or midnight gap can move the day, and years < 100 stay put.
  const day = new Date(2000, 0, 1, 12);
  day.setFullYear(Number(completedOn.slice(0, 4)), Number(completedOn.slice(5, 7)) - 1, Number(completedOn.slice(8, 10)));
  return format(addMonths(day, validityMonths), 'yyyy-MM-dd');
}

/** The active training types this person must hold (inactive types are required of nobody). */
export function coveredTypes(person: Pick<Person, 'roles' | 'service'>, types: readonly TrainingType[]): TrainingType[] {
  return types.filter((type) => type.active && isCoveredBy(person, type.requiredFor));
}

/** The latest record of each type for one person: the latest completion wins, then the latest declaration. */
export function latestRecordsOf(personId: string, records: readonly TrainingRecord[]): Map<string, TrainingRecord> {
  const latest = new Map<string, TrainingRecord>();
  for (const record of records) {
    if (record.personId !== personId) continue;
    const current = latest.get(record.typeId);
    const isLater =
      !current ||
      record.completedOn > current.completedOn ||
      (record.completedOn === current.completedOn && Date.parse(record.declaredAt) > Date.parse(current.declaredAt));
    if (isLater) latest.set(record.typeId, record);
  }
  return latest;
}

/** Records grouped by person, so each person's latest records are found without scanning everyone's. */
export function recordsByPerson(records: readonly TrainingRecord[]): Map<string, TrainingRecord[]> {
  const grouped = new Map<string, TrainingRecord[]>();
  for (const record of records) {
    const own = grouped.get(record.personId);
    if (own) own.push(record);
    else grouped.set(record.personId, [record]);
  }
  return grouped;
}

/** State of one training on `today` given its latest record (or none). */
export function statusLine(type: TrainingType, record: TrainingRecord | undefined, today: LocalDate): TrainingStatusLine {
  if (!record) return { typeId: type.id, state: 'missing' };
  const expiresOn = expiryOf(record.completedOn, type.validityMonths);
  const daysLeft = daysBetween(today, expiresOn);
  const state: TrainingState = daysLeft <= 0 ? 'expired' : daysLeft <= expiringWithinDays ? 'expiring' : 'valid';
  return { typeId: type.id, lastCompletedOn: record.completedOn, expiresOn, state, daysLeft };
}

/**
 * A person's training status on `today`: one line per active type covering them, in the order of `types`.
 * Expired from the expiry day on; expiring within 180 days of it; a covered person with no record is missing.
 */
export function trainingStatus(
  person: Pick<Person, 'id' | 'roles' | 'service'>,
  types: readonly TrainingType[],
  records: readonly TrainingRecord[],
  today: LocalDate,
): TrainingStatusLine[] {
  const latest = latestRecordsOf(person.id, records);
  return coveredTypes(person, types).map((type) => statusLine(type, latest.get(type.id), today));
}
