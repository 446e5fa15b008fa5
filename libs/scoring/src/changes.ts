import { Distribution } from './distribution';
import { ScoringError } from './errors';
import { DEFAULT_INDEX_METHOD, IndexMethod, measureItem } from './item-index';
import { roundIndex, roundIndexOrNull } from './rounding';
import { Scale } from './scales';

/**
 * One period's figure for an item, dimension, product or slice. `n` and
 * `variance` (sample variance of the respondents' individual indices, as
 * measureItem returns) enable the significance test; a dimension index has no
 * per-respondent variance in a distribution, so it is compared without one.
 */
export interface IndexSample {
  index: number | null;
  n?: number;
  variance?: number | null;
}

export interface PeriodPair {
  key: string;
  current: IndexSample | null;
  previous: IndexSample | null;
}

export interface Change {
  key: string;
  current: number | null;
  previous: number | null;
  /** reported current − reported previous, so the table adds up as printed; null when either is missing */
  delta: number | null;
  /** 95 % margin of error of the difference, index points, one decimal; null when not computable */
  marginOfError: number | null;
  /** |exact delta| > margin; null when the margin is not computable */
  significant: boolean | null;
}

export interface ChangeReport {
  changes: Change[];
  /** largest positive delta (first in input order on ties); null when nothing rose */
  largestRise: Change | null;
  /** most negative delta; null when nothing fell */
  largestFall: Change | null;
}

const Z_95 = 1.96;

/**
 * Margin of error of a difference of two means at 95 %:
 *   1.96 × √(s₁²/n₁ + s₂²/n₂)
 * with s² the unbiased sample variance (n − 1) of each period's individual
 * indices, so the margin is in index points. Each period needs n ≥ 2. For the
 * 15–40 respondents typical here a t quantile (≈ 2.0–2.1) would be slightly
 * wider; the plain normal 1.96 is what the procedures specify, so borderline
 * "significant" flags deserve a careful reading.
 */
export function marginOfError(current: IndexSample, previous: IndexSample): number | null {
  const parts = [current, previous].map((s) => (s.n !== undefined && s.n >= 2 && s.variance != null ? s.variance / s.n : null));
  if (parts[0] === null || parts[1] === null) return null;
  return Z_95 * Math.sqrt(parts[0] + parts[1]);
}

export function comparePeriods(pairs: readonly PeriodPair[]): ChangeReport {
  if (new Set(pairs.map((p) => p.key)).size !== pairs.length) throw new ScoringError('INVALID_ARGUMENT', 'change keys must be unique');
  const changes = pairs.map(({ key, current, previous }): Change => {
    const now = current?.index ?? null;
    const before = previous?.index ?? null;
    if (now === null || before === null || current === null || previous === null) {
      return { key, current: roundIndexOrNull(now), previous: roundIndexOrNull(before), delta: null, marginOfError: null, significant: null };
    }
    const margin = marginOfError(current, previous);
    return {
      key,
      current: roundIndex(now),
      previous: roundIndex(before),
      delta: roundIndex(roundIndex(now) - roundIndex(before)),
      marginOfError: roundIndexOrNull(margin),
      significant: margin === null ? null : Math.abs(now - before) > margin,
    };
  });
  return { changes, largestRise: extreme(changes, 1), largestFall: extreme(changes, -1) };
}

/** Compares items (or one item's slices) straight from both periods' distributions. */
export function compareItems(
  items: readonly { key: string; scale: Scale; current: Distribution; previous: Distribution }[],
  method: IndexMethod = DEFAULT_INDEX_METHOD,
): ChangeReport {
  return comparePeriods(
    items.map((item) => ({
      key: item.key,
      current: measureItem(item.scale, item.current, method),
      previous: measureItem(item.scale, item.previous, method),
    })),
  );
}

function extreme(changes: readonly Change[], sign: 1 | -1): Change | null {
  let best: Change | null = null;
  for (const change of changes) {
    if (change.delta === null || sign * change.delta <= 0) continue;
    if (best === null || sign * change.delta > sign * (best.delta as number)) best = change;
  }
  return best;
}
