/** Paris wall clock read straight from Intl: a test oracle independent of the calendar under test (which uses tzOffset). */
const parisFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

/** The local date ('YYYY-MM-DD'), time ('HH:mm'), seconds and short weekday of an instant in Paris. */
export function parisWall(instant: Date): { date: string; time: string; seconds: string; weekday: string } {
  const parts = parisFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((candidate) => candidate.type === type);
    if (!found) throw new Error(`Intl gave no ${type}`);
    return found.value;
  };
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    seconds: part('second'),
    weekday: part('weekday'),
  };
}
