import { ScoringError } from './errors';
import { levelPosition, Scale } from './scales';

/**
 * Answers to one item, aggregated: how many respondents chose each level key,
 * plus how many answered "not applicable". This is the shape a SQL
 * `GROUP BY level` returns, so the database never ships raw answers here.
 */
export interface Distribution {
  counts: Readonly<Record<string, number>>;
  notApplicable?: number;
}

/** The sums every statistic of an item is built from. */
export interface Moments {
  /** valid answers (not applicable excluded) */
  n: number;
  notApplicable: number;
  sum: number;
  sumSquares: number;
}

export const EMPTY_DISTRIBUTION: Distribution = Object.freeze({ counts: Object.freeze({}), notApplicable: 0 });

export function moments(scale: Scale, distribution: Distribution): Moments {
  const notApplicable = distribution.notApplicable ?? 0;
  assertCount(notApplicable, 'notApplicable');
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const [key, count] of Object.entries(distribution.counts)) {
    assertCount(count, `count of level "${key}"`);
    const points = scale.levels[levelPosition(scale, key)].points;
    n += count;
    sum += count * points;
    sumSquares += count * points * points;
  }
  return { n, notApplicable, sum, sumSquares };
}

/** Builds a distribution from individual answers (null = not applicable); for imports and small samples. */
export function tallyAnswers(scale: Scale, answers: readonly (string | number | null)[]): Distribution {
  const counts: Record<string, number> = {};
  let notApplicable = 0;
  for (const answer of answers) {
    if (answer === null) {
      notApplicable += 1;
      continue;
    }
    const key = scale.levels[levelPosition(scale, answer)].key;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { counts, notApplicable };
}

function assertCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new ScoringError('INVALID_DISTRIBUTION', `${what} must be a non-negative integer, got ${count}`);
  }
}
