import { pageOf, recordDrawnText } from '../../../pdf/src/__tests__/drawn-text';
import { reportFixture } from '../__tests__/report-fixture';
import { type ReportLayout, reportLayout } from '../report-sections';
import { renderReportPdf } from './report-pdf';

/** The layout with `extra` summary lines, which pushes everything after the summary down the page. */
function pushedDown(layout: ReportLayout, extra: number): ReportLayout {
  return { ...layout, summary: [...layout.summary, ...Array.from({ length: extra }, (_, i): [string, string] => [`filler ${i}`, '—'])] };
}

describe('renderReportPdf layout', () => {
  let recording: ReturnType<typeof recordDrawnText>;
  beforeEach(() => (recording = recordDrawnText()));
  afterEach(() => recording.stop());

  it('never leaves a section heading or table name alone at the foot of a page, wherever the tables fall', async () => {
    const layout = reportLayout(reportFixture(), 'en', null);
    // one extra summary line at a time moves every heading through the foot of the page
    for (let extra = 0; extra < 45; extra++) {
      recording.drawn.length = 0;
      await renderReportPdf(pushedDown(layout, extra));
      const { drawn } = recording;
      for (const section of layout.sections) {
        for (const [i, t] of section.tables.entries()) {
          if (!t.rows.length) continue;
          const firstCell = drawn[drawn.findIndex((d) => d.text === t.name) + 1 + t.head.length];
          expect({ extra, table: t.name, page: pageOf(drawn, t.name) }).toEqual({ extra, table: t.name, page: firstCell.page });
          // a section that opens with a table keeps its heading with it too
          if (i === 0 && !section.paragraphs.length) expect({ extra, heading: section.heading, page: pageOf(drawn, section.heading) }).toEqual({ extra, heading: section.heading, page: firstCell.page });
        }
      }
    }
  });

  it('repeats a long table’s header row on every page it runs onto', async () => {
    const layout = reportLayout(reportFixture({ rows: 120 }), 'en', null);
    await renderReportPdf(layout);
    const comments = layout.sections[2].tables[1];
    const { drawn } = recording;
    const rows = drawn.filter((d) => /^客户\d+$/.test(d.text));
    const pages = [...new Set(rows.map((d) => d.page))];
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const first = drawn.findIndex((d) => d.page === page && /^客户\d+$/.test(d.text));
      expect(drawn.slice(first - comments.head.length, first).map((d) => [d.page, d.text])).toEqual(comments.head.map((h) => [page, h]));
    }
  });

  it('prints a TAB in a customer comment as a space', async () => {
    await renderReportPdf(reportLayout(reportFixture({ comment: '包装\t破损\r\n请改进' }), 'zh', null));
    expect(recording.drawn.map((d) => d.text)).toContain('包装 破损\n请改进');
    expect(recording.drawn.filter((d) => /[^\P{Cc}\n]/u.test(d.text))).toEqual([]);
  });
});
