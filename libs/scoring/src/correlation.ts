/**
 * Pearson correlation of paired samples; null when it is undefined: fewer than
 * two pairs, or one side constant (zero variance). Constancy is tested on the raw
 * values, not on a float variance, so 0.8 repeated is never "almost varying".
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  if (isConstant(xs) || isConstant(ys)) return null;
  const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanY = ys.reduce((s, y) => s + y, 0) / ys.length;
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
  // Clamp: rounding can push a perfect correlation a hair past ±1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
