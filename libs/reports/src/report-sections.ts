import type { Change } from '@satisflow/scoring';
import type { AnalysisReport, ReportChanges, ResultRow, SliceRow } from './analysis-report';

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
    b: '(b) 特别数据：最低项，及与上次调查相比升降最多和最少者',
    c: '(c) 重点分析：发现项与顾客意见',
    d: '(d) 分析结论及改进建议',
    results: '结果',
    products: '产品类别',
    lowest: '最低小项',
    lowestDimensions: '最低项目',
    lowestProducts: '最低产品',
    dimensionChanges: '项目变化',
    changes: '小项变化',
    productChanges: '产品变化',
    extremes: '升降最多与最少',
    movement: '升降',
    riseMost: '上升最多',
    riseLeast: '上升最少',
    fallMost: '下降最多',
    fallLeast: '下降最少',
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
    marginNote:
      '误差范围：两次调查之差的 95% 置信区间半宽；变化超出误差范围为“显著”。项目与产品的误差范围按其各小项同向变动估算，偏宽，因此标为显著的变化在任何相关性下都显著。',
    noPrevious: '没有可对比的上次调查。',
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
    b: '(b) Special figures: lowest, and what rose or fell most and least against the previous survey',
    c: '(c) Focused analysis: findings and customer comments',
    d: '(d) Conclusions and improvement proposals',
    results: 'Results',
    products: 'Product types',
    lowest: 'Lowest sub-items',
    lowestDimensions: 'Lowest items',
    lowestProducts: 'Lowest products',
    dimensionChanges: 'Item changes',
    changes: 'Sub-item changes',
    productChanges: 'Product changes',
    extremes: 'Rose or fell most and least',
    movement: 'Movement',
    riseMost: 'Rose most',
    riseLeast: 'Rose least',
    fallMost: 'Fell most',
    fallLeast: 'Fell least',
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
    marginNote:
      'Margin: half-width of the 95 % interval of the difference between the two surveys; a change beyond it is significant. For items and products the margin assumes their sub-items move together, which makes it wide: a change marked significant is significant whatever the correlation.',
    noPrevious: 'There is no previous survey to compare with.',
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
  const titlesOf = (level: ResultRow['level']) => new Map(r.results.rows.filter((row) => row.level === level).map((row) => [row.key, titled(row)]));
  const changeHead = [t.key, t.name, t.current, t.previous, t.delta, t.margin, t.significant];
  const changeCells = (c: Change, titles: Map<string, string>): Cell[] => [
    c.key,
    titles.get(c.key) ?? c.key,
    fig(c.current),
    fig(c.previous),
    fig(c.delta),
    fig(c.marginOfError),
    yesNo(c.significant),
  ];
  // one table per level, then what rose or fell most and least on every level (step 7 (b))
  const changeTables = (changes: ReportChanges): ReportTable[] => {
    const levels = [
      { label: t.dimension, name: t.dimensionChanges, report: changes.dimensions, titles: titlesOf('dimension') },
      { label: t.item, name: t.changes, report: changes.items, titles: titlesOf('item') },
      { label: t.product, name: t.productChanges, report: changes.products, titles: new Map<string, string>() },
    ];
    const extremes = ({ label, report, titles }: (typeof levels)[number]): Cell[][] =>
      (
        [
          [t.riseMost, report.largestRise],
          [t.riseLeast, report.smallestRise],
          [t.fallMost, report.largestFall],
          [t.fallLeast, report.smallestFall],
        ] as const
      ).flatMap(([movement, c]) => (c ? [[label, movement, ...changeCells(c, titles)]] : []));
    return [
      ...levels.map(({ name, report, titles }) => ({ name, head: changeHead, rows: report.changes.map((c) => changeCells(c, titles)) })),
      { name: t.extremes, head: [t.level, t.movement, ...changeHead], rows: levels.flatMap(extremes) },
    ];
  };
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
        paragraphs: s.previous && s.changes ? [`${t.against}: ${s.previous.title}`, t.marginNote] : [t.noPrevious],
        tables: [
          resultTable(t.lowest, s.lowestItems),
          resultTable(t.lowestDimensions, s.lowestDimensions),
          sliceTable(t.lowestProducts, s.lowestProducts),
          ...(s.changes ? changeTables(s.changes) : []),
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
