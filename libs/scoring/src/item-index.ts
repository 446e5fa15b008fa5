import { Distribution, moments, Moments } from './distribution';
import { ScoringError } from './errors';
import { roundHalfAwayFromZero, roundIndexOrNull } from './rounding';
import { pointsOf, Scale } from './scales';

/**
 * `ratio-to-max` (default): mean ÷ scale maximum × 100, so a ten-point mean of 7.76 is 77.6.
 * `min-max`: (mean − minimum) ÷ (maximum − minimum) × 100, so the worst level maps to 0.
 */
export type IndexMethod = 'ratio-to-max' | 'min-max';

export const DEFAULT_INDEX_METHOD: IndexMethod = 'ratio-to-max';

/** Exact (unrounded) statistics of one item; downstream formulas use these, only reports round. */
export interface ItemMeasure extends Moments {
  mean: number | null;
  index: number | null;
  /** Sample variance (n − 1) of the respondents' individual indices; null below 2 answers. */
  variance: number | null;
}

/** What a report shows for an item: index one decimal, mean three decimals. */
export interface ItemIndex {
  n: number;
  notApplicable: number;
  mean: number | null;
  index: number | null;
}

/** The affine map points → index: index = (points − offset) × 100 ÷ range. */
export function indexMapping(scale: Scale, method: IndexMethod): { offset: number; range: number } {
  switch (method) {
    case 'ratio-to-max':
      return { offset: 0, range: scale.max };
    case 'min-max':
      return { offset: scale.min, range: scale.max - scale.min };
    default:
      throw new ScoringError('INVALID_ARGUMENT', `unknown index method "${String(method)}"`);
  }
}

export function measureItem(scale: Scale, distribution: Distribution, method: IndexMethod = DEFAULT_INDEX_METHOD): ItemMeasure {
  const m = moments(scale, distribution);
  const { offset, range } = indexMapping(scale, method);
  if (m.n === 0) return { ...m, mean: null, index: null, variance: null };
  // Dividing once keeps 194 points over 25 ten-point answers at 77.6 rather than 77.60000000000001.
  const index = ((m.sum - m.n * offset) * 100) / (m.n * range);
  return { ...m, mean: m.sum / m.n, index, variance: m.n < 2 ? null : indexVariance(m, range) };
}

/**
 * Sample variance (n − 1) of the points, rescaled to the index, from the sums alone:
 * (n·Σx² − (Σx)²) / (n(n − 1)). The subtraction cancels, so a remainder within
 * float noise of n·Σx² (e.g. thirty answers of 0.8) is exactly zero spread.
 */
function indexVariance(m: Moments, range: number): number {
  const spread = m.n * m.sumSquares - m.sum * m.sum;
  if (spread <= 1e-12 * m.n * m.sumSquares) return 0;
  return (spread * 100 * 100) / (m.n * (m.n - 1) * range * range);
}

export function itemIndex(scale: Scale, distribution: Distribution, method: IndexMethod = DEFAULT_INDEX_METHOD): ItemIndex {
  return presentItem(measureItem(scale, distribution, method));
}

export function presentItem(measure: ItemMeasure): ItemIndex {
  return {
    n: measure.n,
    notApplicable: measure.notApplicable,
    mean: measure.mean === null ? null : roundHalfAwayFromZero(measure.mean, 3),
    index: roundIndexOrNull(measure.index),
  };
}

/** Index of a single answer (exact), e.g. to judge one respondent's item or build their dimension index. */
export function answerIndex(scale: Scale, key: string | number, method: IndexMethod = DEFAULT_INDEX_METHOD): number {
  const { offset, range } = indexMapping(scale, method);
  return ((pointsOf(scale, key) - offset) * 100) / range;
}
