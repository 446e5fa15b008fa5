import { ScoringError } from './errors';
import { DEFAULT_GRADE_BANDS, Grade, GradeBand, gradeFor, validateGradeBands } from './grades';
import { roundHalfAwayFromZero, roundIndex } from './rounding';
import { normaliseWeights } from './weights';

export interface CompositeSource {
  key: string;
  title?: string;
  weight: number;
  /** 0..100; null/absent when the source has no score this period */
  score?: number | null;
}

export interface CompositeInput {
  sources: readonly CompositeSource[];
  generalComplaints?: number;
  /** quality accidents with legal liability or media exposure */
  majorIncidents?: number;
  bands?: readonly GradeBand[];
}

export interface CompositeSourceResult {
  key: string;
  title?: string;
  weight: number;
  /** weight ÷ sum of all weights, as configured */
  share: number;
  /** share actually applied after renormalising over the sources that have a score; 0 when missing */
  appliedShare: number;
  score: number | null;
  missing: boolean;
}

export interface CompositeResult {
  weightedScore: number | null;
  deductions: { generalComplaints: number; majorIncidents: number; points: number };
  final: number | null;
  grade: Grade | null;
  sources: CompositeSourceResult[];
  /** keys of sources without a score: their weight went to the others, and the report says so */
  missingSources: string[];
}

const POINTS_PER_TEN_COMPLAINTS = 0.2;
const POINTS_PER_MAJOR_INCIDENT = 50;

/**
 * Weighted score across sources, then deductions, then a grade.
 * Decision where domain.md is silent on how: a source without a score is left
 * out and the other weights renormalised (a missing survey is not a score of 0),
 * and it is listed in `missingSources` and flagged in `sources`. With no scored
 * source at all, weightedScore, final and grade are null.
 */
export function compositeScore(input: CompositeInput): CompositeResult {
  const generalComplaints = countOf(input.generalComplaints, 'generalComplaints');
  const majorIncidents = countOf(input.majorIncidents, 'majorIncidents');
  // Bands are checked even when there is nothing to grade, so bad configuration fails at once.
  const bands = validateGradeBands(input.bands ?? DEFAULT_GRADE_BANDS);
  if (input.sources.length === 0) throw new ScoringError('INVALID_ARGUMENT', 'a composite needs at least one source');
  const shares = normaliseWeights(input.sources, 'composite sources');
  const scored = input.sources.map((source) => {
    const score = source.score ?? null;
    if (score !== null && (!Number.isFinite(score) || score < 0 || score > 100)) {
      throw new ScoringError('INVALID_ARGUMENT', `score of source "${source.key}" must be within 0..100, got ${score}`);
    }
    return { source, score };
  });
  const scoredShare = scored.reduce((sum, s, i) => sum + (s.score === null ? 0 : shares[i]), 0);
  const appliedShares = scored.map((s, i) => (s.score === null || scoredShare === 0 ? 0 : shares[i] / scoredShare));
  const exactWeighted = scoredShare === 0 ? null : scored.reduce((sum, s, i) => sum + appliedShares[i] * (s.score ?? 0), 0);
  const points = roundHalfAwayFromZero(
    Math.floor(generalComplaints / 10) * POINTS_PER_TEN_COMPLAINTS + majorIncidents * POINTS_PER_MAJOR_INCIDENT,
    1,
  );
  const final = exactWeighted === null ? null : roundIndex(Math.max(0, exactWeighted - points));
  return {
    weightedScore: exactWeighted === null ? null : roundIndex(exactWeighted),
    deductions: { generalComplaints, majorIncidents, points },
    final,
    grade: final === null ? null : gradeFor(final, bands),
    sources: scored.map(({ source, score }, i) => ({
      key: source.key,
      ...(source.title === undefined ? {} : { title: source.title }),
      weight: source.weight,
      share: roundHalfAwayFromZero(shares[i], 4),
      appliedShare: roundHalfAwayFromZero(appliedShares[i], 4),
      score,
      missing: score === null,
    })),
    missingSources: scored.filter((s) => s.score === null).map((s) => s.source.key),
  };
}

function countOf(value: number | undefined, name: string): number {
  const count = value ?? 0;
  if (!Number.isInteger(count) || count < 0) throw new ScoringError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${count}`);
  return count;
}
