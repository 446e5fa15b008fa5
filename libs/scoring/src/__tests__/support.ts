// Test-only helpers shared by the specs; not part of the public API (index.ts does not export them).
import fc from 'fast-check';
import { Distribution } from '../distribution';
import { ScoringError } from '../errors';
import { Scale } from '../scales';

/** Catches the ScoringError a call throws, so tests can check its code and message. */
export function scoringErrorOf(fn: () => unknown): ScoringError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScoringError) return e;
    throw e;
  }
  throw new Error('expected a ScoringError');
}

/** Random distributions over a scale's levels, for property checks. */
export function arbitraryDistribution(scale: Scale, maxCount = 40): fc.Arbitrary<Distribution> {
  return fc
    .record({
      counts: fc.tuple(...scale.levels.map(() => fc.integer({ min: 0, max: maxCount }))),
      notApplicable: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ counts, notApplicable }) => ({
      counts: Object.fromEntries(scale.levels.map((l, i) => [l.key, counts[i]])),
      notApplicable,
    }));
}
