import fc from 'fast-check';
import { Distribution } from './distribution';
import { gapToTarget } from './gap';
import { IndexMethod, measureItem } from './item-index';
import { resolveScale, Scale } from './scales';
import { arbitraryDistribution, scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const ratio = resolveScale('five-level-ratio');
const three = resolveScale('three-level');
const worked = { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } };

/** The distribution after `moves[i]` respondents at level i each answer one level higher. */
function moveUp(scale: Scale, d: Distribution, moves: readonly number[]): Distribution {
  const counts: Record<string, number> = {};
  scale.levels.forEach((level, i) => {
    counts[level.key] = (counts[level.key] ?? 0) + (d.counts[level.key] ?? 0) - moves[i];
    if (moves[i] > 0) counts[scale.levels[i + 1].key] = (counts[scale.levels[i + 1].key] ?? 0) + moves[i];
  });
  return { counts, notApplicable: d.notApplicable };
}

/** Brute force: the fewest moves over every combination of how many move up from each level. */
function bruteForce(scale: Scale, d: Distribution, target: number, method: IndexMethod): number | null {
  const limits = scale.levels.map((l, i) => (i === scale.levels.length - 1 ? 0 : (d.counts[l.key] ?? 0)));
  let best: number | null = null;
  const visit = (i: number, moves: number[]): void => {
    if (i === limits.length) {
      const total = moves.reduce((s, m) => s + m, 0);
      const index = measureItem(scale, moveUp(scale, d, moves), method).index;
      if (index !== null && index >= target - 1e-9 && (best === null || total < best)) best = total;
      return;
    }
    for (let m = 0; m <= limits[i]; m++) visit(i + 1, [...moves, m]);
  };
  visit(0, []);
  return best;
}

describe('gapToTarget', () => {
  it('domain.md worked example: 6×2, 7×5, 8×15, 9×3 → index 77.6; target 80 → 6 respondents', () => {
    expect(gapToTarget(ten, worked, 80)).toEqual({ index: 77.6, target: 80, respondentsToMove: 6 });
  });

  it('worked example: 6 moves reach exactly 80 and 5 do not', () => {
    // sum 194 + 6 = 200 = 80 % of 25 × 10; every ten-point step is worth 1 point
    expect(measureItem(ten, moveUp(ten, worked, [0, 0, 0, 0, 0, 0, 0, 6, 0, 0])).index).toBeCloseTo(80, 12);
    expect(measureItem(ten, moveUp(ten, worked, [0, 0, 0, 0, 0, 0, 0, 5, 0, 0])).index).toBeLessThan(80);
  });

  it('already at or above target → 0', () => {
    expect(gapToTarget(ten, worked, 77.6).respondentsToMove).toBe(0);
    expect(gapToTarget(ten, worked, 50).respondentsToMove).toBe(0);
    expect(gapToTarget(ten, worked, 0).respondentsToMove).toBe(0);
  });

  it('takes the largest point gains first on non-uniform scales (five-level ratio)', () => {
    // 一般 0.6 → 满意 0.8 gains 0.2; 不满意 0.3 → 一般 0.6 gains 0.3; 很不满意 0 → 不满意 gains 0.3
    const d = { counts: { neutral: 5, dissatisfied: 2, satisfied: 3 } }; // sum 3 + 0.6 + 2.4 = 6 → 60
    // target 66: need +0.6 → the two 不满意 answers (+0.3 each), not three 一般 answers (+0.2 each)
    expect(gapToTarget(ratio, d, 66)).toEqual({ index: 60, target: 66, respondentsToMove: 2 });
    // target 70: need +1.0 → 2 × 0.3 + 2 × 0.2 = 4 respondents
    expect(gapToTarget(ratio, d, 70).respondentsToMove).toBe(4);
  });

  it('three-level: each step is worth 2 points', () => {
    // 4 × 满意 (3) → 60; target 80 needs +4 points over n = 4 → two respondents to 很满意
    expect(gapToTarget(three, { counts: { satisfied: 4 } }, 80).respondentsToMove).toBe(2);
  });

  it('unreachable → respondentsToMove null (even moving everyone one level falls short)', () => {
    expect(gapToTarget(ten, worked, 100)).toEqual({ index: 77.6, target: 100, respondentsToMove: null });
    // everyone one level higher: 194 + 25 = 219 → 87.6 reachable, 87.7 not
    expect(gapToTarget(ten, worked, 87.6).respondentsToMove).toBe(25);
    expect(gapToTarget(ten, worked, 87.7).respondentsToMove).toBeNull();
  });

  it('no valid answers → index and respondentsToMove null', () => {
    expect(gapToTarget(ten, { counts: {}, notApplicable: 4 }, 80)).toEqual({ index: null, target: 80, respondentsToMove: null });
  });

  it('single respondent', () => {
    expect(gapToTarget(ten, { counts: { '7': 1 } }, 80).respondentsToMove).toBe(1);
    expect(gapToTarget(ten, { counts: { '7': 1 } }, 81).respondentsToMove).toBeNull();
  });

  it('skips levels whose next level scores the same', () => {
    const flat = resolveScale({
      levels: [
        { key: 'a', label: { zh: 'a', en: 'a' }, points: 0 },
        { key: 'b', label: { zh: 'b', en: 'b' }, points: 5 },
        { key: 'c', label: { zh: 'c', en: 'c' }, points: 5 },
        { key: 'd', label: { zh: 'd', en: 'd' }, points: 10 },
      ],
    });
    // b → c gains nothing; only the a → b move helps
    expect(gapToTarget(flat, { counts: { a: 1, b: 1 } }, 50).respondentsToMove).toBe(1);
    expect(gapToTarget(flat, { counts: { a: 1, b: 1 } }, 60).respondentsToMove).toBeNull();
  });

  it('works with min–max normalisation', () => {
    // ten-point min–max: (7.76 − 1) / 9 = 75.1; 80 needs mean 8.2 → sum 205 → 11 moves
    expect(gapToTarget(ten, worked, 80, 'min-max')).toEqual({ index: 75.1, target: 80, respondentsToMove: 11 });
  });

  it('rejects a target outside 0..100', () => {
    expect(scoringErrorOf(() => gapToTarget(ten, worked, 101)).code).toBe('INVALID_ARGUMENT');
    expect(scoringErrorOf(() => gapToTarget(ten, worked, NaN)).code).toBe('INVALID_ARGUMENT');
  });

  it.each(['five-level-ratio', 'three-level', 'five-point'] as const)(
    '%s: the answer is the true minimum — it reaches the target and one fewer cannot (property, brute force)',
    (preset) => {
      const scale = resolveScale(preset);
      fc.assert(
        fc.property(
          arbitraryDistribution(scale, 4),
          fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
          fc.constantFrom('ratio-to-max' as const, 'min-max' as const),
          (d, target, method) => {
            expect(gapToTarget(scale, d, target, method).respondentsToMove).toBe(bruteForce(scale, d, target, method));
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it('ten-point (every step +1): k moves reach the target and k − 1 do not (property)', () => {
    fc.assert(
      fc.property(arbitraryDistribution(ten, 30), fc.integer({ min: 0, max: 1000 }).map((x) => x / 10), (d, target) => {
        const k = gapToTarget(ten, d, target).respondentsToMove;
        const index = measureItem(ten, d).index;
        if (k === null) return;
        // every ten-point step is +1, so k moves add k points whichever respondents move
        const n = measureItem(ten, d).n;
        expect((index as number) + (k * 10) / n).toBeGreaterThanOrEqual(target - 1e-9);
        if (k > 0) expect((index as number) + ((k - 1) * 10) / n).toBeLessThan(target);
      }),
    );
  });
});
