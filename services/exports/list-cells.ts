import type { Person } from '../directory/person';

/** Cell helpers shared by the lists exported for auditors (export-lists.ts, audit-export.ts). */

/** A person as the quality officer reads them in a file: the e-mail, else the id (as the plan's export). */
export function personCell(id: string | undefined, people: ReadonlyMap<string, Pick<Person, 'email'>>): string {
  if (id === undefined || id === '') return '';
  return people.get(id)?.email ?? id;
}

/** The directory by id, for personCell. */
export function peopleById<P extends Pick<Person, 'id'>>(people: readonly P[]): Map<string, P> {
  return new Map(people.map((person) => [person.id, person]));
}

/** OUI / NON, blank when unknown. */
export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'OUI' : 'NON';
}

/** An instant as a local wall-clock time, "2026-11-23 10:15" in the prefecture's zone. */
export function localDateTime(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
