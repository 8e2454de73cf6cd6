import type { Person } from '../directory/person';

/** The zone of the prefecture when the caller does not say (STYLE.md "Time"). */
export const defaultTimeZone = 'Europe/Paris';

const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a French reader expects it, on the prefecture's clock: "12/03/2027 à 10:15". */
export function formatInstantFr(iso: string, timeZone = defaultTimeZone): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} à ${part('hour')}:${part('minute')}`;
}

/** A person's name for a message, or a neutral word when the directory no longer knows them. */
export function nameOf(id: string, people: readonly Pick<Person, 'id' | 'name'>[], unknown = 'une personne inconnue'): string {
  return people.find((person) => person.id === id)?.name ?? unknown;
}
