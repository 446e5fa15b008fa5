/**
 * Centred sums of paired samples, from which Pearson's r follows. The database
 * computes these for large surveys (two passes: means, then sums), so r never
 * needs every pair in memory.
 */
export interface PairMoments {
  n: number;
  /** Σ(x − x̄)(y − ȳ) */
  sxy: number;
  /** Σ(x − x̄)² */
  sxx: number;
  /** Σ(y − ȳ)² */
  syy: number;
  /** one side has a single distinct value (tested on raw values, not on a float variance) */
  constant: boolean;
}

/**
 * Pearson correlation of paired samples; null when it is undefined: fewer than
 * two pairs, or one side constant (zero variance). Constancy is tested on the raw
 * values, not on a float variance, so 0.8 repeated is never "almost varying".
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) return null;
  return pearsonFromMoments(pairMoments(xs, ys));
}

export function pearsonFromMoments(m: PairMoments): number | null {
  if (m.n < 2 || m.constant) return null;
  // Clamp: rounding can push a perfect correlation a hair past ±1.
  return Math.max(-1, Math.min(1, m.sxy / Math.sqrt(m.sxx * m.syy)));
}

function pairMoments(xs: readonly number[], ys: readonly number[]): PairMoments {
  const n = xs.length;
  const constant = isConstant(xs) || isConstant(ys);
  if (n < 2 || constant) return { n, sxy: 0, sxx: 0, syy: 0, constant };
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - meanX;
    const dy = ys[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return { n, sxy, sxx, syy, constant };
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
