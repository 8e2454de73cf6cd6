import fc from 'fast-check';
import { addCalendarDays } from '../../services/reminders/calendar';
import type { QuarterId } from '../../services/reminders/quarter';
import {
  daysBeforeEnd,
  nextQuarter,
  parseQuarterId,
  previousQuarter,
  quarterById,
  quarterOf,
} from '../../services/reminders/quarter';

const RUNS = { numRuns: 1000 };

const DAY_ARBITRARY = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
  .map((epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10));

describe('calendar quarters (DOMAIN §1, checked every quarter)', () => {
  it.each([
    ['2027-02-14', { id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' }],
    ['2027-01-01', { id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' }],
    ['2028-02-29', { id: '2028-Q1', start: '2028-01-01', end: '2028-03-31' }],
    ['2027-06-30', { id: '2027-Q2', start: '2027-04-01', end: '2027-06-30' }],
    ['2027-07-01', { id: '2027-Q3', start: '2027-07-01', end: '2027-09-30' }],
    ['2027-12-31', { id: '2027-Q4', start: '2027-10-01', end: '2027-12-31' }],
  ])('puts %s in %j', (date, expected) => {
    expect(quarterOf(date)).toEqual(expected);
  });

  it('steps across the turn of the year in both directions', () => {
    expect(nextQuarter('2027-Q4')).toEqual({ id: '2028-Q1', start: '2028-01-01', end: '2028-03-31' });
    expect(previousQuarter('2027-Q1')).toEqual({ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(nextQuarter('2027-Q2').id).toBe('2027-Q3');
    expect(previousQuarter('2027-Q3').id).toBe('2027-Q2');
  });

  it('counts the "before the quarter ends" reminder back from the last day', () => {
    const q1 = quarterById('2027-Q1');
    expect(daysBeforeEnd(q1, 0)).toBe('2027-03-31');
    expect(daysBeforeEnd(q1, 14)).toBe('2027-03-17');
    expect(daysBeforeEnd(quarterById('2028-Q1'), 31)).toBe('2028-02-29');
    expect(() => daysBeforeEnd(q1, -1)).toThrow(RangeError);
  });

  it('rejects a date that does not exist and an id that is not canonical', () => {
    expect(() => quarterOf('2027-02-30')).toThrow(/2027-02-30/);
    expect(() => quarterById('2027-T1' as QuarterId)).toThrow(/2027-T1/);
  });

  it('contains its day, starts a 3-month block and is followed by the next quarter the day after it ends', () => {
    fc.assert(
      fc.property(DAY_ARBITRARY, (date) => {
        const quarter = quarterOf(date);
        expect(quarter.start <= date && date <= quarter.end).toBe(true);
        expect(['01-01', '04-01', '07-01', '10-01']).toContain(quarter.start.slice(5));
        expect(quarterOf(quarter.start)).toEqual(quarter);
        expect(quarterOf(quarter.end)).toEqual(quarter);
        expect(nextQuarter(quarter.id).start).toBe(addCalendarDays(quarter.end, 1));
        expect(previousQuarter(quarter.id).end).toBe(addCalendarDays(quarter.start, -1));
      }),
      RUNS,
    );
  });

  it('round-trips ids through next/previous and through parsing', () => {
    fc.assert(
      fc.property(DAY_ARBITRARY, (date) => {
        const quarter = quarterOf(date);
        expect(previousQuarter(nextQuarter(quarter.id).id)).toEqual(quarter);
        expect(nextQuarter(previousQuarter(quarter.id).id)).toEqual(quarter);
        expect(quarterById(quarter.id)).toEqual(quarter);
        expect(parseQuarterId(quarter.id)).toBe(quarter.id);
        expect(parseQuarterId(quarter.id.replace('Q', 't'))).toBe(quarter.id);
      }),
      RUNS,
    );
  });
});

describe('parseQuarterId', () => {
  it.each([
    ['2027-Q1', '2027-Q1'],
    ['2027-T1', '2027-Q1'],
    ['2027-q1', '2027-Q1'],
    ['2027-t4', '2027-Q4'],
    [' 2027-T2 ', '2027-Q2'],
  ])('reads %j as %s', (typed, expected) => {
    expect(parseQuarterId(typed)).toBe(expected);
  });

  it.each(['2027-Q5', '2027-Q0', '27-Q1', '', '2027Q1', '2027-X1', 'T1 2027', '2027-Q1x', '02027-Q1'])(
    'rejects %j',
    (typed) => {
      expect(parseQuarterId(typed)).toBeUndefined();
    },
  );
});
