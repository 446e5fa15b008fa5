import type { Response } from 'superagent';

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/**
 * The bookmark (outline) titles of a PDF written by pdfkit: literal strings,
 * UTF-16BE with a byte-order mark when not ASCII. Page text is compressed and
 * glyph-encoded, so the outline is what a test can read without a PDF parser.
 */
export function pdfOutlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const titles: string[] = [];
  for (const [, raw] of text.matchAll(/\/Title \(((?:\\.|[^\\)])*)\)/gs)) {
    const bytes = raw.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c);
    const buf = Buffer.from(bytes, 'latin1');
    titles.push(buf[0] === 0xfe && buf[1] === 0xff ? buf.subarray(2).swap16().toString('utf16le') : bytes);
  }
  return titles;
}

/** Number of pages in the PDF's page tree. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
