import fc from 'fast-check';
import { pearson } from './correlation';

describe('pearson', () => {
  it('is 1 for a perfect positive and −1 for a perfect negative linear relation', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBe(-1);
  });

  it('matches a hand-computed value', () => {
    // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → 6 / √60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it('is null with zero variance on either side, fewer than 2 pairs, or mismatched lengths', () => {
    expect(pearson([0.8, 0.8, 0.8], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    expect(pearson([], [])).toBeNull();
    expect(pearson([1, 2], [1, 2, 3])).toBeNull();
  });

  it('stays within −1..1 and is symmetric (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10 })), { minLength: 2, maxLength: 40 }), (pairs) => {
        const xs = pairs.map((p) => p[0]);
        const ys = pairs.map((p) => p[1]);
        const r = pearson(xs, ys);
        expect(pearson(ys, xs)).toBe(r);
        if (r !== null) {
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
