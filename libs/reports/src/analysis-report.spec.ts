import { comparePeriods } from '@satisflow/scoring';
import type { SurveyResults } from '@satisflow/surveys';
import { buildAnalysisReport } from './analysis-report';

const sample = (index: number | null) => ({ index, standardError: 1 });

/** The parts of a survey's results the comparison reads. */
function results(changes: unknown): SurveyResults {
  return {
    surveyId: 's2',
    title: '2027',
    period: '2027',
    questionnaireHash: 'h',
    sent: 2,
    returned: 2,
    returnRate: 100,
    targetReturnRate: 80,
    overall: { index: 80, grade: null },
    satisfactionRate: null,
    dimensions: [],
    slices: {},
    changes,
  } as unknown as SurveyResults;
}

describe('buildAnalysisReport, comparison with the previous survey', () => {
  it('takes dimension, sub-item and product changes from the results, biggest rise first, only what both surveys have', () => {
    const items = comparePeriods([
      { key: 'a', current: sample(70), previous: sample(75) },
      { key: 'b', current: sample(90), previous: sample(80) },
      { key: 'new', current: sample(60), previous: null },
    ]);
    const dimensions = comparePeriods([
      { key: 'quality', current: sample(80), previous: sample(79) },
      { key: 'service', current: sample(85), previous: sample(80) },
    ]);
    const products = comparePeriods([{ key: '泵', current: sample(70), previous: sample(72) }]);
    const report = buildAnalysisReport({
      results: results({ previousSurveyId: 's1', previousTitle: '2026', ...items, dimensions, slices: { productType: products } }),
      draft: null,
      waived: false,
      comments: [],
    });
    const changes = report.special.changes!;
    expect(report.special.previous).toEqual({ surveyId: 's1', title: '2026' });
    expect(changes.items.changes.map((c) => [c.key, c.delta])).toEqual([
      ['b', 10],
      ['a', -5],
    ]);
    expect(changes.dimensions.changes.map((c) => c.key)).toEqual(['service', 'quality']);
    expect([changes.dimensions.largestRise?.key, changes.dimensions.smallestRise?.key]).toEqual(['service', 'quality']);
    expect(changes.products.largestFall?.key).toBe('泵');
  });

  it('compares no products when the survey has no product types', () => {
    const none = comparePeriods([]);
    const report = buildAnalysisReport({
      results: results({ previousSurveyId: 's1', previousTitle: '2026', ...none, dimensions: none, slices: {} }),
      draft: null,
      waived: false,
      comments: [],
    });
    expect(report.special.changes!.products).toEqual(none);
  });

  it('has no comparison without a previous survey', () => {
    const report = buildAnalysisReport({ results: results(null), draft: null, waived: false, comments: [] });
    expect(report.special).toMatchObject({ previous: null, changes: null });
  });
});
