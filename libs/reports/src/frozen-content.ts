import { type Change, changeExtremes, type ChangeReport } from '@satisflow/scoring';
import type { AnalysisReport } from './analysis-report';

/** Section (b) as revisions frozen before the per-level comparison were stored: sub-items and products only. */
interface EarlierSpecial {
  itemChanges?: Change[];
  productChanges?: Change[];
  largestRise?: Change | null;
  largestFall?: Change | null;
}

/**
 * A frozen revision is signed and never rewritten, so one frozen before the
 * comparison covered dimensions and the least rises and falls is read into
 * today's shape: its sub-item and product changes as they were, the extremes
 * taken from them, and no dimension changes (none were frozen).
 */
export function frozenContent(content: AnalysisReport): AnalysisReport {
  const special = content.special as AnalysisReport['special'] & EarlierSpecial;
  if (special.changes !== undefined) return content;
  // the earlier fields are dropped: the extremes are recomputed in the comparison
  const { itemChanges = [], productChanges = [], largestRise, largestFall, ...rest } = special;
  const report = (changes: Change[]): ChangeReport => ({ changes, ...changeExtremes(changes) });
  return {
    ...content,
    special: { ...rest, changes: special.previous ? { dimensions: report([]), items: report(itemChanges), products: report(productChanges) } : null },
  };
}
