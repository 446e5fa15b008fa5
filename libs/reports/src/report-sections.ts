import type { Change } from '@satisflow/scoring';
import type { AnalysisReport, ResultRow, SliceRow } from './analysis-report';

export type Lang = 'zh' | 'en';
/**
 * An index or a percentage: a number printed with one decimal (domain.md prints 85.0 %, not 85),
 * kept a number so a spreadsheet can still compute with it.
 */
export class Figure {
  constructor(readonly value: number) {}
  toString(): string {
    return this.value.toFixed(1);
  }
}

export type Cell = string | number | Figure | null;

/** One decimal for an index or percentage that may be missing. */
const fig = (n: number | null | undefined): Figure | null => (n === null || n === undefined ? null : new Figure(n));

export interface ReportTable {
  /** short name, also the XLSX sheet name */
  name: string;
  head: string[];
  rows: Cell[][];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
}

/** The report laid out for people: what PDF, XLSX and CSV print, in one language. */
export interface ReportLayout {
  title: string;
  /** which revision this is: the frozen revision and its content hash, or "draft" */
  stamp: string;
  summary: [string, Cell][];
  sections: ReportSection[];
}

const L = {
  zh: {
    report: '客户满意度调查分析报告',
    period: '调查期间',
    sent: '发出问卷',
    returned: '回收问卷',
    returnRate: '回收率 %',
    target: '目标回收率 %',
    waived: '回收率豁免',
    yes: '是',
    no: '否',
    overall: '总体满意度指数',
    grade: '等级',
    satisfaction: '满意率 %',
    hash: '问卷版本散列',
    a: '(a) 各项目、小项及产品类别的调查结果',
    b: '(b) 特别数据：最低项及与上次调查相比升降最大者',
    c: '(c) 重点分析：发现项与顾客意见',
    d: '(d) 分析结论及改进建议',
    results: '结果',
    products: '产品类别',
    lowest: '最低小项',
    lowestDimensions: '最低项目',
    lowestProducts: '最低产品',
    changes: '小项变化',
    productChanges: '产品变化',
    findings: '发现项',
    comments: '顾客意见',
    level: '层级',
    dimension: '项目',
    item: '小项',
    key: '代码',
    name: '名称',
    index: '指数',
    n: '有效回答',
    na: '不适用',
    product: '产品类别',
    respondents: '回答人数',
    current: '本次',
    previous: '上次',
    delta: '变化',
    margin: '误差范围 ±',
    significant: '显著',
    title: '标题',
    detail: '说明',
    productQuality: '产品质量问题',
    important: '重要',
    customer: '顾客',
    channel: '方式',
    region: '区域',
    comment: '意见',
    against: '对比上次调查',
    noPrevious: '没有可对比的上次调查。',
    rise: '上升最多',
    fall: '下降最多',
    noDraft: '报告尚未提交：结论与建议在“编写分析报告”步骤填写。',
    channels: { email: '电子邮件', web: '网页链接', phone: '电话访谈', fax: '传真', post: '邮寄', visit: '上门走访', forum: '客户座谈会', paper: '纸质问卷' } as Record<string, string>,
    frozen: (revision: number) => `送审定稿（第 ${revision} 版）`,
    draft: '草稿（未送审）',
    signed: '签署',
    unsigned: '尚无签署',
    conclusions: '结论',
    proposals: '改进建议',
  },
  en: {
    report: 'Customer satisfaction survey analysis report',
    period: 'Period',
    sent: 'Sent',
    returned: 'Returned',
    returnRate: 'Return rate %',
    target: 'Target return rate %',
    waived: 'Return-rate waiver',
    yes: 'yes',
    no: 'no',
    overall: 'Overall satisfaction index',
    grade: 'Grade',
    satisfaction: 'Satisfaction rate %',
    hash: 'Questionnaire hash',
    a: '(a) Results per item, sub-item and product type',
    b: '(b) Special figures: lowest, and largest rises and falls against the previous survey',
    c: '(c) Focused analysis: findings and customer comments',
    d: '(d) Conclusions and improvement proposals',
    results: 'Results',
    products: 'Product types',
    lowest: 'Lowest sub-items',
    lowestDimensions: 'Lowest items',
    lowestProducts: 'Lowest products',
    changes: 'Sub-item changes',
    productChanges: 'Product changes',
    findings: 'Findings',
    comments: 'Customer comments',
    level: 'Level',
    dimension: 'Item',
    item: 'Sub-item',
    key: 'Key',
    name: 'Name',
    index: 'Index',
    n: 'Valid answers',
    na: 'Not applicable',
    product: 'Product type',
    respondents: 'Respondents',
    current: 'Current',
    previous: 'Previous',
    delta: 'Change',
    margin: 'Margin ±',
    significant: 'Significant',
    title: 'Title',
    detail: 'Detail',
    productQuality: 'Product quality',
    important: 'Important',
    customer: 'Customer',
    channel: 'Channel',
    region: 'Region',
    comment: 'Comment',
    against: 'Against the previous survey',
    noPrevious: 'There is no previous survey to compare with.',
    rise: 'Largest rise',
    fall: 'Largest fall',
    noDraft: 'The report has not been submitted yet: conclusions and proposals are written at the "Draft the analysis report" step.',
    channels: { email: 'E-mail', web: 'Web link', phone: 'Phone interview', fax: 'Fax', post: 'Post', visit: 'On-site visit', forum: 'Customer forum', paper: 'Paper form' } as Record<string, string>,
    frozen: (revision: number) => `Frozen for review, revision ${revision}`,
    draft: 'Draft (not yet submitted for review)',
    signed: 'Signed',
    unsigned: 'not signed yet',
    conclusions: 'Conclusions',
    proposals: 'Improvement proposals',
  },
} as const;

export interface FrozenStamp {
  revision: number;
  hash: string;
  /** the signatures given on this revision so far, oldest first */
  signatures?: { meaning: string; by: string; at: string }[];
}

export function reportLayout(r: AnalysisReport, lang: Lang, frozen: FrozenStamp | null): ReportLayout {
  const t = L[lang];
  const yesNo = (b: boolean | null) => (b === null ? null : b ? t.yes : t.no);
  const titled = (row: ResultRow) => row.title?.[lang] ?? row.key;
  const resultTable = (name: string, rows: ResultRow[]): ReportTable => ({
    name,
    head: [t.level, t.dimension, t.key, t.name, t.index, t.n, t.na],
    rows: rows.map((row) => [row.level === 'dimension' ? t.dimension : t.item, row.dimension, row.key, titled(row), fig(row.index), row.n, row.notApplicable]),
  });
  const sliceTable = (name: string, rows: SliceRow[]): ReportTable => ({ name, head: [t.product, t.index, t.respondents], rows: rows.map((s) => [s.slice, fig(s.index), s.respondents]) });
  const titles = new Map(r.results.rows.map((row) => [row.key, titled(row)]));
  const changeTable = (name: string, rows: Change[]): ReportTable => ({
    name,
    head: [t.key, t.name, t.current, t.previous, t.delta, t.margin, t.significant],
    rows: rows.map((c) => [c.key, titles.get(c.key) ?? c.key, fig(c.current), fig(c.previous), fig(c.delta), fig(c.marginOfError), yesNo(c.significant)]),
  });
  const describe = (label: string, c: Change | null) =>
    c ? `${label}: ${titles.get(c.key) ?? c.key} ${fig(c.previous)} → ${fig(c.current)} (${c.delta! > 0 ? '+' : ''}${fig(c.delta)})` : null;
  const s = r.special;
  const f = r.figures;
  return {
    title: `${r.survey.title} — ${t.report}`,
    stamp: frozen ? `${t.frozen(frozen.revision)} · SHA-256 ${frozen.hash}` : t.draft,
    summary: [
      [t.period, r.survey.period],
      [t.sent, f.sent],
      [t.returned, f.returned],
      [t.returnRate, fig(f.returnRate)],
      [t.target, fig(f.targetReturnRate)],
      [t.waived, yesNo(f.waived)],
      [t.overall, fig(f.overallIndex)],
      [t.grade, f.grade?.[lang] ?? null],
      [t.satisfaction, fig(f.satisfactionRate)],
      [t.hash, r.survey.questionnaireHash],
      ...(frozen ? [[t.signed, signedBy(frozen, t.unsigned)] as [string, Cell]] : []),
    ],
    sections: [
      { heading: t.a, paragraphs: [], tables: [resultTable(t.results, r.results.rows), sliceTable(t.products, r.results.productTypes)] },
      {
        heading: t.b,
        paragraphs: s.previous
          ? [`${t.against}: ${s.previous.title}`, describe(t.rise, s.largestRise), describe(t.fall, s.largestFall)].filter((p): p is string => p !== null)
          : [t.noPrevious],
        tables: [
          resultTable(t.lowest, s.lowestItems),
          resultTable(t.lowestDimensions, s.lowestDimensions),
          sliceTable(t.lowestProducts, s.lowestProducts),
          changeTable(t.changes, s.itemChanges),
          changeTable(t.productChanges, s.productChanges),
        ],
      },
      {
        heading: t.c,
        paragraphs: [],
        tables: [
          {
            name: t.findings,
            head: [t.title, t.detail, t.productQuality, t.important],
            rows: r.focus.findings.map((x) => [x.title, x.detail ?? null, yesNo(x.productQuality), yesNo(x.important)]),
          },
          {
            name: t.comments,
            head: [t.customer, t.channel, t.product, t.region, t.comment],
            rows: r.focus.comments.map((x) => [x.customer, t.channels[x.channel] ?? x.channel, x.productType, x.region, x.comment]),
          },
        ],
      },
      {
        heading: t.d,
        paragraphs: r.conclusions.conclusions.length || r.conclusions.proposals.length
          ? [`${t.conclusions}:`, ...r.conclusions.conclusions, `${t.proposals}:`, ...r.conclusions.proposals]
          : [t.noDraft],
        tables: [],
      },
    ],
  };
}

/** Who signed the frozen revision, in order: "审核通过 / reviewed — survey_manager 2026-12-03 05:31 UTC; …". */
function signedBy(frozen: FrozenStamp, none: string): string {
  const list = frozen.signatures ?? [];
  return list.length ? list.map((x) => `${x.meaning} — ${x.by} ${x.at.slice(0, 16).replace('T', ' ')} UTC`).join('; ') : none;
}
