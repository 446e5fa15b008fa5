import { readFileSync } from 'node:fs';
import { create as createFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Cell, ReportLayout } from '../report-sections';

/**
 * PDF's standard fonts have no Chinese glyphs; the Noto Sans SC TTF ships as an
 * npm dependency, so Chinese prints on a fresh install without system fonts.
 * pdfkit embeds only the glyphs used, so the 10 MB font makes a small PDF.
 * The font is parsed once per process (fontkit, pdfkit's own parser) and shared:
 * each document still makes its own subset, and parsing again per PDF cost
 * about 100 ms and the glyph caches.
 */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let font: PDFKit.Mixins.PDFFontSource | undefined;

function cjkFont(): PDFKit.Mixins.PDFFontSource {
  // pdfkit accepts a parsed fontkit font where its types only list files and buffers
  font ??= createFont(readFileSync(FONT_FILE)) as PDFKit.Mixins.PDFFontSource;
  return font;
}

export async function renderReportPdf(layout: ReportLayout): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: layout.title, Producer: 'Satisflow' }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');

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
  footer(doc, layout.stamp);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function table(doc: PDFKit.PDFDocument, rows: Cell[][], header: boolean): void {
  if (rows.length === (header ? 1 : 0)) return;
  doc.fontSize(8);
  doc.table({
    data: rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#999' },
    rowStyles: (i) => (header && i === 0 ? { backgroundColor: '#e6f0ff' } : undefined),
  });
  doc.x = doc.page.margins.left;
}

/** Page numbers and the revision stamp on every page, so a printed page says what it belongs to. */
function footer(doc: PDFKit.PDFDocument, stamp: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor('#666').text(`${stamp} · ${i + 1}/${count}`, doc.page.margins.left, doc.page.height - 30, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
