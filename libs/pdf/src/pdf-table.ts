import { printable } from './printable';

/** A line of text printed above a table (section heading, table name). */
export interface TableHeading {
  text: string;
  fontSize: number;
  /** space above it, in lines of its own size */
  gap: number;
}

const PADDING = 3;
const BORDER = { width: 0.5, color: '#999' };
const HEADER_FILL = '#e6f0ff';

/**
 * A bordered table at the cursor, columns of equal width. With `header`, the
 * first row is shaded and printed again at the top of every page the table runs
 * onto, so a printed page can be read on its own. The `headings` start on a page
 * that also holds the header row and the first data row: a heading never ends a
 * page alone. A row taller than a page is cut to the page, with an ellipsis.
 */
export function pdfTable(doc: PDFKit.PDFDocument, rows: string[][], header: boolean, fontSize = 8, headings: TableHeading[] = []): void {
  const cells = rows.map((row) => row.map(printable));
  const left = doc.page.margins.left;
  const columnWidth = (doc.page.width - left - doc.page.margins.right) / Math.max(1, ...cells.map((r) => r.length));
  doc.fontSize(fontSize);
  const heights = cells.map((row) => rowHeight(doc, row, columnWidth));
  const lead = heights.slice(0, header ? 2 : 1).reduce((a, b) => a + b, 0);
  keepTogether(doc, headings.reduce((h, x) => h + headingHeight(doc, x), 0) + lead);
  for (const heading of headings) pdfHeading(doc, heading);
  if (cells.length === (header ? 1 : 0)) return;
  doc.fontSize(fontSize);
  const draw = (i: number, y: number) => drawRow(doc, cells[i], left, y, columnWidth, heights[i], header && i === 0);
  let y = header ? draw(0, doc.y) : doc.y;
  for (let i = header ? 1 : 0; i < cells.length; i++) {
    if (y + heights[i] > bottom(doc) && y > doc.page.margins.top) {
      doc.addPage();
      y = header ? draw(0, doc.page.margins.top) : doc.page.margins.top;
    }
    y = draw(i, y);
  }
  doc.x = left;
  doc.y = y;
}

/** A heading line at the cursor (control characters printed as spaces). */
export function pdfHeading(doc: PDFKit.PDFDocument, heading: TableHeading): void {
  doc.fontSize(heading.fontSize).moveDown(heading.gap).text(printable(heading.text));
}

/** Starts a new page unless `height` more points fit on this one (or it is already at the top). */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc) && doc.y > doc.page.margins.top) doc.addPage();
}

function headingHeight(doc: PDFKit.PDFDocument, heading: TableHeading): number {
  doc.fontSize(heading.fontSize);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  return heading.gap * doc.currentLineHeight(true) + doc.heightOfString(printable(heading.text), { width });
}

function rowHeight(doc: PDFKit.PDFDocument, row: string[], columnWidth: number): number {
  const text = Math.max(doc.currentLineHeight(), ...row.map((cell) => doc.heightOfString(cell, { width: columnWidth - 2 * PADDING })));
  return Math.min(text + 2 * PADDING, bottom(doc) - doc.page.margins.top);
}

function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

function drawRow(doc: PDFKit.PDFDocument, row: string[], left: number, y: number, width: number, height: number, shaded: boolean): number {
  row.forEach((text, i) => {
    const x = left + i * width;
    if (shaded) doc.save().rect(x, y, width, height).fill(HEADER_FILL).restore();
    doc.save().lineWidth(BORDER.width).strokeColor(BORDER.color).rect(x, y, width, height).stroke().restore();
    // the text box gets a point of slack so float rounding never turns a measured last line into an ellipsis
    if (text) doc.fillColor('black').text(text, x + PADDING, y + PADDING, { width: width - 2 * PADDING, height: height - 2 * PADDING + 1, ellipsis: true });
  });
  return y + height;
}
