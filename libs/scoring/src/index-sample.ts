import { ItemMeasure } from './item-index';
import { IndexPart, WeightedIndex, weightedIndex } from './weights';

/** An exact index (0–100) with the standard error of its estimate: what a comparison between two periods needs. */
export interface IndexSample {
  index: number | null;
  /** null when not computable (fewer than 2 answers) */
  standardError: number | null;
}

/** An item's index and s/√n, s² being the sample variance of the respondents' individual indices. */
export function itemSample(measure: ItemMeasure): IndexSample {
  return { index: measure.index, standardError: measure.variance === null ? null : Math.sqrt(measure.variance / measure.n) };
}

/**
 * Weighted mean of indices (a dimension from its items, the overall or a
 * slice's index from the dimensions) with an upper bound of its standard error.
 * The parts are answered by the same respondents, so their errors are
 * correlated, and the tallies keep no covariances. The standard error of a sum
 * is at most the sum of the parts' standard errors (equal when the parts move
 * together), so Σ wᵢ·seᵢ, over the parts the mean takes, is the widest it can
 * be: a margin built on it calls a change significant only when it is
 * significant whatever the correlation.
 */
export function weightedSample(parts: readonly (IndexPart & IndexSample)[], what: string): WeightedIndex & IndexSample {
  const mean = weightedIndex(parts, what);
  // one part with an index but a single answer leaves the bound unknown
  const unknown = parts.some((p) => p.index !== null && p.standardError === null);
  const bound = weightedIndex(
    parts.map((p) => ({ key: p.key, weight: p.weight, index: p.index === null ? null : p.standardError })),
    what,
  ).index;
  return { ...mean, standardError: unknown ? null : bound };
}
