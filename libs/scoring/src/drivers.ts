import { pearson, pearsonFromMoments, type PairMoments } from './correlation';
import { ScoringError } from './errors';
import { roundHalfAwayFromZero, roundIndexOrNull } from './rounding';

export interface DriverRespondent {
  /** the respondent's overall-satisfaction answer in points (any linear scale gives the same correlation); null = none */
  overall: number | null;
  /** dimension key → this respondent's dimension index 0..100; null = no valid answer */
  dimensions: Readonly<Record<string, number | null>>;
}

export interface KeyDriver {
  key: string;
  /** respondents with both an overall answer and this dimension */
  n: number;
  /** Pearson r, three decimals; null when undefined (fewer than 2 pairs or zero variance) */
  correlation: number | null;
  /** dimension index used for the priority, one decimal */
  index: number | null;
  /** correlation × (100 − index), one decimal; null when either is null */
  priority: number | null;
  /** 1 = improve first; dimensions without a priority come last */
  rank: number;
}

/**
 * Improvement priority per dimension: how strongly it moves overall satisfaction
 * (Pearson r over respondents with both values) times how much room it leaves
 * (100 − index). `dimensionIndex` supplies the survey's reported index per
 * dimension; where absent, the mean of the respondents' dimension indices is used.
 */
export function keyDrivers(
  dimensionKeys: readonly string[],
  respondents: readonly DriverRespondent[],
  dimensionIndex: Readonly<Record<string, number | null>> = {},
): KeyDriver[] {
  return rankDrivers(
    dimensionKeys.map((key) => {
      const pairs = respondents.flatMap((r) => {
        const value = r.dimensions[key];
        return r.overall === null || value === null || value === undefined ? [] : [{ x: value, y: r.overall }];
      });
      const index = key in dimensionIndex ? dimensionIndex[key] : meanIndex(respondents, key);
      return { key, n: pairs.length, correlation: pearson(pairs.map((p) => p.x), pairs.map((p) => p.y)), index };
    }),
  );
}

/**
 * The same ranking from per-dimension moments of (dimension index, overall)
 * pairs, as the database aggregates them; `index` is the survey's reported
 * dimension index. Dimensions missing from `moments` have no pairs.
 */
export function keyDriversFromMoments(
  dimensionKeys: readonly string[],
  moments: Readonly<Record<string, PairMoments>>,
  dimensionIndex: Readonly<Record<string, number | null>>,
): KeyDriver[] {
  return rankDrivers(
    dimensionKeys.map((key) => {
      const m = moments[key];
      return { key, n: m?.n ?? 0, correlation: m ? pearsonFromMoments(m) : null, index: dimensionIndex[key] ?? null };
    }),
  );
}

function rankDrivers(stats: { key: string; n: number; correlation: number | null; index: number | null }[]): KeyDriver[] {
  if (new Set(stats.map((s) => s.key)).size !== stats.length) {
    throw new ScoringError('INVALID_ARGUMENT', 'dimension keys must be unique');
  }
  const drivers = stats.map((s, order) => ({
    ...s,
    order,
    priority: s.correlation === null || s.index === null ? null : s.correlation * (100 - s.index),
  }));
  // Highest priority first; ties by stronger correlation, then configured order. No priority → last.
  const ranked = [...drivers].sort(
    (a, b) =>
      (a.priority === null ? 1 : 0) - (b.priority === null ? 1 : 0) ||
      (b.priority ?? 0) - (a.priority ?? 0) ||
      (b.correlation ?? 0) - (a.correlation ?? 0) ||
      a.order - b.order,
  );
  return ranked.map((d, i) => ({
    key: d.key,
    n: d.n,
    correlation: d.correlation === null ? null : roundHalfAwayFromZero(d.correlation, 3),
    index: roundIndexOrNull(d.index),
    priority: roundIndexOrNull(d.priority),
    rank: i + 1,
  }));
}

function meanIndex(respondents: readonly DriverRespondent[], key: string): number | null {
  const values = respondents.map((r) => r.dimensions[key]).filter((v): v is number => v !== null && v !== undefined);
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
