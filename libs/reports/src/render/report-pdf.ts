import { pdfHeading, pdfTable, printable, stampPages, startPdf, type TableHeading } from '@satisflow/pdf';
import type { Cell, ReportLayout } from '../report-sections';

export async function renderReportPdf(layout: ReportLayout): Promise<Buffer> {
  const { doc, finish } = startPdf(layout.title);
  doc.fontSize(16).text(printable(layout.title), { align: 'center' });
  doc.moveDown(0.3).fontSize(8).fillColor('#666').text(printable(layout.stamp), { align: 'center' }).fillColor('black');
  doc.moveDown();
  pdfTable(doc, texts(layout.summary), false);
  for (const section of layout.sections) {
    const heading: TableHeading = { text: section.heading, fontSize: 12, gap: 1 };
    // a section that opens with a table keeps its heading with the table's first rows
    const opensWithTable = !section.paragraphs.length && section.tables.length > 0;
    if (!opensWithTable) pdfHeading(doc, heading);
    doc.fontSize(9);
    for (const p of section.paragraphs) doc.moveDown(0.3).text(printable(p));
    section.tables.forEach((t, i) =>
      pdfTable(doc, texts([t.head, ...t.rows]), true, 8, [...(i === 0 && opensWithTable ? [heading] : []), { text: t.name, fontSize: 10, gap: 0.5 }]),
    );
  }
  stampPages(doc, layout.stamp);
  return finish();
}

function texts(rows: Cell[][]): string[][] {
  return rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
}
