import fc from 'fast-check';
import { deviationFrom } from '../../services/report/deviation';

describe('the legend of deviations from target (seed 003, annex 1, part III)', () => {
  it.each([
    // A delay is met at or under its target.
    [9, 9, 'at-most', 'met'],
    [5.9, 9, 'at-most', 'met'],
    [11.24, 9, 'at-most', 'under-25'],
    [11.25, 9, 'at-most', '25-50'],
    [13.5, 9, 'at-most', '25-50'],
    [13.51, 9, 'at-most', 'over-50'],
    [64, 30, 'at-most', 'over-50'],
    // A rate is met at or over its target.
    [90, 90, 'at-least', 'met'],
    [91.96, 90, 'at-least', 'met'],
    [67.51, 90, 'at-least', 'under-25'],
    [67.5, 90, 'at-least', '25-50'],
    [45, 90, 'at-least', '25-50'],
    [44.99, 90, 'at-least', 'over-50'],
    [3.1, 5, 'at-least', '25-50'],
    [0.54, 0.5, 'at-least', 'met'],
  ] as const)('classes %d against %d (%s) as %s', (value, target, direction, expected) => {
    expect(deviationFrom(value, target, direction)?.class).toBe(expected);
  });

  it('puts exactly 25 % and exactly 50 % in the middle class, whatever the float noise', () => {
    expect(deviationFrom(37.5, 30, 'at-most')).toEqual({ class: '25-50', gap: 0.25 });
    expect(deviationFrom(45, 30, 'at-most')).toEqual({ class: '25-50', gap: 0.5 });
    expect(deviationFrom(3.75, 5, 'at-least')).toEqual({ class: '25-50', gap: 0.25 });
    expect(deviationFrom(0.7, 1.4, 'at-least')).toEqual({ class: '25-50', gap: 0.5 });
  });

  it('has no class without a positive target or a finite value', () => {
    expect(deviationFrom(5, undefined, 'at-most')).toBeUndefined();
    expect(deviationFrom(5, 0, 'at-least')).toBeUndefined();
    expect(deviationFrom(Number.NaN, 9, 'at-most')).toBeUndefined();
  });

  it('never gets better as a delay gets longer (property)', () => {
    const order = ['met', 'under-25', '25-50', 'over-50'];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0.1, max: 500, noNaN: true }), (a, b, target) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const first = order.indexOf(deviationFrom(short, target, 'at-most')?.class ?? '');
        const second = order.indexOf(deviationFrom(long, target, 'at-most')?.class ?? '');
        expect(first).toBeLessThanOrEqual(second);
      }),
    );
  });
});
