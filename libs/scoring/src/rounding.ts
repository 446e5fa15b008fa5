import { ScoringError } from './errors';

/**
 * Rounds half away from zero (the convention of the paper reports: 77.65 → 77.7,
 * −0.25 → −0.3). The scaled value is first snapped to 12 significant digits, so
 * binary-float noise such as 1.005 × 100 = 100.49999999999999 or
 * 0.3 + 0.3 + 0.3 = 0.8999999999999999 does not flip the result.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new ScoringError('INVALID_ARGUMENT', `cannot round ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new ScoringError('INVALID_ARGUMENT', `decimals must be a non-negative integer, got ${decimals}`);
  }
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  // `|| 0` turns −0 into 0 so that JSON and equality checks stay clean.
  return value < 0 ? -rounded || 0 : rounded;
}

/** Indices and percentages are reported with one decimal (api.md). */
export function roundIndex(value: number): number {
  return roundHalfAwayFromZero(value, 1);
}

export function roundIndexOrNull(value: number | null): number | null {
  return value === null ? null : roundIndex(value);
}
