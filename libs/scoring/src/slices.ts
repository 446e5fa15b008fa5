import { Distribution } from './distribution';
import { DEFAULT_INDEX_METHOD, IndexMethod, ItemIndex, itemIndex } from './item-index';
import { Scale } from './scales';

export interface SliceIndex extends ItemIndex {
  slice: string;
}

/**
 * Index of one item per slice value (product type, region, customer type, site/post…),
 * from a `GROUP BY slice, level` result; keeps the input's slice order.
 */
export function indexBySlice(
  scale: Scale,
  distributions: Readonly<Record<string, Distribution>>,
  method: IndexMethod = DEFAULT_INDEX_METHOD,
): SliceIndex[] {
  return Object.entries(distributions).map(([slice, distribution]) => ({ slice, ...itemIndex(scale, distribution, method) }));
}
