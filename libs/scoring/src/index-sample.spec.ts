import fc from 'fast-check';
import { itemSample, weightedSample } from './index-sample';
import { measureItem } from './item-index';
import { scoreQuestionnaire } from './questionnaire';
import { resolveScale } from './scales';

const ten = resolveScale('ten-point');

describe('weightedSample', () => {
  it('is the weighted mean with Σ wᵢ·seᵢ as the standard error', () => {
    const r = weightedSample(
      [
        { key: 'a', weight: 3, index: 80, standardError: 2 },
        { key: 'b', weight: 1, index: 60, standardError: 4 },
      ],
      'test',
    );
    expect(r).toEqual({ index: 75, standardError: 2.5, missing: [] });
  });

  it('renormalises over the parts with an index, like the mean', () => {
    const r = weightedSample(
      [
        { key: 'a', index: 80, standardError: 2 },
        { key: 'b', index: null, standardError: null },
      ],
      'test',
    );
    expect(r).toEqual({ index: 80, standardError: 2, missing: ['b'] });
  });

  it('has no standard error when a part with an index has none (a single answer)', () => {
    const single = itemSample(measureItem(ten, { counts: { '9': 1 } }));
    expect(weightedSample([{ key: 'a', index: 80, standardError: 2 }, { key: 'b', ...single }], 'test').standardError).toBeNull();
  });

  it('is never narrower than the true standard error of respondents who answer every item (property)', () => {
    const answer = fc.integer({ min: 1, max: 10 });
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer), { minLength: 2, maxLength: 40 }), (rows) => {
        const tally = (pick: (r: [number, number]) => number) => ({ counts: rows.reduce<Record<string, number>>((c, r) => ({ ...c, [pick(r)]: (c[pick(r)] ?? 0) + 1 }), {}) });
        const bound = weightedSample(
          [
            { key: 'a', ...itemSample(measureItem(ten, tally((r) => r[0]))) },
            { key: 'b', ...itemSample(measureItem(ten, tally((r) => r[1]))) },
          ],
          'test',
        ).standardError as number;
        // each respondent's dimension index, and the standard error of its mean
        const own = rows.map(([a, b]) => (a + b) * 5);
        const mean = own.reduce((s, x) => s + x, 0) / own.length;
        const trueError = Math.sqrt(own.reduce((s, x) => s + (x - mean) ** 2, 0) / (own.length - 1) / own.length);
        expect(bound).toBeGreaterThanOrEqual(trueError - 1e-9);
      }),
    );
  });
});

describe('scoreQuestionnaire samples', () => {
  it('carries exact dimension and overall indices with their standard errors', () => {
    const worked = { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } }; // 77.6, se √(60.667 / 25)
    const flat = { counts: { '9': 4 } }; // 90, se 0
    const r = scoreQuestionnaire(
      [
        { key: 'quality', weight: 3, items: [{ key: 'function', scale: ten }, { key: 'finish', scale: ten }] },
        { key: 'price', weight: 1, items: [{ key: 'value', scale: ten }] },
      ],
      { function: worked, finish: flat, value: worked },
    );
    const se = Math.sqrt(60.6667 / 25);
    expect(r.samples.dimensions.quality.index).toBeCloseTo(83.8, 12);
    expect(r.samples.dimensions.quality.standardError).toBeCloseTo(se / 2, 4);
    expect(r.samples.dimensions.price.standardError).toBeCloseTo(se, 4);
    // overall 0.75 × 83.8 + 0.25 × 77.6; se bound 0.75 × se/2 + 0.25 × se
    expect(r.samples.overall.index).toBeCloseTo(82.25, 12);
    expect(r.samples.overall.standardError).toBeCloseTo(0.625 * se, 4);
  });
});
