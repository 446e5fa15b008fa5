import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/**
 * One data row of an uploaded file, with the row number a spreadsheet shows for it
 * (Excel/WPS open CSV files too): a quoted multi-line cell stays one row, a blank line counts.
 */
export interface TabularRow {
  line: number;
  values: Record<string, string>;
}

export class TabularFileError extends Error {}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Header names are matched case- and space-insensitively, so "Product Type" and "product_type" both work. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Reads a CSV (UTF-8, optional BOM) or XLSX upload into rows keyed by
 * normalised header. Throws TabularFileError for a file that cannot be read
 * at all; row-level problems are the caller's to report with `line`.
 */
export async function readTabularFile(buffer: Buffer): Promise<TabularRow[]> {
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(buffer);
  return readCsv(buffer);
}

function readCsv(buffer: Buffer): TabularRow[] {
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(buffer.toString('utf8'), { bom: true, info: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new TabularFileError(`the file is not valid CSV: ${(error as Error).message}`);
  }
  if (!records.length) throw new TabularFileError('the file is empty');
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
    throw new TabularFileError(`the file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw new TabularFileError('the workbook has no rows');
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = normaliseHeader(cell.text ?? '')));
  const rows: TabularRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = (row.getCell(i + 1).text ?? '').trim()));
    if (Object.values(values).some((v) => v !== '')) rows.push({ line: n, values });
  });
  return rows;
}
