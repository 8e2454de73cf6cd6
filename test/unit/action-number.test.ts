import fc from 'fast-check';
import { actionIdSchema, compareActionIds, formatActionId, nextActionId, parseActionId } from '../../services/action-plan/action-number';

describe('action numbers (YYYY-NN, per year)', () => {
  it('follows the highest number of the year, with two digits at least', () => {
    expect(nextActionId(2021, ['2021-07', '2021-03', '2020-15'])).toBe('2021-08');
    expect(nextActionId(2022, ['2021-07'])).toBe('2022-01');
    expect(nextActionId(2021, ['2021-99'])).toBe('2021-100');
    expect(nextActionId(2021, ['2021-05', 'n’importe quoi'])).toBe('2021-06');
  });

  it('reads numbers as people type them and writes them canonically', () => {
    expect(parseActionId('2021-7')).toEqual({ id: '2021-07', year: 2021, row: 7 });
    expect(parseActionId(' 2021/07 ')?.id).toBe('2021-07');
    expect(parseActionId('2021-0')).toBeUndefined();
    expect(parseActionId('21-07')).toBeUndefined();
    expect(formatActionId(2021, 12)).toBe('2021-12');
    expect(() => formatActionId(2021, 0)).toThrow(RangeError);
  });

  it('stores only canonical numbers', () => {
    expect(actionIdSchema.safeParse('2021-07').success).toBe(true);
    for (const bad of ['2021-7', '2021-007', '2021-00', '2021/07']) expect(actionIdSchema.safeParse(bad).success).toBe(false);
  });

  it('sorts in plan order, 2021-09 before 2021-10 before 2021-100', () => {
    expect(['2021-100', '2022-01', '2021-10', '2021-09'].sort(compareActionIds)).toEqual(['2021-09', '2021-10', '2021-100', '2022-01']);
  });

  it('never gives a number already taken, and round-trips format and parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.array(fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 9998 }))), (year, taken) => {
        const ids = taken.map(([y, row]) => formatActionId(y, row));
        const next = nextActionId(year, ids);
        expect(ids).not.toContain(next);
        expect(actionIdSchema.safeParse(next).success).toBe(true);
        expect(parseActionId(next)?.year).toBe(year);
        for (const id of ids) expect(parseActionId(id)?.id).toBe(id);
      }),
    );
  });
});
