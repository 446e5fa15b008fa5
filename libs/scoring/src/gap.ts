import { Distribution } from './distribution';
import { ScoringError } from './errors';
import { DEFAULT_INDEX_METHOD, indexMapping, IndexMethod, measureItem } from './item-index';
import { roundIndexOrNull } from './rounding';
import { levelPosition, Scale } from './scales';

export interface GapToTarget {
  /** current index, one decimal; null without valid answers */
  index: number | null;
  target: number;
  /**
   * Fewest respondents who must each answer one level higher for the exact index
   * to reach the target; 0 when already there. null = unreachable: even moving
   * every respondent below the top level up one level falls short (or there are
   * no valid answers to move). null rather than Infinity so it survives JSON.
   */
  respondentsToMove: number | null;
}

// Tolerance for float sums of fractional points (e.g. 0.3 + 0.3 + 0.2); far below any real point step.
const EPSILON = 1e-9;

/**
 * Greedy on the largest point gain first: each respondent can move at most one
 * level, so the k largest single-step gains are the most any k respondents can
 * add, which makes the greedy count minimal. On uniform scales all gains are
 * equal; on five-level-ratio 不满意→一般 (+0.3) goes before 一般→满意 (+0.2).
 */
export function gapToTarget(scale: Scale, distribution: Distribution, target: number, method: IndexMethod = DEFAULT_INDEX_METHOD): GapToTarget {
  if (!Number.isFinite(target) || target < 0 || target > 100) {
    throw new ScoringError('INVALID_ARGUMENT', `target must be within 0..100, got ${target}`);
  }
  const measure = measureItem(scale, distribution, method);
  const result = (respondentsToMove: number | null): GapToTarget => ({ index: roundIndexOrNull(measure.index), target, respondentsToMove });
  if (measure.n === 0) return result(null);

  const { offset, range } = indexMapping(scale, method);
  // index ≥ target  ⇔  sum ≥ n × (offset + target × range / 100)
  const requiredSum = measure.n * (offset + (target * range) / 100);
  let missing = requiredSum - measure.sum;
  if (missing <= EPSILON * Math.max(1, requiredSum)) return result(0);

  let moved = 0;
  for (const { gain, count } of stepGains(scale, distribution)) {
    const needed = Math.ceil(missing / gain - EPSILON);
    if (needed <= count) return result(moved + needed);
    moved += count;
    missing -= gain * count;
  }
  return result(null);
}

/** One-level gains available in the distribution, largest first; zero gains (tied points) cannot help and are skipped. */
function stepGains(scale: Scale, distribution: Distribution): { gain: number; count: number }[] {
  return Object.entries(distribution.counts)
    .map(([key, count]) => {
      const position = levelPosition(scale, key);
      const next = scale.levels[position + 1];
      return { gain: next === undefined ? 0 : next.points - scale.levels[position].points, count };
    })
    .filter((step) => step.gain > 0 && step.count > 0)
    .sort((a, b) => b.gain - a.gain);
}
