import { EVENT_LABELS } from '../../libs/engine/src/definitions/event-labels';
import type { FieldRefusal, LocalText } from '../shared/types';

/** domain.md section 3: the callback scores on a 5-point scale, and a score below 4 is low. */
export const SCALE_MAX = 5;
export const LOW_SCORE = 4;

type Data = Record<string, unknown> | null | undefined;

/** Why a score is refused; the step's rules (the controlled document) say the same. */
export const NOT_ON_SCALE: LocalText = { zh: `须为 1–${SCALE_MAX} 的整数`, en: `must be a whole number from 1 to ${SCALE_MAX}` };
export const LOW_IS_NOT_SATISFIED: LocalText = {
  zh: `低于 ${LOW_SCORE} 分不能记为满意，请记录「${EVENT_LABELS.CALLBACK_DISSATISFIED.zh}」并填写原因`,
  en: `a score below ${LOW_SCORE} is not satisfied: record CALLBACK_DISSATISFIED with the customer's reason`,
};

/** The score the desk recorded (`data.score`, optional), when it is one. */
export function scoreOf(data: Data): number | null {
  const score = data?.score;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= SCALE_MAX ? score : null;
}

/** `data.score` when it is given but not a whole number from 1 to 5. */
export function scoreProblems(data: Data): FieldRefusal[] {
  return data?.score === undefined || scoreOf(data) !== null ? [] : [{ field: 'data.score', reason: NOT_ON_SCALE }];
}

/** A satisfied callback's score: on the scale, and not low. */
export function satisfiedScoreProblems(data: Data): FieldRefusal[] {
  return isLowScore(data) ? [{ field: 'data.score', reason: LOW_IS_NOT_SATISFIED }] : scoreProblems(data);
}

export function isLowScore(data: Data): boolean {
  const score = scoreOf(data);
  return score !== null && score < LOW_SCORE;
}
