import fc from 'fast-check';
import { normaliseWeights, weightedIndex } from './weights';
import { scoringErrorOf } from './__tests__/support';

describe('normaliseWeights', () => {
  it('defaults to equal weights', () => {
    expect(normaliseWeights([{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'd' }], 'x')).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('normalises by the sum: 60/20/20 ≡ 0.6/0.2/0.2', () => {
    const percent = normaliseWeights([{ key: 'a', weight: 60 }, { key: 'b', weight: 20 }, { key: 'c', weight: 20 }], 'x');
    const fraction = normaliseWeights([{ key: 'a', weight: 0.6 }, { key: 'b', weight: 0.2 }, { key: 'c', weight: 0.2 }], 'x');
    expect(percent).toEqual([0.6, 0.2, 0.2]);
    fraction.forEach((w, i) => expect(w).toBeCloseTo(percent[i], 12));
  });

  it('weights summing to 0 → INVALID_WEIGHTS', () => {
    const e = scoringErrorOf(() => normaliseWeights([{ key: 'a', weight: 0 }, { key: 'b', weight: 0 }], 'dimensions'));
    expect(e.code).toBe('INVALID_WEIGHTS');
    expect(e.message).toBe('dimensions: weights sum to 0, so no weighted mean exists');
  });

  it.each([-1, NaN, Infinity])('rejects a weight of %p naming the part', (w) => {
    const e = scoringErrorOf(() => normaliseWeights([{ key: 'quality', weight: w }, { key: 'b', weight: 1 }], 'dimensions'));
    expect(e.code).toBe('INVALID_WEIGHTS');
    expect(e.message).toContain('"quality"');
  });

  it('refuses weights on some parts only', () => {
    const e = scoringErrorOf(() => normaliseWeights([{ key: 'a', weight: 1 }, { key: 'b' }], 'items'));
    expect(e.code).toBe('INVALID_WEIGHTS');
    expect(e.message).toContain('missing: b');
  });

  it('refuses duplicate keys', () => {
    expect(scoringErrorOf(() => normaliseWeights([{ key: 'a' }, { key: 'a' }], 'items')).message).toContain('"a" appears more than once');
  });

  it('always sums to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0)), (ws) => {
        const normalised = normaliseWeights(ws.map((weight, i) => ({ key: `k${i}`, weight })), 'x');
        expect(normalised.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('weightedIndex', () => {
  it('overall with quality 0.4, service 0.3, delivery 0.1, price 0.2', () => {
    const r = weightedIndex(
      [
        { key: 'quality', weight: 0.4, index: 90 },
        { key: 'service', weight: 0.3, index: 80 },
        { key: 'delivery', weight: 0.1, index: 70 },
        { key: 'price', weight: 0.2, index: 60 },
      ],
      'dimensions',
    );
    // 36 + 24 + 7 + 12 = 79
    expect(r.index).toBeCloseTo(79, 12);
    expect(r.missing).toEqual([]);
  });

  it('plain arithmetic mean of five service dimensions', () => {
    const r = weightedIndex([80, 85, 90, 75, 70].map((index, i) => ({ key: `d${i}`, index })), 'dimensions');
    expect(r.index).toBeCloseTo(80, 12);
  });

  it('leaves out and reports parts without an index, renormalising the rest (never counted as 0)', () => {
    const r = weightedIndex(
      [
        { key: 'quality', weight: 0.4, index: 90 },
        { key: 'service', weight: 0.3, index: null },
        { key: 'price', weight: 0.3, index: 60 },
      ],
      'dimensions',
    );
    // (0.4 × 90 + 0.3 × 60) / 0.7
    expect(r.index).toBeCloseTo(54 / 0.7, 12);
    expect(r.missing).toEqual(['service']);
  });

  it('no part with an index → null, all reported missing', () => {
    expect(weightedIndex([{ key: 'a', index: null }, { key: 'b', index: null }], 'x')).toEqual({ index: null, missing: ['a', 'b'] });
  });

  it('no parts at all → null', () => {
    expect(weightedIndex([], 'x')).toEqual({ index: null, missing: [] });
  });

  it('only zero-weight parts have an index → null', () => {
    expect(weightedIndex([{ key: 'a', weight: 1, index: null }, { key: 'b', weight: 0, index: 50 }], 'x')).toEqual({ index: null, missing: ['a'] });
  });

  it('stays between the smallest and largest part (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), index: fc.double({ min: 0, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 10 }),
        (parts) => {
          const r = weightedIndex(parts.map((p, i) => ({ key: `k${i}`, ...p })), 'x');
          const indices = parts.map((p) => p.index);
          expect(r.index as number).toBeGreaterThanOrEqual(Math.min(...indices) - 1e-9);
          expect(r.index as number).toBeLessThanOrEqual(Math.max(...indices) + 1e-9);
        },
      ),
    );
  });
});
