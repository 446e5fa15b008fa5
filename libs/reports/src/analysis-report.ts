import { Change, comparePeriods, lowestItems } from '@satisflow/scoring';
import type { LocalText, RespondentComment, SurveyResults } from '@satisflow/surveys';

/** A finding as the coordinator submits it with the draft (procedure A, step 7 → 11). */
export interface ReportFinding {
  title: string;
  detail?: string;
  productQuality: boolean;
  important: boolean;
}

/** What the plan instance holds of the report: filled in at reportDrafting's SUBMIT. */
export interface DraftText {
  conclusions: string[];
  proposals: string[];
  findings: ReportFinding[];
}

/** One row of section (a): a dimension (项目) or one of its items (小项). */
export interface ResultRow {
  level: 'dimension' | 'item';
  dimension: string;
  key: string;
  title: LocalText | null;
  index: number | null;
  n: number | null;
  notApplicable: number | null;
}

export interface SliceRow {
  slice: string;
  index: number | null;
  respondents: number;
}

/**
 * The analysis report (《客户满意度调查分析报告》, domain.md section 2 step 7) as
 * plain JSON: the frozen revision is exactly this object, and every output
 * format (JSON, PDF, XLSX, CSV) is rendered from it.
 */
export interface AnalysisReport {
  survey: { id: string; title: string; period: string | null; questionnaireHash: string };
  figures: {
    sent: number;
    returned: number;
    returnRate: number;
    targetReturnRate: number;
    /** true when collection closed below the target on an approved waiver */
    waived: boolean;
    overallIndex: number | null;
    grade: LocalText | null;
    satisfactionRate: number | null;
  };
  /** (a) results per item, sub-item and product type */
  results: { rows: ResultRow[]; productTypes: SliceRow[] };
  /** (b) lowest sub-items, items and products; rises and falls against the previous survey */
  special: {
    lowestItems: ResultRow[];
    lowestDimensions: ResultRow[];
    lowestProducts: SliceRow[];
    previous: { surveyId: string; title: string } | null;
    itemChanges: Change[];
    productChanges: Change[];
    /** the sub-items that rose and fell most */
    largestRise: Change | null;
    largestFall: Change | null;
  };
  /** (c) focused analysis: the coordinator's findings and the customers' own comments */
  focus: { findings: ReportFinding[]; comments: RespondentComment[] };
  /** (d) conclusions and improvement proposals; empty until the draft is submitted */
  conclusions: { conclusions: string[]; proposals: string[] };
}

export interface ReportInput {
  results: SurveyResults;
  previous: SurveyResults | null;
  draft: DraftText | null;
  waived: boolean;
  comments: RespondentComment[];
}

const LOWEST = 5;

export function buildAnalysisReport({ results, previous, draft, waived, comments }: ReportInput): AnalysisReport {
  const rows = resultRows(results);
  const items = rows.filter((r) => r.level === 'item');
  const productTypes = productSlices(results);
  const itemChanges = sortByDelta(results.changes?.changes ?? []);
  const productChanges = previous ? sortByDelta(comparePeriods(pairSlices(productTypes, productSlices(previous))).changes) : [];
  return {
    survey: { id: results.surveyId, title: results.title, period: results.period, questionnaireHash: results.questionnaireHash },
    figures: {
      sent: results.sent,
      returned: results.returned,
      returnRate: results.returnRate,
      targetReturnRate: results.targetReturnRate,
      waived,
      overallIndex: results.overall.index,
      grade: results.overall.grade?.label ?? null,
      satisfactionRate: results.satisfactionRate?.rate ?? null,
    },
    results: { rows, productTypes },
    special: {
      lowestItems: lowestItems(items, LOWEST),
      lowestDimensions: lowestItems(rows.filter((r) => r.level === 'dimension'), LOWEST),
      lowestProducts: lowestItems(productTypes, LOWEST),
      previous: results.changes ? { surveyId: results.changes.previousSurveyId, title: results.changes.previousTitle } : null,
      itemChanges,
      productChanges,
      largestRise: results.changes?.largestRise ?? null,
      largestFall: results.changes?.largestFall ?? null,
    },
    focus: { findings: draft?.findings ?? [], comments },
    conclusions: { conclusions: draft?.conclusions ?? [], proposals: draft?.proposals ?? [] },
  };
}

function resultRows(results: SurveyResults): ResultRow[] {
  return results.dimensions.flatMap((d) => [
    { level: 'dimension' as const, dimension: d.key, key: d.key, title: d.title ?? null, index: d.index, n: null, notApplicable: null },
    ...d.items.map((i) => ({ level: 'item' as const, dimension: d.key, key: i.key, title: i.title ?? null, index: i.index, n: i.n, notApplicable: i.notApplicable })),
  ]);
}

function productSlices(results: SurveyResults): SliceRow[] {
  return (results.slices.productType ?? []).map((s) => ({ slice: s.slice, index: s.index, respondents: s.respondents }));
}

function pairSlices(current: SliceRow[], previous: SliceRow[]) {
  const before = new Map(previous.map((s) => [s.slice, s]));
  return current.filter((s) => before.has(s.slice)).map((s) => ({ key: s.slice, current: { index: s.index }, previous: { index: before.get(s.slice)!.index } }));
}

/** Biggest rise first, biggest fall last: the "most and least" of step 7 (b) read off both ends. */
function sortByDelta(changes: Change[]): Change[] {
  return changes.filter((c) => c.delta !== null).sort((a, b) => b.delta! - a.delta!);
}

