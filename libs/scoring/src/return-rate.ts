import { ScoringError } from './errors';
import { roundIndex } from './rounding';

/** Returned ÷ sent × 100, one decimal (20 sent, 17 returned → 85.0). Nothing sent → 0, not a division error. */
export function returnRate(sent: number, returned: number): number {
  for (const [name, value] of [['sent', sent], ['returned', returned]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new ScoringError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (returned > sent) throw new ScoringError('INVALID_ARGUMENT', `returned (${returned}) cannot exceed sent (${sent})`);
  return sent === 0 ? 0 : roundIndex((returned * 100) / sent);
}
