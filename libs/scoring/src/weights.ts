import { ScoringError } from './errors';

export interface WeightedPart {
  key: string;
  /** Relative weight; omitted on every part means equal weights. */
  weight?: number;
}

/**
 * Weights normalised by their sum, so 60/20/20 and 0.6/0.2/0.2 mean the same.
 * Either every part carries a weight or none does: a mix has no clear meaning
 * (is a missing weight 1, or 1/n of the total?), so it is refused.
 */
export function normaliseWeights(parts: readonly WeightedPart[], what: string): number[] {
  const keys = new Set<string>();
  for (const part of parts) {
    if (keys.has(part.key)) throw new ScoringError('INVALID_WEIGHTS', `${what}: key "${part.key}" appears more than once`);
    keys.add(part.key);
  }
  const weighted = parts.filter((p) => p.weight !== undefined);
  if (weighted.length === 0) return parts.map(() => 1 / parts.length);
  if (weighted.length !== parts.length) {
    const missing = parts.filter((p) => p.weight === undefined).map((p) => p.key);
    throw new ScoringError('INVALID_WEIGHTS', `${what}: give a weight to every part or to none (missing: ${missing.join(', ')})`);
  }
  for (const part of parts) {
    const w = part.weight as number;
    if (!Number.isFinite(w) || w < 0) {
      throw new ScoringError('INVALID_WEIGHTS', `${what}: weight of "${part.key}" must be a finite number ≥ 0, got ${w}`);
    }
  }
  const total = parts.reduce((s, p) => s + (p.weight as number), 0);
  if (total <= 0) throw new ScoringError('INVALID_WEIGHTS', `${what}: weights sum to 0, so no weighted mean exists`);
  return parts.map((p) => (p.weight as number) / total);
}

export interface IndexPart extends WeightedPart {
  /** Exact index 0..100, or null when the part has no valid answers / no score. */
  index: number | null;
}

export interface WeightedIndex {
  /** Exact weighted mean over the parts that have an index; null when none has. */
  index: number | null;
  /** Parts left out because they have no index, in input order: reported, never counted as 0. */
  missing: string[];
}

/**
 * Weighted mean (dimension from items, overall from dimensions). Parts without
 * an index are left out and the remaining weights renormalised, so a dimension
 * nobody could answer neither drags the overall index to 0 nor vanishes silently.
 */
export function weightedIndex(parts: readonly IndexPart[], what: string): WeightedIndex {
  const weights = normaliseWeights(parts, what);
  let weightSum = 0;
  let total = 0;
  const missing: string[] = [];
  parts.forEach((part, i) => {
    if (part.index === null) {
      missing.push(part.key);
      return;
    }
    weightSum += weights[i];
    total += weights[i] * part.index;
  });
  // weightSum is 0 when only zero-weight parts have an index: they cannot carry a mean.
  return { index: weightSum > 0 ? total / weightSum : null, missing };
}
