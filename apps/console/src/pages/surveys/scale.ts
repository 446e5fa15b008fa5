import { resolveScale, type Level } from '../../../../../libs/scoring/src/scales';
import type { QuestionItem, ScaleSpec } from '../../api/types';

export const SCALE_PRESETS = ['five-point', 'ten-point', 'five-level-ratio', 'three-level'] as const;

/**
 * The answer levels of an item, worst to best as the public form lists them. Uses the
 * scoring library itself so the preview and manual entry offer exactly the keys
 * the server accepts; an unfinished scale in the builder yields no levels.
 */
export function levelsOf(surveyScale: ScaleSpec, item?: QuestionItem): Level[] {
  try {
    return [...resolveScale((item?.scale ?? surveyScale) as Parameters<typeof resolveScale>[0]).levels];
  } catch {
    return [];
  }
}
