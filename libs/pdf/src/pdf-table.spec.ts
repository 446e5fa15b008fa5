import { pageOf, recordDrawnText } from './__tests__/drawn-text';
import { pdfTable } from './pdf-table';
import { cjkFont, startPdf } from './pdf-writer';

const HEAD = ['Key', 'Value'];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]);

describe('pdfTable', () => {
  let recording: ReturnType<typeof recordDrawnText>;
  beforeEach(() => (recording = recordDrawnText()));
  afterEach(() => recording.stop());

  it('repeats the header row at the top of every page a long table runs onto', async () => {
    const { doc, finish } = startPdf('t');
    pdfTable(doc, [HEAD, ...rows(150)], true);
    await finish();
    const { drawn } = recording;
    const pages = [...new Set(drawn.map((d) => d.page))];
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(drawn.filter((d) => d.page === page).slice(0, 2).map((d) => d.text)).toEqual(HEAD);
    // every data row once, in order
    expect(drawn.filter((d) => d.text.startsWith('k')).map((d) => d.text)).toEqual(rows(150).map((r) => r[0]));
  });

  it('keeps its headings with the header row and the first data row', async () => {
    const { doc, finish } = startPdf('t');
    // room for the heading line at the foot of the page, not for the two rows under it
    doc.y = doc.page.height - doc.page.margins.bottom - 30;
    pdfTable(doc, [HEAD, ...rows(3)], true, 8, [{ text: 'Sub-item changes', fontSize: 10, gap: 0 }]);
    await finish();
    const { drawn } = recording;
    expect(pageOf(drawn, 'Sub-item changes')).toBe(2);
    expect(pageOf(drawn, 'Key')).toBe(2);
    expect(pageOf(drawn, 'k0')).toBe(2);
  });

  it('stays on the page when the headings and first rows fit', async () => {
    const { doc, finish } = startPdf('t');
    doc.y = doc.page.height - doc.page.margins.bottom - 80;
    pdfTable(doc, [HEAD, ...rows(10)], true, 8, [{ text: 'Product changes', fontSize: 10, gap: 0.5 }]);
    await finish();
    expect(pageOf(recording.drawn, 'Product changes')).toBe(1);
    expect(pageOf(recording.drawn, 'k0')).toBe(1);
  });

  it('prints a TAB and other control characters in a cell as spaces, never as a missing glyph', async () => {
    const { doc, finish } = startPdf('t');
    pdfTable(doc, [HEAD, ['comment', 'slow\tdelivery\u0007, box\r\ndamaged\u0085']], true);
    await finish();
    const cell = recording.drawn.find((d) => d.text.startsWith('slow'))!.text;
    expect(cell).toBe('slow delivery , box\ndamaged ');
    const missing = (cjkFont() as unknown as { glyphsForString(s: string): { id: number }[] }).glyphsForString(cell.replace(/\n/g, ''));
    expect(missing.filter((g) => g.id === 0)).toEqual([]);
  });

  it('prints nothing of a table without data rows but its headings', async () => {
    const { doc, finish } = startPdf('t');
    pdfTable(doc, [HEAD], true, 8, [{ text: 'Findings', fontSize: 10, gap: 0.5 }]);
    await finish();
    expect(recording.drawn.map((d) => d.text)).toEqual(['Findings']);
  });
});
