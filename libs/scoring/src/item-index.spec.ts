import fc from 'fast-check';
import { tallyAnswers } from './distribution';
import { answerIndex, indexMapping, itemIndex, measureItem } from './item-index';
import { resolveScale, SCALE_PRESETS } from './scales';
import { arbitraryDistribution, scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const five = resolveScale('five-point');
const ratio = resolveScale('five-level-ratio');
const three = resolveScale('three-level');
const worked = { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } };

describe('itemIndex (ratio to max, the default)', () => {
  it('domain.md worked example: ten-point 6×2, 7×5, 8×15, 9×3 → mean 7.76, index 77.6 exactly', () => {
    expect(itemIndex(ten, worked)).toEqual({ n: 25, notApplicable: 0, mean: 7.76, index: 77.6 });
  });

  it('ten-point index = mean × 10', () => {
    expect(itemIndex(ten, { counts: { '7': 1, '8': 1 } }).index).toBe(75);
  });

  it('five-level ratio: points are already ratios (mean 0.8 → 80)', () => {
    expect(itemIndex(ratio, { counts: { satisfied: 10 } }).index).toBe(80);
    // 2×1.0 + 5×0.8 + 2×0.6 + 1×0.3 = 7.5 over 10 → 75
    expect(itemIndex(ratio, { counts: { 'very-satisfied': 2, satisfied: 5, neutral: 2, dissatisfied: 1 } })).toEqual({
      n: 10,
      notApplicable: 0,
      mean: 0.75,
      index: 75,
    });
  });

  it('avoids binary-float artefacts on sums of fractional points (3 × 0.3 → 30, not 29.999…)', () => {
    expect(itemIndex(ratio, { counts: { dissatisfied: 3 } }).index).toBe(30);
  });

  it('three-level: 很满意 5 · 满意 3 · 不满意 1 over max 5', () => {
    expect(itemIndex(three, { counts: { 'very-satisfied': 1, satisfied: 1, dissatisfied: 1 } }).index).toBe(60);
  });

  it('rounds the index half away from zero to one decimal', () => {
    // five-point 4,4,5 → mean 4.333… → 86.666… → 86.7
    expect(itemIndex(five, { counts: { '4': 2, '5': 1 } })).toEqual({ n: 3, notApplicable: 0, mean: 4.333, index: 86.7 });
    // ten-point 153×8 + 47×7 = 1553 over 200 → 77.65 exactly → 77.7 (half away from zero)
    expect(itemIndex(ten, { counts: { '8': 153, '7': 47 } })).toEqual({ n: 200, notApplicable: 0, mean: 7.765, index: 77.7 });
  });

  it('excludes not-applicable answers from the mean and counts them separately', () => {
    expect(itemIndex(ten, { counts: { '8': 4 }, notApplicable: 6 })).toEqual({ n: 4, notApplicable: 6, mean: 8, index: 80 });
  });

  it('empty distribution: n 0, index and mean null (never 0)', () => {
    expect(itemIndex(ten, { counts: {} })).toEqual({ n: 0, notApplicable: 0, mean: null, index: null });
  });

  it('all answers not applicable: index null, notApplicable counted', () => {
    expect(itemIndex(ratio, { counts: { satisfied: 0 }, notApplicable: 5 })).toEqual({ n: 0, notApplicable: 5, mean: null, index: null });
  });

  it('single respondent', () => {
    expect(itemIndex(five, { counts: { '3': 1 } })).toEqual({ n: 1, notApplicable: 0, mean: 3, index: 60 });
  });
});

describe('itemIndex (min–max normalisation)', () => {
  it('maps the worst level to 0 and the best to 100', () => {
    expect(itemIndex(five, { counts: { '1': 3 } }, 'min-max').index).toBe(0);
    expect(itemIndex(five, { counts: { '5': 3 } }, 'min-max').index).toBe(100);
    expect(itemIndex(five, { counts: { '3': 1 } }, 'min-max').index).toBe(50);
  });

  it('worked example: (7.76 − 1) / 9 × 100 = 75.1', () => {
    expect(itemIndex(ten, worked, 'min-max').index).toBe(75.1);
  });

  it('equals ratio to max on a scale starting at 0', () => {
    const d = { counts: { dissatisfied: 1, satisfied: 2 } };
    expect(itemIndex(ratio, d, 'min-max')).toEqual(itemIndex(ratio, d));
  });

  it('rejects an unknown method', () => {
    expect(scoringErrorOf(() => indexMapping(ten, 'median' as never)).message).toContain('median');
  });
});

describe('measureItem', () => {
  it('keeps exact values and the sample variance on the index scale', () => {
    const m = measureItem(ten, worked);
    expect(m.index).toBeCloseTo(77.6, 12);
    expect(m.sum).toBe(194);
    // points variance: (25 × 1520 − 194²) / (25 × 24) = 364 / 600 → × 10² on the index scale
    expect(m.sumSquares).toBe(1520);
    expect(m.variance).toBeCloseTo(36400 / 600, 10);
  });

  it('has no variance below 2 answers', () => {
    expect(measureItem(ten, { counts: { '9': 1 } }).variance).toBeNull();
    expect(measureItem(ten, { counts: {} }).variance).toBeNull();
  });

  it('has exactly zero variance when everyone agrees, despite fractional points', () => {
    expect(measureItem(ratio, { counts: { satisfied: 30 } }).variance).toBe(0);
    expect(measureItem(ratio, { counts: { dissatisfied: 17 } }).variance).toBe(0);
  });

  it('variance matches a direct computation from the answers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 60 }), (answers) => {
        const mean = answers.reduce((s, x) => s + x, 0) / answers.length;
        const direct = (answers.reduce((s, x) => s + (x - mean) ** 2, 0) / (answers.length - 1)) * 100;
        expect(measureItem(ten, tallyAnswers(ten, answers)).variance).toBeCloseTo(direct, 6);
      }),
    );
  });
});

describe('answerIndex', () => {
  it('indexes a single answer', () => {
    expect(answerIndex(ten, 4)).toBe(40);
    expect(answerIndex(ratio, 'dissatisfied')).toBe(30);
    expect(answerIndex(five, '1', 'min-max')).toBe(0);
  });
});

describe('item index properties', () => {
  it.each(SCALE_PRESETS)('%s: index always within 0..100 (both methods), n excludes N/A', (preset) => {
    const scale = resolveScale(preset);
    fc.assert(
      fc.property(arbitraryDistribution(scale), fc.constantFrom('ratio-to-max' as const, 'min-max' as const), (d, method) => {
        const r = itemIndex(scale, d, method);
        expect(r.notApplicable).toBe(d.notApplicable);
        if (r.n === 0) return expect(r.index).toBeNull();
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('the index does not depend on how answers are ordered or tallied', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }), { maxLength: 60 }), (answers) => {
        const a = itemIndex(ten, tallyAnswers(ten, answers));
        const b = itemIndex(ten, tallyAnswers(ten, [...answers].reverse()));
        expect(a).toEqual(b);
        const valid = answers.filter((x): x is number => x !== null);
        // the index is published to one decimal: it may differ from the exact mean by half a unit of that decimal
        if (valid.length > 0) expect(Math.abs(a.index! - (valid.reduce((s, x) => s + x, 0) / valid.length) * 10)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
