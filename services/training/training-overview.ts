import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { mayDeclareFor, type TrainingRecord } from './training-record';
import { recordsByPerson, trainingStatus, type TrainingState, type TrainingStatusLine } from './training-status';
import type { TrainingCounts } from './training-summary';
import type { TrainingType } from './training-type';

/** What « formations » shows someone: their own trainings, their service's (manager), or everyone's (RQ, admin). */
export type TrainingScope = { kind: 'own' } | { kind: 'service'; service: string } | { kind: 'all' };

/** The widest scope a person may see (DOMAIN §2: the quality officer sees all; a manager their service). */
export function trainingScopeOf(person: Pick<Person, 'roles' | 'service'>): TrainingScope {
  if (person.roles.includes('rq') || person.roles.includes('admin')) return { kind: 'all' };
  if (person.roles.includes('manager') && person.service !== undefined) return { kind: 'service', service: person.service };
  return { kind: 'own' };
}

/** The people a training is required of and followed up: reviewed by an admin (not waiting in « annuaire »). */
export function followedPeople<P extends Pick<Person, 'toAssign'>>(people: readonly P[]): P[] {
  return people.filter((person) => !person.toAssign);
}

/** One type's line of the overview: how many covered people are in each state (the yearly report's table). */
export interface TypeCounts {
  type: TrainingType;
  counts: TrainingCounts;
}

/** One person's line of the overview. */
export interface PersonTrainingLines<P> {
  person: P;
  lines: TrainingStatusLine[];
  /** The most urgent state among the lines ('valid' when everything is up to date or nothing is required). */
  worst: TrainingState;
}

/** What a manager's or the quality officer's « formations » card is built from. */
export interface TrainingOverview<P> {
  /** All (person, training) pairs of the group, by state. */
  totals: TrainingCounts;
  /** Per active type, in the catalogue's order. */
  byType: TypeCounts[];
  /** Every person of the group, the most urgent first (expired, never declared, expiring, valid), then by name. */
  people: PersonTrainingLines<P>[];
}

/** Urgency of a state: what the card lists first. */
const urgency: Record<TrainingState, number> = { expired: 0, missing: 1, expiring: 2, valid: 3 };

const emptyCounts = (): TrainingCounts => ({ valid: 0, expiring: 0, expired: 0, missing: 0 });

/** The training status of a group on `today`: totals, counts per type and each person's lines. */
export function trainingOverview<P extends Pick<Person, 'id' | 'name' | 'roles' | 'service'>>(
  people: readonly P[],
  types: readonly TrainingType[],
  records: readonly TrainingRecord[],
  today: LocalDate,
): TrainingOverview<P> {
  const byPerson = recordsByPerson(records);
  const totals = emptyCounts();
  const activeTypes = types.filter((type) => type.active);
  const countsByType = new Map(activeTypes.map((type) => [type.id, emptyCounts()]));
  const lines = people.map((person) => {
    const status = trainingStatus(person, types, byPerson.get(person.id) ?? [], today);
    let worst: TrainingState = 'valid';
    for (const line of status) {
      totals[line.state] += 1;
      const counts = countsByType.get(line.typeId);
      if (counts) counts[line.state] += 1;
      if (urgency[line.state] < urgency[worst]) worst = line.state;
    }
    return { person, lines: status, worst };
  });
  lines.sort((a, b) => urgency[a.worst] - urgency[b.worst] || a.person.name.localeCompare(b.person.name, 'fr'));
  return {
    totals,
    byType: activeTypes.map((type) => ({ type, counts: countsByType.get(type.id) ?? emptyCounts() })),
    people: lines,
  };
}

/** True when the line asks for something: expired, never declared, or to renew within 180 days. */
export function needsAction(line: Pick<TrainingStatusLine, 'state'>): boolean {
  return line.state !== 'valid';
}

/**
 * Whom `declarer` may record a training for (issue: a manager for their service, the quality officer for
 * anyone): the declarer first, then by service and name. Used by the declaration form's person chooser.
 */
export function declarablePeople<P extends Pick<Person, 'id' | 'name' | 'service'>>(
  declarer: Pick<Person, 'id' | 'roles' | 'service'>,
  people: readonly P[],
): P[] {
  return people
    .filter((person) => mayDeclareFor(declarer, person))
    .sort(
      (a, b) =>
        Number(b.id === declarer.id) - Number(a.id === declarer.id) ||
        (a.service ?? '').localeCompare(b.service ?? '') ||
        a.name.localeCompare(b.name, 'fr'),
    );
}
