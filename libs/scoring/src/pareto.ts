import { ScoringError } from './errors';
import { roundIndex } from './rounding';

/** The `count` lowest-scoring entries, lowest first; entries without an index are skipped, ties keep input order. */
export function lowestItems<T extends { index: number | null }>(items: readonly T[], count: number): T[] {
  if (!Number.isInteger(count) || count < 0) throw new ScoringError('INVALID_ARGUMENT', `count must be a non-negative integer, got ${count}`);
  // Array.prototype.sort is stable, which keeps ties in input order.
  return items
    .filter((item) => item.index !== null)
    .sort((a, b) => (a.index as number) - (b.index as number))
    .slice(0, count);
}

/**
 * Points an item lost: (100 − index) × n, in index points. Within one scale this
 * is (max − mean) × n rescaled by 100/max, so shares are identical to counting
 * raw points; across items on different scales only index points are comparable.
 * Pass the exact index (measureItem), not the rounded one.
 */
export function lostPoints(measure: { n: number; index: number | null }): number {
  return measure.index === null ? 0 : (100 - measure.index) * measure.n;
}

export interface ParetoRow {
  key: string;
  lostPoints: number;
  /** percent of all lost points, one decimal */
  share: number;
  /** running total of shares, one decimal, computed before rounding so it ends at 100.0 */
  cumulativeShare: number;
}

/**
 * Pareto of lost points, largest first. Entries sharing a key are summed, so
 * passing items tagged with their cause category gives the breakdown by category.
 */
export function lostPointsPareto(entries: readonly { key: string; lostPoints: number }[]): ParetoRow[] {
  const totals = new Map<string, number>();
  for (const { key, lostPoints: points } of entries) {
    if (!Number.isFinite(points) || points < 0) throw new ScoringError('INVALID_ARGUMENT', `lost points of "${key}" must be ≥ 0, got ${points}`);
    totals.set(key, (totals.get(key) ?? 0) + points);
  }
  const grand = [...totals.values()].reduce((s, v) => s + v, 0);
  let running = 0;
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, points]) => {
      const share = grand === 0 ? 0 : (points * 100) / grand;
      running += share;
      return { key, lostPoints: roundIndex(points), share: roundIndex(share), cumulativeShare: roundIndex(running) };
    });
}
