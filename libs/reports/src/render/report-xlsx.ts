import ExcelJS from 'exceljs';
import { Figure, type Cell, type ReportLayout } from '../report-sections';

/** The report as a workbook: a summary sheet (with sections' paragraphs) and one sheet per table. */
export async function renderReportXlsx(layout: ReportLayout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = layout.title;
  const summary = wb.addWorksheet(sheetName(layout.title));
  summary.addRow([layout.title]).font = { bold: true, size: 14 };
  summary.addRow([layout.stamp]);
  for (const row of layout.summary) addCells(summary, row);
  for (const section of layout.sections) {
    summary.addRow([]);
    summary.addRow([section.heading]).font = { bold: true };
    for (const p of section.paragraphs) summary.addRow([p]);
  }
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 40;
  for (const table of layout.sections.flatMap((s) => s.tables)) {
    const sheet = wb.addWorksheet(sheetName(table.name));
    sheet.addRow(table.head).font = { bold: true };
    // cells are written as values (never formulas), so free text cannot run in Excel
    for (const row of table.rows) addCells(sheet, row);
    sheet.columns.forEach((c) => (c.width = 16));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row whose figures stay numbers in Excel, shown with one decimal. */
function addCells(sheet: ExcelJS.Worksheet, cells: Cell[]): void {
  const row = sheet.addRow(cells.map((c) => (c instanceof Figure ? c.value : c)));
  cells.forEach((c, i) => {
    if (c instanceof Figure) row.getCell(i + 1).numFmt = '0.0';
  });
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
