/** domain.md section 3: the callback scores on a 5-point scale, and a score below 4 is low. */
export const SCALE_MAX = 5;
export const LOW_SCORE = 4;

type Data = Record<string, unknown> | null | undefined;

/** The score the desk recorded (`data.score`, optional), when it is one. */
export function scoreOf(data: Data): number | null {
  const score = data?.score;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= SCALE_MAX ? score : null;
}

/** `data.score` when it is given but not a whole number from 1 to 5. */
export function scoreProblems(data: Data): string[] {
  return data?.score === undefined || scoreOf(data) !== null ? [] : ['data.score'];
}

export function isLowScore(data: Data): boolean {
  const score = scoreOf(data);
  return score !== null && score < LOW_SCORE;
}
