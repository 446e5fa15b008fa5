import { decodeCsv, readTabularFile, TabularFileError } from './tabular-file';

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

describe('readTabularFile (CSV that cannot be read)', () => {
  it('names the row where a stray quote stopped the reader, as the message does', async () => {
    const error = await readTabularFile(Buffer.from('code,name\nK1,ok\nK2,a"b\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabularFileError);
    expect(error).toMatchObject({ line: 3, message: expect.stringContaining('line 3') });
    expect((error as TabularFileError).text.zh).toMatch(/^文件不是有效的 CSV：.*line 3/);
  });
});

describe('readTabularFile (CSV encodings)', () => {
  // 编号,名称 / C1,甲公司 / C2,阀门（上海） as Excel on a Chinese Windows saves them: GBK, no BOM
  const GBK = Buffer.from('b1e0bac52cc3fbb3c60d0a43312cbcd7b9abcbbe0d0a43322cb7a7c3c5a3a8c9cfbaa3a3a90d0a', 'hex');

  it('reads UTF-8 with and without a BOM', async () => {
    for (const bom of ['\uFEFF', '']) {
      const rows = await readTabularFile(Buffer.from(`${bom}code,name\r\nC1,甲公司\r\n`, 'utf8'));
      expect(rows).toEqual([{ line: 2, values: { code: 'C1', name: '甲公司' } }]);
    }
  });

  it('reads GBK (a CSV saved by Excel or WPS on a Chinese Windows) as GB18030', async () => {
    const rows = await readTabularFile(GBK);
    expect(rows.map((r) => r.values)).toEqual([
      { 编号: 'C1', 名称: '甲公司' },
      { 编号: 'C2', 名称: '阀门（上海）' },
    ]);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, and a UTF-8 BOM in front of bytes that are not UTF-8', async () => {
    expect(() => decodeCsv(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x2c, 0x63]))).toThrow('the file is neither UTF-8 nor GBK/GB18030 text: save it as "CSV UTF-8" or as XLSX');
    expect(() => decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GBK]))).toThrow(/starts as UTF-8/);
    await expect(readTabularFile(Buffer.from([0xff, 0xfe, 0xff]))).rejects.toBeInstanceOf(TabularFileError);
  });
});

describe('readTabularFile (XLSX)', () => {
  it('reads a date cell as ISO 8601 text, not as JavaScript prints a Date', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('s');
    sheet.addRow(['code', 'since', 'at']);
    sheet.addRow(['C1', new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 1, 9, 30))]);
    const rows = await readTabularFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0].values).toEqual({ code: 'C1', since: '2026-01-01', at: '2026-01-01 09:30:00' });
  });
});
