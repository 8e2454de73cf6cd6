import fc from 'fast-check';
import Holidays from 'date-holidays';
import { channelRules, complaintChannels } from '../../services/complaints/complaint-channels';
import { acknowledgementDueOn, answeredOnTime, effectiveReceiptDay, isLate, replyDueOn } from '../../services/complaints/complaint-deadline';
import { WorkingCalendar } from '../../services/reminders/calendar';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });

// An oracle independent of WorkingCalendar: date-holidays' public days of metropolitan France, and plain UTC
// day arithmetic.
const holidays = new Holidays('FR', { types: ['public'] });
const holidaysOf = new Map<number, Set<string>>();
function isHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  let set = holidaysOf.get(year);
  if (!set) holidaysOf.set(year, (set = new Set(holidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))));
  return set.has(day);
}
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekday = (day: string) => weekday(day) !== 0 && weekday(day) !== 6;
const isWorking = (day: string) => isWeekday(day) && !isHoliday(day);
/** Working days in (from, to]. */
function workingDaysIn(from: string, to: string): number {
  let count = 0;
  for (let day = plusDays(from, 1); day <= to; day = plusDays(day, 1)) if (isWorking(day)) count += 1;
  return count;
}
/** The naive count: weekdays only, holidays ignored, counted from the day of receipt. */
function naiveDue(received: string, n: number): string {
  let day = received;
  for (let counted = 0; counted < n; ) {
    day = plusDays(day, 1);
    if (isWeekday(day)) counted += 1;
  }
  return day;
}
/** Easter Sunday (anonymous Gregorian computus), to find Easter Monday and Ascension without date-holidays. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const years = Array.from({ length: 16 }, (_, index) => 2020 + index);
const dayIn2020To2035 = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));

describe('reply deadlines in working days (E.17)', () => {
  it('gives 5 working days for an e-mail and 10 for a letter, the day of receipt not counted', () => {
    expect(channelRules.email.replyWithinWorkingDays).toBe(5);
    expect(channelRules.letter.replyWithinWorkingDays).toBe(10);
    // Friday 12 March 2027 + 5 working days = Friday 19 March; a letter: Friday 26 March.
    expect(replyDueOn('2027-03-12', 'email', calendar)).toBe('2027-03-19');
    expect(replyDueOn('2027-03-12', 'letter', calendar)).toBe('2027-03-26');
  });

  it('counts a request received on a weekend or a holiday from the next working day', () => {
    expect(effectiveReceiptDay('2027-03-13', calendar)).toBe('2027-03-15');
    expect(replyDueOn('2027-03-13', 'email', calendar)).toBe('2027-03-22');
    // 14 July 2027 is a Wednesday: received that day, it counts from Thursday 15.
    expect(replyDueOn('2027-07-14', 'email', calendar)).toBe('2027-07-22');
  });

  it('skips Easter Monday and Ascension: 29 March and 6 May 2027', () => {
    // Thursday 25 March: Fri 26 (1), Easter Monday 29 skipped, Tue 30 (2) … Fri 2 April (5).
    expect(replyDueOn('2027-03-25', 'email', calendar)).toBe('2027-04-02');
    // Wednesday 5 May: Ascension Thursday 6 skipped, Fri 7 (1), Mon 10 … Thu 13 (5).
    expect(replyDueOn('2027-05-05', 'email', calendar)).toBe('2027-05-13');
  });

  it('expects the acknowledgement of an e-mail the next working day (17.3)', () => {
    expect(acknowledgementDueOn('2027-03-12', calendar)).toBe('2027-03-15');
    expect(channelRules.email.acknowledgement).toBe(true);
    expect(channelRules.letter.acknowledgement).toBe(false);
  });

  it('always falls on a working day, exactly N working days after the day counting starts from (2020–2035)', () => {
    fc.assert(
      fc.property(dayIn2020To2035, fc.constantFrom(...complaintChannels), (received, channel) => {
        const due = replyDueOn(received, channel, calendar);
        const start = effectiveReceiptDay(received, calendar);
        expect(isWorking(due)).toBe(true);
        expect(isHoliday(due)).toBe(false);
        expect(isWorking(start)).toBe(true);
        expect(start >= received).toBe(true);
        expect(workingDaysIn(received, start)).toBe(received === start ? 0 : 1);
        expect(workingDaysIn(start, due)).toBe(channelRules[channel].replyWithinWorkingDays);
        expect(due > received).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(years)('skips Easter Monday and Ascension in %i, which a weekdays-only count would not', (year) => {
    const easterMonday = plusDays(easter(year), 1);
    const ascension = plusDays(easter(year), 39);
    for (const holiday of [easterMonday, ascension]) {
      expect(isHoliday(holiday)).toBe(true);
      expect(calendar.isWorkingDay(holiday)).toBe(false);
      let before = plusDays(holiday, -1);
      while (!isWeekday(before)) before = plusDays(before, -1);
      const due = replyDueOn(before, 'email', calendar);
      expect(due > holiday).toBe(true);
      expect(due > naiveDue(before, 5)).toBe(true);
      expect(workingDaysIn(effectiveReceiptDay(before, calendar), due)).toBe(5);
    }
  });
});

describe('answered in time (17.1, 17.2)', () => {
  const by = '00000000-0000-0000-0000-0000000000022';
  const at = '2027-03-20T10:00:00.000Z';
  const base = { initialDueOn: '2027-03-19' };

  it('is unknown until a reply on the substance, true when it comes by the due date, false after', () => {
    expect(answeredOnTime({ ...base, replies: [] })).toBeUndefined();
    expect(answeredOnTime({ ...base, replies: [{ kind: 'substance', on: '2027-03-19', by, at }] })).toBe(true);
    expect(answeredOnTime({ ...base, replies: [{ kind: 'substance', on: '2027-03-22', by, at }] })).toBe(false);
  });

  it('moves the due date to the forecast of a holding reply sent in time', () => {
    const holding = { kind: 'holding' as const, on: '2027-03-18', forecastOn: '2027-04-09', by, at };
    expect(answeredOnTime({ ...base, replies: [holding, { kind: 'substance', on: '2027-04-09', by, at }] })).toBe(true);
    expect(answeredOnTime({ ...base, replies: [holding, { kind: 'substance', on: '2027-04-12', by, at }] })).toBe(false);
  });

  it('does not excuse a delay already missed with a late holding reply', () => {
    const late = { kind: 'holding' as const, on: '2027-03-22', forecastOn: '2027-04-09', by, at };
    expect(answeredOnTime({ ...base, replies: [late, { kind: 'substance', on: '2027-04-01', by, at }] })).toBe(false);
  });

  it('calls an open complaint late the day after its due date in force', () => {
    expect(isLate({ state: 'open', dueOn: '2027-03-19' }, '2027-03-19')).toBe(false);
    expect(isLate({ state: 'open', dueOn: '2027-03-19' }, '2027-03-20')).toBe(true);
    expect(isLate({ state: 'answered', dueOn: '2027-03-19' }, '2027-03-20')).toBe(false);
  });
});
