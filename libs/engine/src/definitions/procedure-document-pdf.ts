import { pdfTable, stampPages, startPdf } from '@satisflow/pdf';
import { FONT, textLines, type Layout } from './diagram-layout';
import type { ProcedureDefinition } from './procedure-definition';
import { diagramLayout } from './procedure-diagram';
import { procedureDocumentModel, type DocumentOptions } from './procedure-document';
import type { ProcedureDescription } from './procedure-graph';

const COLOR = { text: '#1f1f1f', secondary: '#8c8c8c', border: '#8c8c8c', edge: '#595959', back: '#8c8c8c', label: '#595959' };

/**
 * The controlled procedure document as PDF: the same content as the Markdown
 * (procedureDocumentModel), with the flow chart drawn from the diagram's own
 * layout and the Chinese font embedded. Sections and steps are PDF bookmarks.
 */
export async function procedureDocumentPdf(def: ProcedureDefinition, opts: DocumentOptions): Promise<Buffer> {
  const m = procedureDocumentModel(def, opts);
  const stamp = `${m.header.values[0] || def.key} · v${def.version}`;
  const { doc, finish } = startPdf(m.title);
  const heading = (text: string): PDFKit.PDFOutline => {
    doc.moveDown().fontSize(13).fillColor('black').text(text);
    doc.moveDown(0.3);
    return doc.outline.addItem(text);
  };

  doc.fontSize(18).text(m.title, { align: 'center' });
  doc.moveDown();
  pdfTable(doc, [m.header.labels, m.header.values], true, 9);
  doc.moveDown(0.5).fontSize(8).fillColor(COLOR.secondary).text(m.generatedNote).fillColor('black');

  heading(m.headings.purpose);
  doc.fontSize(10).text(m.purpose);
  heading(m.headings.roles);
  pdfTable(doc, [m.roleHead, ...m.roleRows.map((r) => r.map((c) => c || '—'))], true, 9);
  doc.moveDown(0.5).fontSize(10).text(m.cancellation);

  doc.addPage();
  heading(m.headings.flow);
  const { d, layout } = diagramLayout(def, { lang: opts.lang, roleLabels: opts.roleLabels });
  drawDiagram(doc, d, layout);

  // seven columns read better across the page
  doc.addPage({ layout: 'landscape' });
  const steps = heading(m.headings.steps);
  for (const row of m.stepRows) steps.addItem(`${row[0]} ${row[1]}`);
  pdfTable(doc, [m.stepHead, ...m.stepRows.map((r) => r.map((c) => c || '—'))], true, 8);

  heading(m.headings.records);
  doc.fontSize(10);
  for (const record of m.records) doc.text(`• ${record}`);

  stampPages(doc, stamp);
  return finish();
}

/** The diagram scaled into the space left on the page: boxes, arrows, labels. */
function drawDiagram(doc: PDFKit.PDFDocument, d: ProcedureDescription, layout: Layout): void {
  const left = doc.page.margins.left;
  const top = doc.y + 8;
  const width = doc.page.width - left - doc.page.margins.right;
  const height = doc.page.height - top - doc.page.margins.bottom - 16;
  const { x, y, w, h } = layout.bounds;
  const scale = Math.min(width / w, height / h, 1);
  const states = new Map(d.states.map((s) => [s.id, s]));

  doc.save();
  doc.translate(left + (width - w * scale) / 2 - x * scale, top - y * scale).scale(scale);
  doc.lineWidth(1.2);

  const initial = layout.boxes.find((b) => b.id === d.initial)!;
  doc.circle(layout.start.x, layout.start.y, 6).fill(COLOR.text);
  arrow(doc, `M${layout.start.x} ${layout.start.y + 6} V${initial.y}`, COLOR.edge, false);

  for (const e of layout.edges) {
    arrow(doc, e.d, e.kind === 'back' ? COLOR.back : COLOR.edge, e.kind === 'back');
    doc.fontSize(FONT.label).fillColor(COLOR.label);
    const lw = doc.widthOfString(e.label);
    const lx = e.labelAnchor === 'middle' ? e.labelX - lw / 2 : e.labelAnchor === 'end' ? e.labelX - lw : e.labelX;
    doc.text(e.label, lx, e.labelY, { lineBreak: false, baseline: 'alphabetic' });
  }

  for (const box of layout.boxes) {
    const s = states.get(box.id)!;
    doc.roundedRect(box.x, box.y, box.w, box.h, 8).fillAndStroke('#ffffff', COLOR.border);
    if (s.final) doc.roundedRect(box.x + 3, box.y + 3, box.w - 6, box.h - 6, 6).stroke(COLOR.border);
    const { titleY, subtitleY } = textLines(box);
    const centred = (text: string, baseline: number, size: number, color: string): void => {
      doc.fontSize(size).fillColor(color);
      doc.text(text, box.x + (box.w - doc.widthOfString(text)) / 2, baseline, { lineBreak: false, baseline: 'alphabetic' });
    };
    box.lines.forEach((line, i) => centred(line, titleY[i], FONT.title, COLOR.text));
    if (box.subtitle) centred(box.subtitle, subtitleY, FONT.subtitle, COLOR.secondary);
  }
  doc.restore();
  doc.fillColor('black');
}

/** Strokes an SVG path (absolute M/L/H/V/C/Q, as the layout routes them) and puts an arrowhead at its end. */
function arrow(doc: PDFKit.PDFDocument, path: string, color: string, dashed: boolean): void {
  doc.save();
  if (dashed) doc.dash(5, { space: 4 });
  doc.path(path).stroke(color);
  doc.restore();
  const [from, to] = lastSegment(path);
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = (a: number) => ({ x: to.x - 7 * Math.cos(a), y: to.y - 7 * Math.sin(a) });
  const p1 = head(angle - 0.45);
  const p2 = head(angle + 0.45);
  doc.polygon([to.x, to.y], [p1.x, p1.y], [p2.x, p2.y]).fill(color);
}

interface Point {
  x: number;
  y: number;
}

/** The direction the path arrives from: the point before its end (a curve's last control point) and the end. */
export function lastSegment(path: string): [Point, Point] {
  let current: Point = { x: 0, y: 0 };
  let before: Point = current;
  for (const [, command, args] of path.matchAll(/([MLHVCQ])([^MLHVCQ]*)/g)) {
    const n = (args.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const point = (i: number): Point => ({ x: n[i], y: n[i + 1] });
    switch (command) {
      case 'M':
      case 'L':
        before = command === 'M' ? point(0) : current;
        current = point(n.length - 2);
        break;
      case 'H':
        before = current;
        current = { x: n[n.length - 1], y: current.y };
        break;
      case 'V':
        before = current;
        current = { x: current.x, y: n[n.length - 1] };
        break;
      default: // C and Q: the last control point gives the arrival direction
        before = point(n.length - 4);
        current = point(n.length - 2);
    }
  }
  return [before, current];
}
