import { reportFixture } from './__tests__/report-fixture';
import type { AnalysisReport } from './analysis-report';
import { frozenContent } from './frozen-content';

const change = (key: string, delta: number) => ({ key, current: 80 + delta, previous: 80, delta, marginOfError: null, significant: null });

describe('frozenContent', () => {
  it('leaves a revision frozen in today’s shape as it is', () => {
    const content = reportFixture();
    expect(frozenContent(content)).toBe(content);
  });

  it('reads a revision frozen before the per-level comparison: its changes as frozen, the extremes from them, no dimensions', () => {
    const { changes: _, ...special } = reportFixture().special;
    const earlier = {
      ...reportFixture(),
      special: { ...special, itemChanges: [change('a', 5), change('b', 1), change('c', -2)], productChanges: [change('泵', 3)], largestRise: change('a', 5), largestFall: change('c', -2) },
    } as unknown as AnalysisReport;
    const read = frozenContent(earlier).special;
    expect(read).not.toHaveProperty('itemChanges');
    expect(read).not.toHaveProperty('largestRise');
    expect(read.changes!.dimensions.changes).toEqual([]);
    expect(read.changes!.items.changes.map((c) => c.key)).toEqual(['a', 'b', 'c']);
    expect([read.changes!.items.largestRise?.key, read.changes!.items.smallestRise?.key, read.changes!.items.smallestFall?.key]).toEqual(['a', 'b', 'c']);
    expect(read.changes!.products.largestRise?.key).toBe('泵');
  });

  it('reads one without a previous survey as no comparison', () => {
    const { changes: _, ...special } = reportFixture({ changes: null }).special;
    const earlier = { ...reportFixture(), special: { ...special, itemChanges: [], productChanges: [], largestRise: null, largestFall: null } } as unknown as AnalysisReport;
    expect(frozenContent(earlier).special.changes).toBeNull();
  });
});
