// Test-only: an analysis report as plain data, for the layout and renderer specs.
import { comparePeriods } from '@satisflow/scoring';
import type { AnalysisReport, ReportChanges } from '../analysis-report';

const sample = (index: number, standardError: number | null) => ({ index, standardError });

/** Figures against a previous survey: quality +2.0 (±1.4), service −6.0; products with and without a margin. */
export const CHANGES: ReportChanges = {
  dimensions: comparePeriods([
    { key: 'quality', current: sample(82, 0.5), previous: sample(80, 0.5) },
    { key: 'service', current: sample(74, 1), previous: sample(80, 1) },
  ]),
  items: comparePeriods([
    { key: 'function', current: sample(88, 2), previous: sample(77.6, 1.5578) },
    { key: 'finish', current: sample(80.5, 1), previous: sample(80, 1) },
    { key: 'response', current: sample(74, 1), previous: sample(80, 1) },
  ]),
  products: comparePeriods([
    { key: '泵', current: sample(86, 2), previous: sample(80, 1.5) },
    { key: '阀门', current: sample(79, null), previous: sample(80, 1) },
  ]),
};

export function reportFixture(overrides: { changes?: ReportChanges | null; comment?: string; rows?: number } = {}): AnalysisReport {
  const changes = overrides.changes === undefined ? CHANGES : overrides.changes;
  return {
    survey: { id: 's2', title: '2027 年度客户满意度调查', period: '2027', questionnaireHash: 'abc' },
    figures: { sent: 40, returned: 34, returnRate: 85, targetReturnRate: 80, waived: false, overallIndex: 80.1, grade: { zh: '满意', en: 'Satisfied' }, satisfactionRate: 90 },
    results: {
      rows: [
        { level: 'dimension', dimension: 'quality', key: 'quality', title: { zh: '产品质量', en: 'Product quality' }, index: 82, n: null, notApplicable: null },
        { level: 'item', dimension: 'quality', key: 'function', title: { zh: '功能', en: 'Function' }, index: 88, n: 25, notApplicable: 0 },
        { level: 'item', dimension: 'quality', key: 'finish', title: { zh: '外观', en: 'Finish' }, index: 80.5, n: 25, notApplicable: 0 },
        { level: 'dimension', dimension: 'service', key: 'service', title: { zh: '服务', en: 'Service' }, index: 74, n: null, notApplicable: null },
        { level: 'item', dimension: 'service', key: 'response', title: { zh: '响应速度', en: 'Responsiveness' }, index: 74, n: 25, notApplicable: 0 },
      ],
      productTypes: [
        { slice: '泵', index: 86, respondents: 20 },
        { slice: '阀门', index: 79, respondents: 14 },
      ],
    },
    special: {
      lowestItems: [],
      lowestDimensions: [],
      lowestProducts: [],
      previous: changes ? { surveyId: 's1', title: '2026 年度客户满意度调查' } : null,
      changes,
    },
    focus: {
      findings: [],
      comments: Array.from({ length: overrides.rows ?? 1 }, (_, i) => ({
        customer: `客户${i}`,
        channel: 'web',
        productType: '泵',
        region: null,
        comment: overrides.comment ?? `意见 ${i}`,
      })),
    },
    conclusions: { conclusions: [], proposals: [] },
  };
}
