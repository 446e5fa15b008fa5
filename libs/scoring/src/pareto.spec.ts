import fc from 'fast-check';
import { measureItem } from './item-index';
import { lostPoints, lostPointsPareto, lowestItems } from './pareto';
import { resolveScale } from './scales';
import { scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');

describe('lowestItems', () => {
  const items = [
    { key: 'reception', index: 92 },
    { key: 'cleaning', index: 71.5 },
    { key: 'refreshments', index: 80 },
    { key: 'parking', index: null },
    { key: 'signage', index: 71.5 },
  ];

  it('returns the n lowest, lowest first, skipping items without an index and keeping ties in input order', () => {
    expect(lowestItems(items, 3).map((i) => i.key)).toEqual(['cleaning', 'signage', 'refreshments']);
  });

  it('returns fewer when there are fewer items, none for 0', () => {
    expect(lowestItems(items, 10)).toHaveLength(4);
    expect(lowestItems(items, 0)).toEqual([]);
    expect(lowestItems([], 3)).toEqual([]);
  });

  it('keeps the caller’s objects and does not reorder the input', () => {
    const copy = [...items];
    expect(lowestItems(items, 1)[0]).toBe(items[1]);
    expect(items).toEqual(copy);
  });

  it('rejects a bad count', () => {
    expect(scoringErrorOf(() => lowestItems(items, -1)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('lostPoints', () => {
  it('is (100 − index) × n, i.e. (max − mean) × n rescaled to index points', () => {
    const m = measureItem(ten, { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } });
    // (10 − 7.76) × 25 = 56 raw points = 560 index points
    expect(lostPoints(m)).toBeCloseTo(560, 9);
    expect(lostPoints({ n: 0, index: null })).toBe(0);
  });
});

describe('lostPointsPareto', () => {
  it('sorts by lost points with share and cumulative share', () => {
    const rows = lostPointsPareto([
      { key: 'delivery', lostPoints: 100 },
      { key: 'price', lostPoints: 500 },
      { key: 'service', lostPoints: 300 },
      { key: 'quality', lostPoints: 100 },
    ]);
    expect(rows).toEqual([
      { key: 'price', lostPoints: 500, share: 50, cumulativeShare: 50 },
      { key: 'service', lostPoints: 300, share: 30, cumulativeShare: 80 },
      { key: 'delivery', lostPoints: 100, share: 10, cumulativeShare: 90 },
      { key: 'quality', lostPoints: 100, share: 10, cumulativeShare: 100 },
    ]);
  });

  it('sums entries sharing a key (breakdown by cause category)', () => {
    const rows = lostPointsPareto([
      { key: 'logistics', lostPoints: 10 },
      { key: 'product', lostPoints: 15 },
      { key: 'logistics', lostPoints: 10 },
    ]);
    expect(rows.map((r) => [r.key, r.lostPoints, r.share])).toEqual([
      ['logistics', 20, 57.1],
      ['product', 15, 42.9],
    ]);
  });

  it('nothing lost → every share 0', () => {
    expect(lostPointsPareto([{ key: 'a', lostPoints: 0 }])).toEqual([{ key: 'a', lostPoints: 0, share: 0, cumulativeShare: 0 }]);
    expect(lostPointsPareto([])).toEqual([]);
  });

  it('rejects negative lost points', () => {
    expect(scoringErrorOf(() => lostPointsPareto([{ key: 'a', lostPoints: -1 }])).message).toContain('"a"');
  });

  it('cumulative share rises to 100.0 and shares are sorted descending (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 15 }).filter((xs) => xs.some((x) => x > 0)), (xs) => {
        const rows = lostPointsPareto(xs.map((lost, i) => ({ key: `k${i}`, lostPoints: lost })));
        expect(rows[rows.length - 1].cumulativeShare).toBe(100);
        rows.slice(1).forEach((row, i) => {
          expect(row.lostPoints).toBeLessThanOrEqual(rows[i].lostPoints);
          expect(row.cumulativeShare).toBeGreaterThanOrEqual(rows[i].cumulativeShare);
        });
      }),
    );
  });
});
