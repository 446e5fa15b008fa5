import { parsePeriod } from './review-period';
import { approvedRevisions, type ReportDecision, type ReportFigure, surveySection } from './survey-figures';

const decision = (instanceId: string, event: string, iso: string, revision?: number): ReportDecision => ({
  instanceId,
  event,
  at: new Date(iso),
  by: 'approver',
  report: revision ? { revision, hash: `h${revision}` } : null,
});

function figure(reportId: string, approvedAt: string, overallIndex: number | null, dims: [string, number | null][]): ReportFigure {
  return {
    reportId,
    instanceId: `plan-${reportId}`,
    surveyId: `survey-${reportId}`,
    revision: 1,
    hash: 'h',
    title: reportId,
    surveyPeriod: null,
    approvedAt,
    approvedBy: 'approver',
    overallIndex,
    grade: null,
    satisfactionRate: null,
    returnRate: 85,
    sent: 20,
    returned: 17,
    waived: false,
    dimensions: dims.map(([key, index]) => ({ key, title: null, index, n: 17 })),
  };
}

describe('approved report revisions', () => {
  it("keeps each plan's latest approval, unless the general manager sent it back after", () => {
    const approved = approvedRevisions([
      decision('a', 'APPROVE', '2026-03-01T00:00:00Z', 1),
      decision('a', 'REJECT', '2026-03-02T00:00:00Z'),
      decision('a', 'APPROVE', '2026-03-09T00:00:00Z', 2),
      decision('b', 'APPROVE', '2026-04-01T00:00:00Z', 1),
      decision('b', 'REJECT', '2026-04-03T00:00:00Z'),
    ]);
    expect(approved.map((d) => [d.instanceId, d.report.revision])).toEqual([['a', 2]]);
  });
});

describe('survey section and trend', () => {
  const p = parsePeriod('2026', 480)!;
  const reports = [
    figure('2024', '2024-11-20T02:00:00Z', 78.4, [['quality', 80], ['service', 75]]),
    figure('2025', '2025-11-18T02:00:00Z', 81.0, [['quality', 83.5], ['service', 77]]),
    figure('2026', '2026-11-25T02:00:00Z', 84.2, [['quality', 82.1], ['service', 86], ['price', 70]]),
    // approved on 2 January 2027, Beijing time: the next period's
    figure('2027', '2027-01-01T17:00:00Z', 90, []),
  ];

  it("takes the period's reports and compares the latest with the one approved before it", () => {
    const s = surveySection(reports, p);
    expect(s.reports.map((r) => r.reportId)).toEqual(['2026']);
    expect(s.trend.points.map((pt) => [pt.reportId, pt.overallIndex])).toEqual([
      ['2024', 78.4],
      ['2025', 81],
      ['2026', 84.2],
    ]);
    expect(s.trend.change).toEqual({
      fromReportId: '2025',
      toReportId: '2026',
      overall: 3.2,
      dimensions: [
        { key: 'quality', from: 83.5, to: 82.1, delta: -1.4 },
        { key: 'service', from: 77, to: 86, delta: 9 },
        { key: 'price', from: null, to: 70, delta: null },
      ],
    });
  });

  it('has no change without an earlier report, and no reports in an empty period', () => {
    expect(surveySection(reports.slice(2, 3), p).trend).toEqual({ points: [expect.objectContaining({ reportId: '2026' })], change: null });
    expect(surveySection(reports, parsePeriod('2023', 480)!)).toEqual({ reports: [], trend: { points: [], change: null } });
  });
});
