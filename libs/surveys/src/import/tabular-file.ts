import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { LocalMessage } from '@satisflow/http';

/**
 * One data row of an uploaded file, with the row number a spreadsheet shows for it
 * (Excel/WPS open CSV files too): a quoted multi-line cell stays one row, a blank line counts.
 */
export interface TabularRow {
  line: number;
  values: Record<string, string>;
}

/** A file that cannot be read at all, said in both languages; `line` is where the reader gave up (1 when it is the whole file). */
export class TabularFileError extends Error {
  readonly text: LocalMessage;

  constructor(
    en: string,
    zh: string,
    readonly line = 1,
  ) {
    super(en);
    this.text = { en, zh };
  }
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Header names are matched case- and space-insensitively, so "Product Type" and "product_type" both work. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Reads a CSV or XLSX upload into rows keyed by normalised header. Throws
 * TabularFileError for a file that cannot be read at all; row-level problems
 * are the caller's to report with `line`.
 */
export async function readTabularFile(buffer: Buffer): Promise<TabularRow[]> {
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(buffer);
  return readCsv(buffer);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The text of a CSV file. Excel and WPS on a Chinese Windows save "CSV" in the
 * system's code page (GBK), not UTF-8: such a file read as UTF-8 would import
 * every Chinese name as replacement characters, silently. So a file that is not
 * valid UTF-8 is read as GB18030 (a superset of GBK and GB2312), and one that is
 * neither is refused rather than guessed at. UTF-8 goes first: UTF-8 text often
 * decodes as GB18030 without an error (as the wrong characters), while Chinese
 * in GBK is practically never valid UTF-8.
 */
export function decodeCsv(buffer: Buffer): string {
  const bom = buffer.subarray(0, 3).equals(UTF8_BOM);
  for (const encoding of bom ? ['utf-8'] : ['utf-8', 'gb18030']) {
    try {
      // ignoreBOM keeps a UTF-8 BOM in the text; csv-parse's `bom` option drops it
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buffer);
    } catch {
      // not this encoding: try the next
    }
  }
  throw bom
    ? new TabularFileError('the file starts as UTF-8 but holds bytes that are not UTF-8', '文件以 UTF-8 开头，但含有非 UTF-8 的字节')
    : new TabularFileError('the file is neither UTF-8 nor GBK/GB18030 text: save it as "CSV UTF-8" or as XLSX', '文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本：请另存为“CSV UTF-8”或 XLSX 格式');
}

function readCsv(buffer: Buffer): TabularRow[] {
  const text = decodeCsv(buffer);
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as unknown as typeof records;
  } catch (error) {
    // csv-parse says where it stopped (e.g. a stray quote): the row number a spreadsheet shows
    const line = (error as { lines?: unknown }).lines;
    const reason = (error as Error).message;
    throw new TabularFileError(`the file is not valid CSV: ${reason}`, `文件不是有效的 CSV：${reason}`, typeof line === 'number' && line > 0 ? line : 1);
  }
  if (!records.length) throw new TabularFileError('the file is empty', '文件为空');
  const header = records[0].record.map(normaliseHeader);
  return records.slice(1).map(({ record, info }) => ({
    line: info.records + info.empty_lines,
    values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
}

async function readXlsx(buffer: Buffer): Promise<TabularRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    const reason = (error as Error).message;
    throw new TabularFileError(`the file is not a readable XLSX workbook: ${reason}`, `文件不是可读取的 XLSX 工作簿：${reason}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw new TabularFileError('the workbook has no rows', '工作簿中没有任何行');
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = normaliseHeader(cell.text ?? '')));
  const rows: TabularRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = cellText(row.getCell(i + 1))));
    if (Object.values(values).some((v) => v !== '')) rows.push({ line: n, values });
  });
  return rows;
}

/**
 * A cell as the text a person sees: a date as ISO 8601 (2026-01-01, with the time when it has
 * one), not JavaScript's "Thu Jan 01 2026 00:00:00 GMT…" that exceljs's text would give.
 */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return (cell.text ?? '').trim();
}
