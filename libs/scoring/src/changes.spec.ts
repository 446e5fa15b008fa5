import fc from 'fast-check';
import { compareItems, comparePeriods, compareSamples, marginOfError } from './changes';
import { itemSample } from './index-sample';
import { measureItem } from './item-index';
import { resolveScale } from './scales';
import { arbitraryDistribution, scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const ratio = resolveScale('five-level-ratio');

describe('marginOfError', () => {
  it('is 1.96 × √(se₁² + se₂²) on the index scale', () => {
    expect(marginOfError({ index: 80, standardError: 2 }, { index: 75, standardError: 2 })).toBeCloseTo(1.96 * Math.sqrt(4 + 4), 12);
  });

  it('is 1.96 × √(s₁²/n₁ + s₂²/n₂) for items: the worked ten-point item of domain.md §4 twice', () => {
    // 6×2, 7×5, 8×15, 9×3: Σx = 194, Σx² = 1520, s² = (25 × 1520 − 194²) / (25 × 24) = 0.60667 points² = 60.667 index²
    const worked = itemSample(measureItem(ten, { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } }));
    expect(worked.index).toBeCloseTo(77.6, 12);
    expect(worked.standardError).toBeCloseTo(Math.sqrt(60.6667 / 25), 4);
    expect(marginOfError(worked, worked)).toBeCloseTo(1.96 * Math.sqrt((2 * 60.6667) / 25), 3); // 4.32
  });

  it('needs a standard error on both sides (n ≥ 2)', () => {
    expect(marginOfError(itemSample(measureItem(ten, { counts: { '8': 1 } })), { index: 75, standardError: 2 })).toBeNull();
    expect(marginOfError({ index: 80, standardError: 1 }, { index: 75, standardError: null })).toBeNull();
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
    expect(p.variance).toBeCloseTo(60.6667, 4);
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
    expect(r.smallestRise?.key).toBe('function');
    expect(r.largestFall).toBeNull();
    expect(r.smallestFall).toBeNull();
  });

  it('does not flag a small change on a small, spread-out sample (15 respondents)', () => {
    const previous = { counts: { '5': 3, '7': 4, '8': 4, '10': 4 } };
    const current = { counts: { '5': 2, '7': 5, '8': 4, '10': 4 } };
    const [change] = compareItems([{ key: 'x', scale: ten, current, previous }]).changes;
    // 115 → 117 points over 15: 76.7 → 78.0
    expect(change).toMatchObject({ previous: 76.7, current: 78, delta: 1.3, significant: false });
    expect(change.marginOfError as number).toBeGreaterThan(1.3);
  });

  it('finds what rose and fell most and least among items', () => {
    const r = compareItems([
      { key: 'a', scale: ratio, current: { counts: { satisfied: 10 } }, previous: { counts: { neutral: 10 } } }, // +20
      { key: 'b', scale: ratio, current: { counts: { neutral: 10 } }, previous: { counts: { satisfied: 5, neutral: 5 } } }, // −10
      { key: 'c', scale: ratio, current: { counts: { dissatisfied: 4 } }, previous: { counts: { satisfied: 4 } } }, // −50
      { key: 'd', scale: ratio, current: { counts: { satisfied: 2, neutral: 2 } }, previous: { counts: { neutral: 4 } } }, // +10
    ]);
    expect(r.changes.map((c) => c.delta)).toEqual([20, -10, -50, 10]);
    expect(r.largestRise?.key).toBe('a');
    expect(r.smallestRise?.key).toBe('d');
    expect(r.largestFall?.key).toBe('c');
    expect(r.smallestFall?.key).toBe('b');
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
        const now = itemSample(measureItem(ten, current));
        const before = itemSample(measureItem(ten, previous));
        if (c.significant === null) return;
        const margin = marginOfError(now, before) as number;
        expect(c.significant).toBe(Math.abs((now.index as number) - (before.index as number)) > margin);
      }),
    );
  });
});

describe('comparePeriods (dimensions, slices)', () => {
  const plain = (index: number | null) => ({ index, standardError: null });

  it('computes deltas from the reported figures so the table adds up; no standard error, no significance test', () => {
    const r = comparePeriods([
      { key: 'quality', current: plain(82.26), previous: plain(80.04) },
      { key: 'service', current: plain(75), previous: plain(78.5) },
      { key: 'price', current: plain(70), previous: plain(70) },
    ]);
    // 82.3 − 80.0 = 2.3 (the exact difference 2.22 would print 2.2 beside 82.3 and 80.0)
    expect(r.changes[0]).toEqual({ key: 'quality', current: 82.3, previous: 80, delta: 2.3, marginOfError: null, significant: null });
    expect(r.largestRise?.key).toBe('quality');
    expect(r.largestFall?.key).toBe('service');
    // an unchanged figure neither rose nor fell
    expect(r.changes[2].delta).toBe(0);
    expect([r.smallestRise?.key, r.smallestFall?.key]).toEqual(['quality', 'service']);
  });

  it('tests a product’s change against the margin of its standard errors', () => {
    // se 2.0 and 1.5: margin 1.96 × 2.5 = 4.9
    const [rise, flat] = comparePeriods([
      { key: 'pumps', current: { index: 86, standardError: 2 }, previous: { index: 80, standardError: 1.5 } },
      { key: 'valves', current: { index: 83, standardError: 2 }, previous: { index: 80, standardError: 1.5 } },
    ]).changes;
    expect(rise).toEqual({ key: 'pumps', current: 86, previous: 80, delta: 6, marginOfError: 4.9, significant: true });
    expect(flat).toMatchObject({ delta: 3, marginOfError: 4.9, significant: false });
  });

  it('picks the first on ties, for most and least alike', () => {
    const r = comparePeriods(
      [['a', 2], ['b', 5], ['c', 2], ['d', 5], ['e', -3], ['f', -3]].map(([key, d]) => ({ key: key as string, current: plain(50 + (d as number)), previous: plain(50) })),
    );
    expect([r.largestRise?.key, r.smallestRise?.key, r.largestFall?.key, r.smallestFall?.key]).toEqual(['b', 'a', 'e', 'e']);
  });

  it('handles missing periods and refuses duplicate keys', () => {
    expect(comparePeriods([{ key: 'a', current: null, previous: plain(50) }]).changes[0]).toMatchObject({ current: null, previous: 50, delta: null });
    expect(scoringErrorOf(() => comparePeriods([{ key: 'a', current: null, previous: null }, { key: 'a', current: null, previous: null }])).code).toBe('INVALID_ARGUMENT');
  });

  it('no entries → nothing rose or fell', () => {
    expect(comparePeriods([])).toEqual({ changes: [], largestRise: null, smallestRise: null, largestFall: null, smallestFall: null });
  });
});

describe('compareSamples', () => {
  it('pairs what both periods have, in the current order', () => {
    const r = compareSamples(
      { service: { index: 70, standardError: 1 }, quality: { index: 80, standardError: 1 }, price: { index: 60, standardError: 1 } },
      { quality: { index: 75, standardError: 1 }, service: { index: 72, standardError: 1 }, delivery: { index: 90, standardError: 1 } },
    );
    expect(r.changes.map((c) => [c.key, c.delta])).toEqual([
      ['service', -2],
      ['quality', 5],
    ]);
  });
});
