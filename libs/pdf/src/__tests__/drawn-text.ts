// Test-only helper shared by the PDF specs: page text is compressed and glyph-encoded, so the specs watch what is drawn.
import PDFDocument from 'pdfkit';

export interface DrawnText {
  text: string;
  /** 1-based page the text was drawn on */
  page: number;
}

/** Records every doc.text call of every document, with its page, until the returned stop() is called. */
export function recordDrawnText(): { drawn: DrawnText[]; stop: () => void } {
  const drawn: DrawnText[] = [];
  const text = PDFDocument.prototype.text;
  const spy = jest.spyOn(PDFDocument.prototype, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args: Parameters<typeof text>) {
    // startPdf buffers pages (for the page stamps), so the current page's place is known
    const buffered = (this as unknown as { _pageBuffer: unknown[] })._pageBuffer;
    drawn.push({ text: String(args[0]), page: buffered.indexOf(this.page) + 1 });
    return text.apply(this, args);
  });
  return { drawn, stop: () => spy.mockRestore() };
}

/** Page of the first drawn text equal to `text`; throws when it was never drawn. */
export function pageOf(drawn: DrawnText[], text: string): number {
  const hit = drawn.find((d) => d.text === text);
  if (!hit) throw new Error(`"${text}" was not drawn`);
  return hit.page;
}
