import { type ChangeReport, comparePeriods, lowestItems } from '@satisflow/scoring';
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
  /** (b) lowest sub-items, items and products; what rose or fell most and least against the previous survey */
  special: {
    lowestItems: ResultRow[];
    lowestDimensions: ResultRow[];
    lowestProducts: SliceRow[];
    previous: { surveyId: string; title: string } | null;
    /** null without a previous survey */
    changes: ReportChanges | null;
  };
  /** (c) focused analysis: the coordinator's findings and the customers' own comments */
  focus: { findings: ReportFinding[]; comments: RespondentComment[] };
  /** (d) conclusions and improvement proposals; empty until the draft is submitted */
  conclusions: { conclusions: string[]; proposals: string[] };
}

/**
 * Changes against the previous survey per level: dimensions (项目), items (小项)
 * and product types, each list biggest rise first, with its extremes.
 */
export interface ReportChanges {
  dimensions: ChangeReport;
  items: ChangeReport;
  products: ChangeReport;
}

export interface ReportInput {
  results: SurveyResults;
  draft: DraftText | null;
  waived: boolean;
  comments: RespondentComment[];
}

const LOWEST = 5;

export function buildAnalysisReport({ results, draft, waived, comments }: ReportInput): AnalysisReport {
  const rows = resultRows(results);
  const items = rows.filter((r) => r.level === 'item');
  const productTypes = productSlices(results);
  const changes = results.changes;
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
      previous: changes ? { surveyId: changes.previousSurveyId, title: changes.previousTitle } : null,
      changes: changes
        ? {
            dimensions: sortByDelta(changes.dimensions),
            items: sortByDelta(changes),
            products: sortByDelta(changes.slices.productType ?? comparePeriods([])),
          }
        : null,
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

/** Only what both surveys have, biggest rise first, biggest fall last; the extremes as computed. */
function sortByDelta({ changes, largestRise, smallestRise, largestFall, smallestFall }: ChangeReport): ChangeReport {
  return { changes: changes.filter((c) => c.delta !== null).sort((a, b) => b.delta! - a.delta!), largestRise, smallestRise, largestFall, smallestFall };
}

