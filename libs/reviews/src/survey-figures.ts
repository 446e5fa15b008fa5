import type { AnalysisReport } from '@satisflow/reports';
import { inPeriod, type ReviewPeriod } from './review-period';

/** A signed decision on a survey's report, from the audit trail. */
export interface ReportDecision {
  instanceId: string;
  /** APPROVE at reportApproval signs a revision; REJECT at gmApproval withdraws it. */
  event: string;
  at: Date;
  by: string;
  /** The revision and hash the approver signed (the engine's fact in the hashed record). */
  report: { revision: number; hash: string } | null;
}

export interface DimensionFigure {
  key: string;
  title: { zh: string; en: string } | null;
  index: number | null;
  n: number | null;
}

/** An approved report's figures, taken from its frozen revision, and where they came from. */
export interface ReportFigure {
  reportId: string;
  instanceId: string;
  surveyId: string;
  revision: number;
  hash: string;
  title: string;
  surveyPeriod: string | null;
  approvedAt: string;
  approvedBy: string;
  overallIndex: number | null;
  grade: { zh: string; en: string } | null;
  satisfactionRate: number | null;
  returnRate: number;
  sent: number;
  returned: number;
  waived: boolean;
  dimensions: DimensionFigure[];
}

export interface SurveyTrend {
  /** Every approved report up to the period's end, oldest first: the series the trend is read from. */
  points: { reportId: string; title: string; surveyPeriod: string | null; approvedAt: string; overallIndex: number | null }[];
  /** The period's latest report against the report approved before it; null without one. */
  change: {
    fromReportId: string;
    toReportId: string;
    overall: number | null;
    dimensions: { key: string; from: number | null; to: number | null; delta: number | null }[];
  } | null;
}

export interface SurveySection {
  reports: ReportFigure[];
  trend: SurveyTrend;
}

/**
 * The revision each survey has approved: per plan, its latest decision, kept when it
 * is an approval. A general manager's NG after the approver signed sends the report
 * back to drafting, so that revision no longer counts.
 */
export function approvedRevisions(decisions: ReportDecision[]): (ReportDecision & { report: { revision: number; hash: string } })[] {
  const latest = new Map<string, ReportDecision>();
  for (const d of decisions) {
    const seen = latest.get(d.instanceId);
    if (!seen || d.at >= seen.at) latest.set(d.instanceId, d);
  }
  return [...latest.values()].filter((d): d is ReportDecision & { report: { revision: number; hash: string } } => d.event === 'APPROVE' && d.report !== null);
}

export function reportFigure(reportId: string, decision: ReportDecision & { report: { revision: number; hash: string } }, content: AnalysisReport): ReportFigure {
  const f = content.figures;
  return {
    reportId,
    instanceId: decision.instanceId,
    surveyId: content.survey.id,
    revision: decision.report.revision,
    hash: decision.report.hash,
    title: content.survey.title,
    surveyPeriod: content.survey.period,
    approvedAt: decision.at.toISOString(),
    approvedBy: decision.by,
    overallIndex: f.overallIndex,
    grade: f.grade,
    satisfactionRate: f.satisfactionRate,
    returnRate: f.returnRate,
    sent: f.sent,
    returned: f.returned,
    waived: f.waived,
    dimensions: content.results.rows.filter((r) => r.level === 'dimension').map((r) => ({ key: r.key, title: r.title, index: r.index, n: r.n })),
  };
}

const delta = (from: number | null, to: number | null) => (from === null || to === null ? null : Math.round((to - from) * 10) / 10);

/** The period's reports (approved within it) and their trend against the reports approved before it. */
export function surveySection(approved: ReportFigure[], p: ReviewPeriod): SurveySection {
  const upToEnd = approved.filter((r) => Date.parse(r.approvedAt) < Date.parse(p.end)).sort((a, b) => a.approvedAt.localeCompare(b.approvedAt));
  const reports = upToEnd.filter((r) => inPeriod(new Date(r.approvedAt), p));
  const latest = reports.at(-1);
  const before = latest ? upToEnd[upToEnd.indexOf(latest) - 1] : undefined;
  return {
    reports,
    trend: {
      points: upToEnd.map((r) => ({ reportId: r.reportId, title: r.title, surveyPeriod: r.surveyPeriod, approvedAt: r.approvedAt, overallIndex: r.overallIndex })),
      change:
        latest && before
          ? {
              fromReportId: before.reportId,
              toReportId: latest.reportId,
              overall: delta(before.overallIndex, latest.overallIndex),
              dimensions: latest.dimensions.map((d) => {
                const from = before.dimensions.find((x) => x.key === d.key)?.index ?? null;
                return { key: d.key, from, to: d.index, delta: delta(from, d.index) };
              }),
            }
          : null,
    },
  };
}
