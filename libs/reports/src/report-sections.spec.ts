import { CHANGES, reportFixture } from './__tests__/report-fixture';
import { type Cell, type ReportTable, reportLayout } from './report-sections';

const text = (rows: Cell[][]) => rows.map((r) => r.map((c) => (c === null ? null : String(c))));
const table = (tables: ReportTable[], name: string) => {
  const found = tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table "${name}" among ${tables.map((t) => t.name).join(', ')}`);
  return found;
};

describe('reportLayout, section (b) against the previous survey', () => {
  it('prints each dimension’s change with its margin and significance (English)', () => {
    const b = reportLayout(reportFixture(), 'en', null).sections[1];
    expect(b.heading).toBe('(b) Special figures: lowest, and what rose or fell most and least against the previous survey');
    expect(b.paragraphs[0]).toBe('Against the previous survey: 2026 年度客户满意度调查');
    const items = table(b.tables, 'Item changes');
    expect(items.head).toEqual(['Key', 'Name', 'Current', 'Previous', 'Change', 'Margin ±', 'Significant']);
    // quality: 1.96 × √(0.5² + 0.5²) = 1.4 < 2.0; service: 1.96 × √2 = 2.8 < 6.0
    expect(text(items.rows)).toEqual([
      ['quality', 'Product quality', '82.0', '80.0', '2.0', '1.4', 'yes'],
      ['service', 'Service', '74.0', '80.0', '-6.0', '2.8', 'yes'],
    ]);
    expect(text(table(b.tables, 'Product changes').rows)).toEqual([
      ['泵', '泵', '86.0', '80.0', '6.0', '4.9', 'yes'],
      ['阀门', '阀门', '79.0', '80.0', '-1.0', null, null],
    ]);
    expect(table(b.tables, 'Sub-item changes').rows).toHaveLength(3);
  });

  it('lists what rose or fell most and least on every level (English)', () => {
    const extremes = table(reportLayout(reportFixture(), 'en', null).sections[1].tables, 'Rose or fell most and least');
    expect(extremes.head.slice(0, 3)).toEqual(['Level', 'Movement', 'Key']);
    expect(text(extremes.rows).map((r) => r.slice(0, 3))).toEqual([
      ['Item', 'Rose most', 'quality'],
      ['Item', 'Rose least', 'quality'],
      ['Item', 'Fell most', 'service'],
      ['Item', 'Fell least', 'service'],
      ['Sub-item', 'Rose most', 'function'],
      ['Sub-item', 'Rose least', 'finish'],
      ['Sub-item', 'Fell most', 'response'],
      ['Sub-item', 'Fell least', 'response'],
      ['Product type', 'Rose most', '泵'],
      ['Product type', 'Rose least', '泵'],
      ['Product type', 'Fell most', '阀门'],
      ['Product type', 'Fell least', '阀门'],
    ]);
    // function: 77.6 → 88.0, margin 1.96 × √(2² + 1.5578²) = 5.0
    expect(text(extremes.rows)[4]).toEqual(['Sub-item', 'Rose most', 'function', 'Function', '88.0', '77.6', '10.4', '5.0', 'yes']);
    expect(text(extremes.rows)[5]).toEqual(['Sub-item', 'Rose least', 'finish', 'Finish', '80.5', '80.0', '0.5', '2.8', 'no']);
  });

  it('says the same in Chinese', () => {
    const b = reportLayout(reportFixture(), 'zh', null).sections[1];
    expect(b.heading).toBe('(b) 特别数据：最低项，及与上次调查相比升降最多和最少者');
    expect(b.paragraphs[1]).toMatch(/^误差范围：两次调查之差的 95% 置信区间半宽/);
    expect(b.tables.map((t) => t.name)).toEqual(['最低小项', '最低项目', '最低产品', '项目变化', '小项变化', '产品变化', '升降最多与最少']);
    expect(table(b.tables, '项目变化').head).toEqual(['代码', '名称', '本次', '上次', '变化', '误差范围 ±', '显著']);
    expect(text(table(b.tables, '升降最多与最少').rows)[1]).toEqual(['项目', '上升最少', 'quality', '产品质量', '82.0', '80.0', '2.0', '1.4', '是']);
    expect(text(table(b.tables, '升降最多与最少').rows)[10].slice(0, 3)).toEqual(['产品类别', '下降最多', '阀门']);
  });

  it('has no comparison tables without a previous survey', () => {
    const b = reportLayout(reportFixture({ changes: null }), 'en', null).sections[1];
    expect(b.paragraphs).toEqual(['There is no previous survey to compare with.']);
    expect(b.tables.map((t) => t.name)).toEqual(['Lowest sub-items', 'Lowest items', 'Lowest products']);
  });

  it('leaves out an extreme that does not exist (nothing fell)', () => {
    const risesOnly = { ...CHANGES, dimensions: { ...CHANGES.dimensions, largestFall: null, smallestFall: null } };
    const extremes = table(reportLayout(reportFixture({ changes: risesOnly }), 'en', null).sections[1].tables, 'Rose or fell most and least');
    expect(text(extremes.rows).filter((r) => r[0] === 'Item').map((r) => r[1])).toEqual(['Rose most', 'Rose least']);
  });
});
