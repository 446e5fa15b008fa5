import { readTabularFile } from './tabular-file';

describe('readTabularFile (CSV)', () => {
  it('numbers rows as a spreadsheet shows them: a multi-line cell is one row, a blank line counts', async () => {
    const csv = 'code,name\r\nA,first\r\n\r\nB,"two\r\nlines"\r\nC,third\r\n';
    const rows = await readTabularFile(Buffer.from(csv));
    expect(rows.map((r) => [r.line, r.values.code])).toEqual([
      [2, 'A'],
      [4, 'B'],
      [5, 'C'],
    ]);
    expect(rows[1].values.name).toBe('two\r\nlines');
  });
});
