import { pdfTable, stampPages, startPdf } from '@satisflow/pdf';
import type { Cell, ReportLayout } from '../report-sections';

export async function renderReportPdf(layout: ReportLayout): Promise<Buffer> {
  const { doc, finish } = startPdf(layout.title);
  doc.fontSize(16).text(layout.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(8).fillColor('#666').text(layout.stamp, { align: 'center' }).fillColor('black');
  doc.moveDown();
  table(doc, layout.summary.map(([k, v]) => [k, v]), false);
  for (const section of layout.sections) {
    doc.moveDown().fontSize(12).text(section.heading);
    doc.fontSize(9);
    for (const p of section.paragraphs) doc.moveDown(0.3).text(p);
    for (const t of section.tables) {
      doc.moveDown(0.5).fontSize(10).text(t.name);
      table(doc, [t.head, ...t.rows], true);
    }
  }
  stampPages(doc, layout.stamp);
  return finish();
}

function table(doc: PDFKit.PDFDocument, rows: Cell[][], header: boolean): void {
  pdfTable(doc, rows.map((r) => r.map((c) => (c === null ? '' : String(c)))), header);
}
