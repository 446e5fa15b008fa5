import { createHash } from 'node:crypto';
import {
  DimensionConfig,
  GradeBand,
  IndexMethod,
  normaliseWeights,
  resolveScale,
  Scale,
  ScaleSpec,
  ScoringError,
  validateGradeBands,
} from '@satisflow/scoring';
import type { LocalMessage } from '@satisflow/http';
import { fieldProblem as problem, type FieldProblem } from '@satisflow/validation';

export interface LocalText {
  zh: string;
  en: string;
}

export interface QuestionnaireItem {
  key: string;
  title: LocalText;
  weight?: number;
  /** Overrides the questionnaire's scale for this item. */
  scale?: ScaleSpec;
}

export interface QuestionnaireDimension {
  key: string;
  title: LocalText;
  weight?: number;
  items: QuestionnaireItem[];
}

/**
 * The questionnaire as frozen with the approved plan: every figure of the
 * survey is computed from exactly this, so it is stored whole and hashed.
 */
export interface Questionnaire {
  scale: ScaleSpec;
  dimensions: QuestionnaireDimension[];
  overallItem?: QuestionnaireItem;
  /** Level key of the overall item at or above which a respondent counts as satisfied. */
  satisfiedThreshold?: string;
  bands?: GradeBand[];
  indexMethod?: IndexMethod;
}

/** The questionnaire with its scales resolved, ready for scoring and for answer checks. */
export interface ResolvedQuestionnaire {
  source: Questionnaire;
  dimensions: DimensionConfig[];
  overall?: { key: string; scale: Scale };
  /** Every answerable item (dimension items and the overall item) with its scale. */
  items: Map<string, { scale: Scale; title: LocalText; dimension?: string }>;
}

export type QuestionnaireProblem = FieldProblem;

/** What each kind of ScoringError is about, in Chinese. */
const SCORING_ZH: Record<ScoringError['code'], string> = {
  UNKNOWN_SCALE: '未知的量表',
  INVALID_SCALE: '量表设置有误',
  UNKNOWN_LEVEL: '未知的等级',
  INVALID_DISTRIBUTION: '分布数据有误',
  INVALID_WEIGHTS: '权重设置有误',
  INVALID_BANDS: '评级区间设置有误',
  INVALID_ARGUMENT: '参数有误',
};

/**
 * A ScoringError in both languages. The scoring library names the offending input in
 * English only, so the Chinese says what kind of problem it is and quotes those specifics.
 */
export function scoringMessage(error: ScoringError): LocalMessage {
  return { en: error.message, zh: `${SCORING_ZH[error.code]}：${error.message}` };
}

const KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/** Resolves scales and checks structure; returns problems with field paths instead of throwing. */
export function resolveQuestionnaire(q: Questionnaire): { resolved?: ResolvedQuestionnaire; problems: QuestionnaireProblem[] } {
  const problems: QuestionnaireProblem[] = [];
  /** Runs one of the scoring library's checks; what it refuses becomes a problem of `field`. */
  const checked = <T>(field: string, rule: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      problems.push({ field, rule, message: scoringMessage(error) });
      return undefined;
    }
  };
  const scaleOf = (spec: ScaleSpec | undefined, field: string): Scale | undefined => checked(field, 'scale', () => resolveScale(spec ?? q.scale));
  const base = scaleOf(q.scale, 'scale');
  const items = new Map<string, { scale: Scale; title: LocalText; dimension?: string }>();
  const addItem = (item: QuestionnaireItem, field: string, dimension?: string) => {
    if (!KEY.test(item.key)) {
      problems.push(problem(`${field}.key`, 'key', 'item keys are 1-64 letters, digits, dots, dashes or underscores', '题项编号须为 1–64 个字母、数字、点、短横线或下划线'));
    }
    if (items.has(item.key)) problems.push(problem(`${field}.key`, 'unique', `item key ${item.key} is used twice`, `题项编号 ${item.key} 重复使用`));
    const scale = item.scale ? scaleOf(item.scale, `${field}.scale`) : base;
    if (scale) items.set(item.key, { scale, title: item.title, ...(dimension ? { dimension } : {}) });
  };
  if (!q.dimensions.length) problems.push(problem('dimensions', 'notEmpty', 'a questionnaire needs at least one dimension', '问卷至少需要一个维度'));
  const dimensionKeys = new Set<string>();
  q.dimensions.forEach((d, i) => {
    if (dimensionKeys.has(d.key)) problems.push(problem(`dimensions.${i}.key`, 'unique', `dimension key ${d.key} is used twice`, `维度编号 ${d.key} 重复使用`));
    dimensionKeys.add(d.key);
    if (!d.items.length) problems.push(problem(`dimensions.${i}.items`, 'notEmpty', `dimension ${d.key} has no items`, `维度 ${d.key} 下没有题项`));
    d.items.forEach((item, j) => addItem(item, `dimensions.${i}.items.${j}`, d.key));
  });
  // the weights the results will combine: all zero, or given to some parts only, would fail every later results call
  // (checked on an otherwise sound structure: a duplicate key is already reported above)
  if (!problems.length) {
    checked('dimensions', 'weights', () => normaliseWeights(q.dimensions, 'dimensions'));
    q.dimensions.forEach((d, i) => checked(`dimensions.${i}.items`, 'weights', () => normaliseWeights(d.items, `items of ${d.key}`)));
  }
  if (q.overallItem) addItem(q.overallItem, 'overallItem');
  if (q.satisfiedThreshold !== undefined) {
    // an overall item whose scale did not resolve is reported as such, not as a missing item
    const overall = q.overallItem ? items.get(q.overallItem.key) : undefined;
    if (!q.overallItem) problems.push(problem('satisfiedThreshold', 'needsOverallItem', 'a satisfied threshold needs an overall item', '设置满意阈值须有总体满意度题项'));
    else if (overall && !overall.scale.positions.has(String(q.satisfiedThreshold))) {
      problems.push(
        problem('satisfiedThreshold', 'level', `${q.satisfiedThreshold} is not a level of the overall item's scale`, `${q.satisfiedThreshold} 不是总体满意度题项量表中的等级`),
      );
    }
  }
  if (q.bands) checked('bands', 'bands', () => validateGradeBands(q.bands!));
  if (problems.length) return { problems };
  return {
    problems,
    resolved: {
      source: q,
      dimensions: q.dimensions.map((d) => ({
        key: d.key,
        ...(d.weight !== undefined ? { weight: d.weight } : {}),
        items: d.items.map((item) => ({ key: item.key, ...(item.weight !== undefined ? { weight: item.weight } : {}), scale: items.get(item.key)!.scale })),
      })),
      ...(q.overallItem ? { overall: { key: q.overallItem.key, scale: items.get(q.overallItem.key)!.scale } } : {}),
      items,
    },
  };
}

/** Content hash of the frozen questionnaire (key order independent). */
export function questionnaireHash(q: Questionnaire): string {
  const canonical = JSON.stringify(q, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Checks one respondent's answers against the questionnaire: every key must be
 * an item and every value a level of its scale (or null = not applicable).
 * Returns the answers with points, or problems naming the item.
 */
export function checkAnswers(
  q: ResolvedQuestionnaire,
  answers: Record<string, unknown>,
): { rows: { itemKey: string; levelKey: string | null; points: number | null }[]; problems: QuestionnaireProblem[] } {
  const problems: QuestionnaireProblem[] = [];
  const rows: { itemKey: string; levelKey: string | null; points: number | null }[] = [];
  for (const [itemKey, value] of Object.entries(answers)) {
    const item = q.items.get(itemKey);
    if (!item) {
      problems.push(problem(`answers.${itemKey}`, 'unknownItem', `${itemKey} is not an item of this questionnaire`, `${itemKey} 不是本问卷的题项`));
      continue;
    }
    if (value === null || value === '' || value === 'na' || value === 'N/A') {
      rows.push({ itemKey, levelKey: null, points: null });
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push(problem(`answers.${itemKey}`, 'level', `answer to ${itemKey} must be a level key, a number or null`, `${itemKey} 的答案须为等级编号、数字或 null`));
      continue;
    }
    const position = item.scale.positions.get(String(value));
    if (position === undefined) {
      const levels = item.scale.levels.map((l) => l.key).join(', ');
      problems.push(problem(`answers.${itemKey}`, 'level', `${String(value)} is not a level of ${itemKey} (levels: ${levels})`, `${String(value)} 不是 ${itemKey} 的等级（可选等级：${levels}）`));
      continue;
    }
    const level = item.scale.levels[position];
    rows.push({ itemKey, levelKey: level.key, points: level.points });
  }
  if (!rows.some((r) => r.levelKey !== null) && !problems.length) {
    problems.push(problem('answers', 'notEmpty', 'at least one item must be answered', '至少须回答一个题项'));
  }
  return { rows, problems };
}
