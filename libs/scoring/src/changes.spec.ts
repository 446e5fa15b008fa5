import fc from 'fast-check';
import { compareItems, comparePeriods, marginOfError } from './changes';
import { measureItem } from './item-index';
import { resolveScale } from './scales';
import { arbitraryDistribution, scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const ratio = resolveScale('five-level-ratio');

describe('marginOfError', () => {
  it('is 1.96 × √(s₁²/n₁ + s₂²/n₂) on the index scale', () => {
    expect(marginOfError({ index: 80, n: 25, variance: 100 }, { index: 75, n: 16, variance: 64 })).toBeCloseTo(1.96 * Math.sqrt(4 + 4), 12);
  });

  it('needs n ≥ 2 and a variance on both sides', () => {
    expect(marginOfError({ index: 80, n: 1, variance: 0 }, { index: 75, n: 16, variance: 64 })).toBeNull();
    expect(marginOfError({ index: 80 }, { index: 75, n: 16, variance: 64 })).toBeNull();
    expect(marginOfError({ index: 80, n: 20, variance: null }, { index: 75, n: 16, variance: 64 })).toBeNull();
  });
});

describe('compareItems (from both periods’ distributions)', () => {
  const previousWorked = { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } }; // 77.6, n 25, s² = 60.67 (index²)

  it('flags a rise larger than the margin of error as significant', () => {
    // 25 answers: 8×10, 9×10, 10×5 → 88.0
    const current = { counts: { '8': 10, '9': 10, '10': 5 } };
    const r = compareItems([{ key: 'function', scale: ten, current, previous: previousWorked }]);
    const c = measureItem(ten, current);
    const p = measureItem(ten, previousWorked);
    const margin = 1.96 * Math.sqrt((c.variance as number) / 25 + (p.variance as number) / 25);
    expect(r.changes[0]).toEqual({
      key: 'function',
      current: 88,
      previous: 77.6,
      delta: 10.4,
      marginOfError: Math.round(margin * 10) / 10,
      significant: true,
    });
    expect(margin).toBeLessThan(10.4);
    expect(r.largestRise?.key).toBe('function');
    expect(r.largestFall).toBeNull();
  });

  it('does not flag a small change on a small, spread-out sample (15 respondents)', () => {
    const previous = { counts: { '5': 3, '7': 4, '8': 4, '10': 4 } };
    const current = { counts: { '5': 2, '7': 5, '8': 4, '10': 4 } };
    const [change] = compareItems([{ key: 'x', scale: ten, current, previous }]).changes;
    // 115 → 117 points over 15: 76.7 → 78.0
    expect(change).toMatchObject({ previous: 76.7, current: 78, delta: 1.3, significant: false });
    expect(change.marginOfError as number).toBeGreaterThan(1.3);
  });

  it('finds the largest rise and fall among items', () => {
    const r = compareItems([
      { key: 'a', scale: ratio, current: { counts: { satisfied: 10 } }, previous: { counts: { neutral: 10 } } }, // +20
      { key: 'b', scale: ratio, current: { counts: { neutral: 10 } }, previous: { counts: { satisfied: 5, neutral: 5 } } }, // −10
      { key: 'c', scale: ratio, current: { counts: { dissatisfied: 4 } }, previous: { counts: { satisfied: 4 } } }, // −50
      { key: 'd', scale: ratio, current: { counts: { satisfied: 2, neutral: 2 } }, previous: { counts: { neutral: 4 } } }, // +10
    ]);
    expect(r.changes.map((c) => c.delta)).toEqual([20, -10, -50, 10]);
    expect(r.largestRise?.key).toBe('a');
    expect(r.largestFall?.key).toBe('c');
    // Both periods unanimous: zero spread, so any change is beyond the margin.
    expect(r.changes[0]).toMatchObject({ marginOfError: 0, significant: true });
  });

  it('an item missing in one period has no delta and no significance', () => {
    const r = compareItems([{ key: 'new', scale: ten, current: { counts: { '8': 3 } }, previous: { counts: {}, notApplicable: 2 } }]);
    expect(r.changes[0]).toEqual({ key: 'new', current: 80, previous: null, delta: null, marginOfError: null, significant: null });
    expect(r.largestRise).toBeNull();
  });

  it('single respondent on a side → delta but no significance test', () => {
    const [c] = compareItems([{ key: 'x', scale: ten, current: { counts: { '9': 1 } }, previous: { counts: { '7': 3, '8': 3 } } }]).changes;
    expect(c).toEqual({ key: 'x', current: 90, previous: 75, delta: 15, marginOfError: null, significant: null });
  });

  it('the significance flag agrees with |delta| > margin (property)', () => {
    fc.assert(
      fc.property(arbitraryDistribution(ten, 6), arbitraryDistribution(ten, 6), (current, previous) => {
        const [c] = compareItems([{ key: 'x', scale: ten, current, previous }]).changes;
        const now = measureItem(ten, current);
        const before = measureItem(ten, previous);
        if (c.significant === null) return;
        const margin = marginOfError(now, before) as number;
        expect(c.significant).toBe(Math.abs((now.index as number) - (before.index as number)) > margin);
      }),
    );
  });
});

describe('comparePeriods (dimensions, slices: plain indices)', () => {
  it('computes deltas from the reported figures so the table adds up, without a significance test', () => {
    const r = comparePeriods([
      { key: 'quality', current: { index: 82.26 }, previous: { index: 80.04 } },
      { key: 'service', current: { index: 75 }, previous: { index: 78.5 } },
      { key: 'price', current: { index: 70 }, previous: { index: 70 } },
    ]);
    // 82.3 − 80.0 = 2.3 (the exact difference 2.22 would print 2.2 beside 82.3 and 80.0)
    expect(r.changes[0]).toEqual({ key: 'quality', current: 82.3, previous: 80, delta: 2.3, marginOfError: null, significant: null });
    expect(r.largestRise?.key).toBe('quality');
    expect(r.largestFall?.key).toBe('service');
    expect(r.changes[2].delta).toBe(0);
  });

  it('handles missing periods and refuses duplicate keys', () => {
    expect(comparePeriods([{ key: 'a', current: null, previous: { index: 50 } }]).changes[0]).toMatchObject({ current: null, previous: 50, delta: null });
    expect(scoringErrorOf(() => comparePeriods([{ key: 'a', current: null, previous: null }, { key: 'a', current: null, previous: null }])).code).toBe('INVALID_ARGUMENT');
  });

  it('no entries → no rise or fall', () => {
    expect(comparePeriods([])).toEqual({ changes: [], largestRise: null, largestFall: null });
  });
});
