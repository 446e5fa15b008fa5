import fc from 'fast-check';
import { ScoringError } from './errors';
import { roundHalfAwayFromZero, roundIndex, roundIndexOrNull } from './rounding';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [77.6, 1, 77.6],
    [194 / 25 * 10, 1, 77.6],
    [77.65, 1, 77.7],
    [77.64999, 1, 77.6],
    [1.005, 2, 1.01],
    [0.3 + 0.3 + 0.3, 1, 0.9],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.25, 1, -0.3],
    [85, 1, 85],
    [100, 1, 100],
  ])('rounds %p to %p decimals as %p', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.01, 1), 0)).toBe(true);
  });

  it('rejects non-finite values and bad decimals with a ScoringError', () => {
    expect(() => roundHalfAwayFromZero(NaN, 1)).toThrow(ScoringError);
    expect(() => roundHalfAwayFromZero(Infinity, 1)).toThrow(ScoringError);
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(/decimals/);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(/decimals/);
  });

  it('roundIndex keeps one decimal and roundIndexOrNull passes null through', () => {
    expect(roundIndex(85.04)).toBe(85);
    expect(roundIndex(85.05)).toBe(85.1);
    expect(roundIndexOrNull(null)).toBeNull();
    expect(roundIndexOrNull(33.33)).toBe(33.3);
  });

  it('is symmetric and lands within half a unit (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        const r = roundHalfAwayFromZero(v, d);
        expect(roundHalfAwayFromZero(-v, d)).toBe(-r || 0);
        expect(Math.abs(r - v)).toBeLessThanOrEqual(0.5 / 10 ** d + 1e-9);
      }),
    );
  });

  it('is exact on tenths written as integers ÷ 10 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (tenths) => {
        expect(roundIndex(tenths / 10)).toBe(tenths / 10);
      }),
    );
  });
});
