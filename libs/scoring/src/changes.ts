import { Distribution } from './distribution';
import { ScoringError } from './errors';
import { IndexSample, itemSample } from './index-sample';
import { DEFAULT_INDEX_METHOD, IndexMethod, measureItem } from './item-index';
import { roundIndex, roundIndexOrNull } from './rounding';
import { Scale } from './scales';

/** One item's, dimension's, product's or slice's figure in both periods. */
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

/**
 * What rose or fell most and least (domain.md §2 step 7 (b)): the largest and
 * the smallest positive delta, the most and the least negative one. Ties go to
 * the first in input order; an unchanged figure neither rose nor fell.
 */
export interface ChangeExtremes {
  largestRise: Change | null;
  smallestRise: Change | null;
  largestFall: Change | null;
  smallestFall: Change | null;
}

export interface ChangeReport extends ChangeExtremes {
  changes: Change[];
}

const Z_95 = 1.96;

/**
 * Margin of error of a difference of two independent estimates at 95 %:
 *   1.96 × √(se₁² + se₂²), for an item mean se² = s²/n
 * with s² the unbiased sample variance (n − 1) of each period's individual
 * indices, so the margin is in index points. For the 15–40 respondents typical
 * here a t quantile (≈ 2.0–2.1) would be slightly wider; the plain normal 1.96
 * is what the procedures specify, so borderline "significant" flags deserve a
 * careful reading.
 */
export function marginOfError(current: IndexSample, previous: IndexSample): number | null {
  if (current.standardError === null || previous.standardError === null) return null;
  return Z_95 * Math.sqrt(current.standardError ** 2 + previous.standardError ** 2);
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
  return { changes, ...changeExtremes(changes) };
}

/** Compares what both periods have under the same key (dimensions, slices), in the current period's order. */
export function compareSamples(current: Readonly<Record<string, IndexSample>>, previous: Readonly<Record<string, IndexSample>>): ChangeReport {
  return comparePeriods(Object.keys(current).filter((key) => key in previous).map((key) => ({ key, current: current[key], previous: previous[key] })));
}

/** Compares items (or one item's slices) straight from both periods' distributions. */
export function compareItems(
  items: readonly { key: string; scale: Scale; current: Distribution; previous: Distribution }[],
  method: IndexMethod = DEFAULT_INDEX_METHOD,
): ChangeReport {
  return comparePeriods(
    items.map((item) => ({
      key: item.key,
      current: itemSample(measureItem(item.scale, item.current, method)),
      previous: itemSample(measureItem(item.scale, item.previous, method)),
    })),
  );
}

export function changeExtremes(changes: readonly Change[]): ChangeExtremes {
  return {
    largestRise: extreme(changes, 1, 'largest'),
    smallestRise: extreme(changes, 1, 'smallest'),
    largestFall: extreme(changes, -1, 'largest'),
    smallestFall: extreme(changes, -1, 'smallest'),
  };
}

/** Among the deltas of one sign, the largest or smallest in size; the first wins a tie. */
function extreme(changes: readonly Change[], sign: 1 | -1, which: 'largest' | 'smallest'): Change | null {
  const better = (a: number, b: number) => (which === 'largest' ? a > b : a < b);
  let best: Change | null = null;
  for (const change of changes) {
    if (change.delta === null || sign * change.delta <= 0) continue;
    if (best === null || better(sign * change.delta, sign * (best.delta as number))) best = change;
  }
  return best;
}
