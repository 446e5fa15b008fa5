import { ScoringError } from './errors';
import { Label } from './scales';

/** A grade applies from `min` (inclusive) up to the next band's min. */
export interface GradeBand {
  key: string;
  label: Label;
  min: number;
}

export interface Grade {
  key: string;
  label: Label;
}

/** domain.md: 100 very satisfied; 90–<100 fairly; 80–<90 satisfied; 20–<80 dissatisfied; <20 very dissatisfied. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = Object.freeze([
  { key: 'very-satisfied', label: { zh: '很满意', en: 'Very satisfied' }, min: 100 },
  { key: 'fairly-satisfied', label: { zh: '较满意', en: 'Fairly satisfied' }, min: 90 },
  { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, min: 80 },
  { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, min: 20 },
  { key: 'very-dissatisfied', label: { zh: '很不满意', en: 'Very dissatisfied' }, min: 0 },
]);

/** Checks configured bands and returns them best first. The lowest band must start at or below 0 so every score gets a grade. */
export function validateGradeBands(bands: readonly GradeBand[]): GradeBand[] {
  if (!Array.isArray(bands) || bands.length === 0) throw new ScoringError('INVALID_BANDS', 'at least one grade band is required');
  const keys = new Set<string>();
  const mins = new Set<number>();
  for (const band of bands) {
    if (typeof band?.key !== 'string' || band.key === '') throw new ScoringError('INVALID_BANDS', 'every band needs a non-empty key');
    if (keys.has(band.key)) throw new ScoringError('INVALID_BANDS', `band key "${band.key}" appears more than once`);
    if (typeof band.label?.zh !== 'string' || typeof band.label.en !== 'string') {
      throw new ScoringError('INVALID_BANDS', `band "${band.key}" needs zh and en labels`);
    }
    if (typeof band.min !== 'number' || !Number.isFinite(band.min)) {
      throw new ScoringError('INVALID_BANDS', `band "${band.key}" needs a finite min`);
    }
    if (mins.has(band.min)) throw new ScoringError('INVALID_BANDS', `two bands start at ${band.min}`);
    keys.add(band.key);
    mins.add(band.min);
  }
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const lowest = sorted[sorted.length - 1];
  if (lowest.min > 0) throw new ScoringError('INVALID_BANDS', `the lowest band ("${lowest.key}") starts at ${lowest.min}; scores below it would have no grade`);
  return sorted;
}

/** Grade of a score (callers pass the reported, rounded figure, so the grade matches what readers see). */
export function gradeFor(score: number, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): Grade {
  if (!Number.isFinite(score) || score < 0) throw new ScoringError('INVALID_ARGUMENT', `cannot grade ${score}`);
  const band = validateGradeBands(bands).find((b) => score >= b.min) as GradeBand;
  return { key: band.key, label: band.label };
}
