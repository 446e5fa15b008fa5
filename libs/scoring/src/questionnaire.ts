import { Distribution, EMPTY_DISTRIBUTION } from './distribution';
import { ScoringError } from './errors';
import { IndexSample, itemSample, weightedSample } from './index-sample';
import { DEFAULT_INDEX_METHOD, IndexMethod, ItemIndex, measureItem, presentItem } from './item-index';
import { roundIndexOrNull } from './rounding';
import { Scale } from './scales';

export interface ItemConfig {
  key: string;
  weight?: number;
  scale: Scale;
}

export interface DimensionConfig {
  key: string;
  weight?: number;
  items: readonly ItemConfig[];
}

export interface ItemScore extends ItemIndex {
  key: string;
}

export interface DimensionScore {
  key: string;
  index: number | null;
  items: ItemScore[];
  /** Items without a single valid answer, left out of the dimension's mean. */
  itemsWithoutAnswers: string[];
}

export interface QuestionnaireScore {
  index: number | null;
  dimensions: DimensionScore[];
  /** Dimensions whose items have no valid answers at all, left out of the overall mean. */
  dimensionsWithoutAnswers: string[];
  /** Exact overall and dimension indices with their standard errors, to compare with another period. */
  samples: { overall: IndexSample; dimensions: Record<string, IndexSample> };
}

/**
 * Item → dimension → overall index. Means are taken over exact item indices and
 * only the reported figures are rounded, so rounding never compounds.
 * An item absent from `distributions` simply has no answers.
 */
export function scoreQuestionnaire(
  dimensions: readonly DimensionConfig[],
  distributions: Readonly<Record<string, Distribution>>,
  method: IndexMethod = DEFAULT_INDEX_METHOD,
): QuestionnaireScore {
  assertUniqueItemKeys(dimensions);
  const scored = dimensions.map((dimension) => {
    const measures = dimension.items.map((item) => ({
      item,
      measure: measureItem(item.scale, distributions[item.key] ?? EMPTY_DISTRIBUTION, method),
    }));
    const mean = weightedSample(
      measures.map(({ item, measure }) => ({ key: item.key, weight: item.weight, ...itemSample(measure) })),
      `dimension "${dimension.key}" items`,
    );
    return { dimension, measures, mean };
  });
  const overall = weightedSample(
    scored.map(({ dimension, mean }) => ({ key: dimension.key, weight: dimension.weight, index: mean.index, standardError: mean.standardError })),
    'dimensions',
  );
  return {
    index: roundIndexOrNull(overall.index),
    dimensions: scored.map(({ dimension, measures, mean }) => ({
      key: dimension.key,
      index: roundIndexOrNull(mean.index),
      items: measures.map(({ item, measure }) => ({ key: item.key, ...presentItem(measure) })),
      itemsWithoutAnswers: mean.missing,
    })),
    dimensionsWithoutAnswers: overall.missing,
    samples: {
      overall: { index: overall.index, standardError: overall.standardError },
      dimensions: Object.fromEntries(scored.map(({ dimension, mean }) => [dimension.key, { index: mean.index, standardError: mean.standardError }])),
    },
  };
}

// Distributions are keyed by item key, so two items sharing a key would read each other's answers.
function assertUniqueItemKeys(dimensions: readonly DimensionConfig[]): void {
  const seen = new Set<string>();
  for (const item of dimensions.flatMap((d) => d.items)) {
    if (seen.has(item.key)) throw new ScoringError('INVALID_ARGUMENT', `item key "${item.key}" is used more than once`);
    seen.add(item.key);
  }
}
