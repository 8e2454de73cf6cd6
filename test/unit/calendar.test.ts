import { format, isWeekend, parseISO } from 'date-fns';
import fc from 'fast-check';
import type { LocalDate, SendingWindow } from '../../services/reminders/calendar';
import { parisWall } from '../support/paris-wall-clock';
import {
  WorkingCalendar,
  addCalendarDays,
  dayOfWeek,
  defaultSendingWindow,
  isLocalDate,
} from '../../services/reminders/calendar';

const PARIS = 'Europe/Paris';
const calendar = new WorkingCalendar({ timeZone: PARIS });

/** Weekday names checked with date-fns, so every expectation below sits on the day it claims. */
function weekdayName(date: LocalDate): string {
  return format(parseISO(date), 'EEEE');
}

const utc = (iso: string): Date => new Date(iso);

const DAY_ARBITRARY = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 })
  .map((epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10));

/** Instants from 2020 to 2035, half of them within three days of a change of clocks. */
const DST_CHANGES = [2024, 2025, 2026, 2027, 2028].flatMap((year) => {
  const lastSunday = (month: number): number => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  return [lastSunday(2), lastSunday(9)];
});
const INSTANT_ARBITRARY = fc.oneof(
  fc.date({ min: utc('2020-01-01T00:00:00Z'), max: utc('2035-12-31T23:59:59Z'), noInvalidDate: true }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
    .map(([change, shift]) => new Date(change + shift)),
);

const RUNS = { numRuns: 1000 };

describe('public holidays and working days (metropolitan France)', () => {
  it.each([
    ['2026-01-01', "New Year's Day"],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-01', 'Labour Day'],
    ['2026-05-08', 'Victory in Europe Day'],
    ['2026-05-14', 'Ascension'],
    ['2026-05-25', 'Whit Monday'],
    ['2026-07-14', 'Bastille Day'],
    ['2026-08-15', 'Assumption'],
    ['2026-11-01', "All Saints' Day"],
    ['2026-11-11', 'Armistice Day'],
    ['2026-12-25', 'Christmas'],
    ['2027-01-01', "New Year's Day"],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-01', 'Labour Day'],
    ['2027-05-06', 'Ascension'],
    ['2027-05-08', 'Victory in Europe Day'],
    ['2027-05-17', 'Whit Monday'],
    ['2027-07-14', 'Bastille Day'],
    ['2027-08-15', 'Assumption'],
    ['2027-11-01', "All Saints' Day"],
    ['2027-11-11', 'Armistice Day'],
    ['2027-12-25', 'Christmas'],
  ])('treats %s (%s) as a public holiday and not a working day', (date) => {
    expect(calendar.isPublicHoliday(date)).toBe(true);
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('keeps Good Friday and 26 December as ordinary days, holidays only in Alsace-Moselle', () => {
    expect(weekdayName('2026-04-03')).toBe('Friday');
    expect(weekdayName('2027-03-26')).toBe('Friday');
    for (const goodFriday of ['2026-04-03', '2027-03-26']) {
      expect(calendar.isPublicHoliday(goodFriday)).toBe(false);
      expect(calendar.isWorkingDay(goodFriday)).toBe(true);
    }
    // 26 December is a Saturday in 2026 and a Sunday in 2027, so 2028's (a Tuesday) shows it is worked.
    expect(calendar.isPublicHoliday('2026-12-26')).toBe(false);
    expect(calendar.isPublicHoliday('2027-12-26')).toBe(false);
    expect(weekdayName('2028-12-26')).toBe('Tuesday');
    expect(calendar.isWorkingDay('2028-12-26')).toBe(true);
  });

  it('counts Good Friday and 26 December as holidays for a Moselle prefecture', () => {
    const moselle = new WorkingCalendar({ timeZone: PARIS, holidays: { country: 'FR', state: '57' } });
    expect(moselle.isWorkingDay('2027-03-26')).toBe(false);
    expect(moselle.isWorkingDay('2028-12-26')).toBe(false);
    expect(moselle.isWorkingDay('2027-03-25')).toBe(true);
  });

  it('ignores observances such as Whit Sunday and Mothers’ Day', () => {
    expect(calendar.isPublicHoliday('2027-05-16')).toBe(false);
    expect(calendar.isPublicHoliday('2027-05-30')).toBe(false);
  });

  it('treats Saturdays and Sundays as days off and ordinary weekdays as working days', () => {
    expect(weekdayName('2027-03-27')).toBe('Saturday');
    expect(calendar.isWorkingDay('2027-03-27')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-28')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-30')).toBe(true);
    expect(dayOfWeek('2027-03-28')).toBe(0);
    fc.assert(
      fc.property(DAY_ARBITRARY, (date) => {
        if (isWeekend(parseISO(date))) expect(calendar.isWorkingDay(date)).toBe(false);
        else expect(calendar.isWorkingDay(date)).toBe(!calendar.isPublicHoliday(date));
      }),
      RUNS,
    );
  });

  it('finds the next working day past a weekend followed by Easter Monday', () => {
    expect(calendar.nextWorkingDay('2027-03-26')).toBe('2027-03-30');
    expect(calendar.nextWorkingDay('2027-03-27', { inclusive: true })).toBe('2027-03-30');
    expect(calendar.nextWorkingDay('2027-03-30', { inclusive: true })).toBe('2027-03-30');
    expect(calendar.nextWorkingDay('2027-03-30')).toBe('2027-03-31');
  });

  it('starts the quarter’s checks on its first working day', () => {
    expect(calendar.firstWorkingDayOfQuarter({ start: '2027-01-01' })).toBe('2027-01-04');
    expect(calendar.firstWorkingDayOfQuarter({ start: '2026-01-01' })).toBe('2026-01-02');
    expect(calendar.firstWorkingDayOfQuarter({ start: '2027-10-01' })).toBe('2027-10-01');
  });
});

describe('addWorkingDays (E.17 reply deadlines)', () => {
  it.each([
    ['2026-12-24', 'Thursday', 5, '2027-01-04', 'Christmas, a weekend and New Year are skipped'],
    ['2027-04-27', 'Tuesday', 10, '2027-05-12', 'Ascension is skipped; 1 and 8 May fall on Saturdays'],
    ['2027-05-07', 'Friday', 5, '2027-05-14', 'a Friday plus 5 working days is the next Friday'],
    ['2027-05-14', 'Friday', 5, '2027-05-24', 'Whit Monday is skipped'],
    ['2027-05-01', 'Saturday', 5, '2027-05-10', 'a weekend receipt counts from Monday'],
    ['2027-05-05', 'Wednesday', 0, '2027-05-05', 'zero days is the day itself'],
  ])('received %s (%s) + %i working days is %s: %s', (received, weekday, days, deadline) => {
    expect(weekdayName(received)).toBe(weekday);
    expect(calendar.addWorkingDays(received, days)).toBe(deadline);
  });

  it('lands on a working day, counts exactly n working days and grows with n', () => {
    fc.assert(
      fc.property(DAY_ARBITRARY, fc.integer({ min: 1, max: 30 }), (received, days) => {
        const deadline = calendar.addWorkingDays(received, days);
        expect(calendar.isWorkingDay(deadline)).toBe(true);
        expect(isWeekend(parseISO(deadline))).toBe(false);
        let counted = 0;
        for (let day = addCalendarDays(received, 1); day <= deadline; day = addCalendarDays(day, 1)) {
          if (calendar.isWorkingDay(day)) counted += 1;
        }
        expect(counted).toBe(days);
        expect(calendar.addWorkingDays(received, days + 1) > deadline).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects a negative or fractional count and a malformed date', () => {
    expect(() => calendar.addWorkingDays('2027-05-05', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2027-05-05', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2027-02-29', 1)).toThrow(/2027-02-29/);
    expect(() => calendar.isWorkingDay('2027-5-5')).toThrow(RangeError);
  });
});

describe('calendar-day helpers', () => {
  it('moves across month ends and leap days', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('recognises only existing days written YYYY-MM-DD', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('2027-1-01')).toBe(false);
    expect(isLocalDate('')).toBe(false);
  });
});

describe('local dates and wall-clock instants in Europe/Paris', () => {
  it.each([
    ['2027-03-26', 'Friday', '2027-03-26T07:30:00.000Z'],
    ['2027-03-28', 'Sunday', '2027-03-28T06:30:00.000Z'],
    ['2027-03-29', 'Monday', '2027-03-29T06:30:00.000Z'],
    ['2027-10-29', 'Friday', '2027-10-29T06:30:00.000Z'],
    ['2027-10-31', 'Sunday', '2027-10-31T07:30:00.000Z'],
    ['2027-11-01', 'Monday', '2027-11-01T07:30:00.000Z'],
    ['2026-03-30', 'Monday', '2026-03-30T06:30:00.000Z'],
    ['2026-10-26', 'Monday', '2026-10-26T07:30:00.000Z'],
  ])('puts 08:30 on %s (%s) at %s', (date, weekday, expected) => {
    expect(weekdayName(date)).toBe(weekday);
    expect(calendar.localInstant(date, '08:30').toISOString()).toBe(expected);
  });

  it('maps a wall time the spring change skips to the end of the gap, 03:00 summer time', () => {
    expect(calendar.localInstant('2027-03-28', '01:59').toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(calendar.localInstant('2027-03-28', '02:00').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(calendar.localInstant('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(calendar.localInstant('2027-03-28', '03:00').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('maps a wall time the autumn change repeats to its first, summer-time occurrence', () => {
    expect(calendar.localInstant('2027-10-31', '01:59').toISOString()).toBe('2027-10-30T23:59:00.000Z');
    expect(calendar.localInstant('2027-10-31', '02:00').toISOString()).toBe('2027-10-31T00:00:00.000Z');
    expect(calendar.localInstant('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(calendar.localInstant('2027-10-31', '03:00').toISOString()).toBe('2027-10-31T02:00:00.000Z');
  });

  it('reads the local day of instants near midnight', () => {
    expect(calendar.localDateOf(utc('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
    expect(calendar.localDateOf(utc('2027-10-30T22:30:00Z'))).toBe('2027-10-31');
    expect(calendar.localDateOf(utc('2027-12-31T23:30:00Z'))).toBe('2028-01-01');
    expect(calendar.localDateOf(utc('2027-07-01T21:59:59.999Z'))).toBe('2027-07-01');
  });

  it('agrees with Intl on the local day of any instant', () => {
    fc.assert(
      fc.property(INSTANT_ARBITRARY, (instant) => {
        expect(calendar.localDateOf(instant)).toBe(parisWall(instant).date);
      }),
      RUNS,
    );
  });

  it('reads back the wall time asked unless the clock skipped it, and never goes back for a later time', () => {
    const minute = fc.integer({ min: 0, max: 1439 });
    const time = (minutes: number): string =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const dstDays = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
    fc.assert(
      fc.property(fc.oneof(DAY_ARBITRARY, fc.constantFrom(...dstDays)), minute, minute, (date, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const earlyInstant = calendar.localInstant(date, time(early));
        expect(calendar.localInstant(date, time(late)).getTime()).toBeGreaterThanOrEqual(earlyInstant.getTime());
        const wall = parisWall(earlyInstant);
        expect(wall.date).toBe(date);
        if (wall.time !== time(early)) {
          // Only the spring gap: the instant is the first one after it (03:00 summer time).
          expect(wall.time).toBe('03:00');
          expect(time(early) >= '02:00' && time(early) < '03:00').toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('nextSendingInstant (window 08:30–18:00, Europe/Paris)', () => {
  it.each([
    ['keeps an instant inside the window', '2027-03-30T08:00:00Z', '2027-03-30T08:00:00.000Z'],
    ['keeps 08:30 sharp, where the window opens', '2027-01-05T07:30:00Z', '2027-01-05T07:30:00.000Z'],
    ['keeps 17:59', '2027-01-05T16:59:00Z', '2027-01-05T16:59:00.000Z'],
    ['moves 07:00 to 08:30 the same day', '2027-01-05T06:00:00Z', '2027-01-05T07:30:00.000Z'],
    ['moves 18:00 sharp, where the window closes, to the next morning', '2027-01-05T17:00:00Z', '2027-01-06T07:30:00.000Z'],
    ['moves Friday 18:30 to Monday 08:30', '2027-01-08T17:30:00Z', '2027-01-11T07:30:00.000Z'],
    ['moves Friday 18:30 before Easter Monday to Tuesday 08:30 summer time', '2027-03-26T17:30:00Z', '2027-03-30T06:30:00.000Z'],
    ['moves Bastille Day to the next morning', '2027-07-14T08:00:00Z', '2027-07-15T06:30:00.000Z'],
    ['moves Christmas Eve 18:30 past Christmas and the weekend', '2026-12-24T17:30:00Z', '2026-12-28T07:30:00.000Z'],
    ['moves Friday 18:30 before the autumn change and All Saints to Tuesday 08:30 winter time', '2027-10-29T16:30:00Z', '2027-11-02T07:30:00.000Z'],
    ['moves Friday 18:30 before the spring change of 2026 to Monday 08:30 summer time', '2026-03-27T17:30:00Z', '2026-03-30T06:30:00.000Z'],
    ['moves Friday 18:30 before the autumn change of 2026 to Monday 08:30 winter time', '2026-10-23T16:30:00Z', '2026-10-26T07:30:00.000Z'],
    ['moves the repeated 02:30 of the autumn Sunday to Monday 08:30', '2026-10-25T01:30:00Z', '2026-10-26T07:30:00.000Z'],
  ])('%s', (_why, at, expected) => {
    expect(calendar.nextSendingInstant(utc(at)).toISOString()).toBe(expected);
  });

  it('follows a configured window', () => {
    const mornings = new WorkingCalendar({ timeZone: PARIS, window: { start: '09:00', end: '12:00' } });
    expect(mornings.nextSendingInstant(utc('2027-01-05T11:30:00Z')).toISOString()).toBe('2027-01-06T08:00:00.000Z');
    expect(mornings.nextSendingInstant(utc('2027-01-05T10:59:00Z')).toISOString()).toBe('2027-01-05T10:59:00.000Z');
  });

  it.each([
    ['spring 2026', '2026-03-27', ['2026-03-27T07:30:00.000Z', '2026-03-30T06:30:00.000Z', '2026-03-31T06:30:00.000Z']],
    ['autumn 2026', '2026-10-23', ['2026-10-23T06:30:00.000Z', '2026-10-26T07:30:00.000Z', '2026-10-27T07:30:00.000Z']],
    ['spring 2027', '2027-03-26', ['2027-03-26T07:30:00.000Z', '2027-03-30T06:30:00.000Z', '2027-03-31T06:30:00.000Z']],
    ['autumn 2027', '2027-10-29', ['2027-10-29T06:30:00.000Z', '2027-11-02T07:30:00.000Z', '2027-11-03T07:30:00.000Z']],
  ])('schedules each minute of the %s change weekend once per day, in order', (_change, friday, openings) => {
    // Every minute from Friday 00:00 to the end of the first working day after the weekend.
    const from = calendar.localInstant(friday, '00:00').getTime();
    const to = calendar.localInstant(calendar.nextWorkingDay(friday), '23:59').getTime();
    const goingBack: string[] = [];
    const openingsByDay = new Map<LocalDate, Set<number>>();
    let previous = -Infinity;
    for (let at = from; at <= to; at += 60_000) {
      const sent = calendar.nextSendingInstant(new Date(at)).getTime();
      if (sent < at || sent < previous) goingBack.push(new Date(at).toISOString());
      previous = sent;
      if (sent === at) continue;
      // A reminder moved to a window opening: collect the openings of each local day.
      const day = parisWall(new Date(sent)).date;
      openingsByDay.set(day, (openingsByDay.get(day) ?? new Set<number>()).add(sent));
    }
    expect(goingBack).toEqual([]);
    const perDay = [...openingsByDay.values()];
    expect(perDay.filter((instants) => instants.size > 1)).toEqual([]);
    const instants = perDay.flatMap((day) => [...day]);
    expect(new Set(instants).size).toBe(instants.length);
    expect(instants.map((instant) => new Date(instant).toISOString())).toEqual(openings);
  });

  it('never goes back, is idempotent and lands inside the window of a working day', () => {
    fc.assert(
      fc.property(INSTANT_ARBITRARY, (at) => {
        const sent = calendar.nextSendingInstant(at);
        expect(sent.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(calendar.nextSendingInstant(sent).getTime()).toBe(sent.getTime());
        const wall = parisWall(sent);
        expect(calendar.isWorkingDay(wall.date)).toBe(true);
        expect(wall.time >= defaultSendingWindow.start && wall.time < defaultSendingWindow.end).toBe(true);
        if (sent.getTime() !== at.getTime()) expect(`${wall.time}:${wall.seconds}`).toBe('08:30:00');
      }),
      RUNS,
    );
  });

  it('keeps those guarantees for other windows, even ones over the 02:00–03:00 change hour', () => {
    const time = (minutes: number): string =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const drawn = fc.sample(
      fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 2 }).map(([a = 0, b = 1]) => ({
        start: time(Math.min(a, b)),
        end: time(Math.max(a, b)),
      })),
      { numRuns: 20, seed: 2027 },
    );
    const edges: SendingWindow[] = [
      { start: '00:00', end: '23:59' },
      { start: '02:00', end: '03:00' },
      { start: '02:30', end: '02:45' },
      { start: '02:59', end: '03:00' },
      { start: '01:30', end: '02:30' },
    ];
    // A calendar per window, built once: each computes its own holiday years.
    const calendars = [...edges, ...drawn].map((window) => new WorkingCalendar({ timeZone: PARIS, window }));
    fc.assert(
      fc.property(fc.constantFrom(...calendars), INSTANT_ARBITRARY, (configured, at) => {
        const sent = configured.nextSendingInstant(at);
        expect(sent.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(configured.nextSendingInstant(sent).getTime()).toBe(sent.getTime());
        const wall = parisWall(sent);
        expect(configured.isWorkingDay(wall.date)).toBe(true);
        expect(wall.time >= configured.window.start && wall.time < configured.window.end).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('WorkingCalendar construction', () => {
  it('refuses a bad zone, window or holiday region with a message naming it', () => {
    expect(() => new WorkingCalendar({ timeZone: 'Europe/Pariss' })).toThrow(/Europe\/Pariss/);
    expect(() => new WorkingCalendar({ timeZone: PARIS, window: { start: '18:00', end: '08:30' } })).toThrow(/18:00/);
    expect(() => new WorkingCalendar({ timeZone: PARIS, window: { start: '8:30', end: '18:00' } })).toThrow(/8:30/);
    expect(() => new WorkingCalendar({ timeZone: PARIS, holidays: { country: 'XX' } })).toThrow(/XX/);
    expect(() => new WorkingCalendar({ timeZone: PARIS, holidays: { country: 'FR', state: '99' } })).toThrow(/99/);
  });

  it('refuses an invalid instant', () => {
    expect(() => calendar.nextSendingInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
