import { Distribution, moments } from './distribution';
import { ScoringError } from './errors';
import { answerIndex, DEFAULT_INDEX_METHOD, IndexMethod } from './item-index';
import { roundIndex } from './rounding';
import { levelPosition, Scale, ScalePreset } from './scales';

/**
 * Level from which an overall answer counts as satisfied, where a survey does not
 * say. Named presets: their 满意 level. five-point: 4, since domain.md escalates
 * anything below 4. ten-point: 8, the same 80 % of the maximum as 满意 = 0.8 on
 * the ratio scale. Custom scales must name their threshold.
 */
export const DEFAULT_SATISFIED_LEVEL: Readonly<Record<ScalePreset, string>> = {
  'five-level-ratio': 'satisfied',
  'three-level': 'satisfied',
  'five-point': '4',
  'ten-point': '8',
};

export interface SatisfactionRate {
  /** respondents with a valid overall answer */
  n: number;
  notApplicable: number;
  satisfied: number;
  /** percentage, one decimal; null when nobody gave a valid overall answer (0 % would be a claim) */
  rate: number | null;
}

/** Share of respondents whose overall answer is at or above `satisfiedLevel`, from the overall item's distribution. */
export function satisfactionRate(scale: Scale, overall: Distribution, satisfiedLevel: string | number): SatisfactionRate {
  const threshold = levelPosition(scale, satisfiedLevel);
  const { n, notApplicable } = moments(scale, overall);
  const satisfied = Object.entries(overall.counts)
    .filter(([key]) => levelPosition(scale, key) >= threshold)
    .reduce((sum, [, count]) => sum + count, 0);
  return { n, notApplicable, satisfied, rate: rateOf(satisfied, n) };
}

export interface RespondentAnswers {
  /** level key of the overall-satisfaction item, null = not applicable / unanswered */
  overall: string | number | null;
  /** item key → level key, null = not applicable */
  items: Readonly<Record<string, string | number | null>>;
}

export interface RespondentRule {
  overallScale: Scale;
  satisfiedLevel: string | number;
  itemScales: Readonly<Record<string, Scale>>;
  /** a respondent with any item index strictly below this is dissatisfied regardless of the overall answer (e.g. 40) */
  dissatisfiedBelowItemIndex: number;
  method?: IndexMethod;
}

/**
 * The stricter variant one company uses: satisfied only when the overall answer
 * reaches the threshold AND none of the respondent's own item indices is below
 * the floor. Needs per-respondent answers, which a distribution cannot carry.
 */
export function satisfactionRateByRespondent(respondents: readonly RespondentAnswers[], rule: RespondentRule): SatisfactionRate {
  const threshold = levelPosition(rule.overallScale, rule.satisfiedLevel);
  const floor = rule.dissatisfiedBelowItemIndex;
  if (!Number.isFinite(floor) || floor < 0 || floor > 100) {
    throw new ScoringError('INVALID_ARGUMENT', `dissatisfiedBelowItemIndex must be within 0..100, got ${floor}`);
  }
  const method = rule.method ?? DEFAULT_INDEX_METHOD;
  let n = 0;
  let notApplicable = 0;
  let satisfied = 0;
  for (const respondent of respondents) {
    if (respondent.overall === null) {
      notApplicable += 1;
      continue;
    }
    n += 1;
    const overallOk = levelPosition(rule.overallScale, respondent.overall) >= threshold;
    const itemBelowFloor = Object.entries(respondent.items).some(
      ([item, answer]) => answer !== null && answerIndex(scaleOf(rule, item), answer, method) < floor,
    );
    if (overallOk && !itemBelowFloor) satisfied += 1;
  }
  return { n, notApplicable, satisfied, rate: rateOf(satisfied, n) };
}

function scaleOf(rule: RespondentRule, item: string): Scale {
  const scale = rule.itemScales[item];
  if (!scale) throw new ScoringError('INVALID_ARGUMENT', `no scale given for item "${item}"`);
  return scale;
}

function rateOf(satisfied: number, n: number): number | null {
  return n === 0 ? null : roundIndex((satisfied * 100) / n);
}
