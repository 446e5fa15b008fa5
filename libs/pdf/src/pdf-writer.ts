import { readFileSync } from 'node:fs';
import { create as createFont } from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * PDF's standard fonts have no Chinese glyphs; the Noto Sans SC TTF ships as an
 * npm dependency, so Chinese prints on a fresh install without system fonts.
 * pdfkit embeds only the glyphs used, so the 10 MB font makes a small PDF.
 * The font is parsed once per process (fontkit, pdfkit's own parser) and shared:
 * each document still makes its own subset, and parsing it again per PDF cost
 * about 100 ms and the glyph caches.
 */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let font: PDFKit.Mixins.PDFFontSource | undefined;

export function cjkFont(): PDFKit.Mixins.PDFFontSource {
  // pdfkit accepts a parsed fontkit font where its types only list files and buffers
  font ??= createFont(readFileSync(FONT_FILE)) as PDFKit.Mixins.PDFFontSource;
  return font;
}

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document collecting into memory, with the CJK font registered and selected as `cjk`. */
export function startPdf(title: string, options: { margin?: number; layout?: 'portrait' | 'landscape' } = {}): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin ?? 48,
    layout: options.layout ?? 'portrait',
    info: { Title: title, Producer: 'Satisflow' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  return {
    doc,
    async finish() {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}

/** Page numbers and a stamp on every page, so a printed page says what it belongs to. */
export function stampPages(doc: PDFKit.PDFDocument, stamp: string): void {
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
    doc.fillColor('black');
  }
}
