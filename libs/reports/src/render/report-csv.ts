import { Figure, type Cell, type ReportLayout } from '../report-sections';

/** Excel reads UTF-8 CSV as the local code page unless it starts with a BOM; Chinese text needs it. */
const BOM = '\uFEFF';

/**
 * The report as one CSV: summary, then each section's heading, paragraphs and
 * tables, separated by blank lines. Text that a spreadsheet would run as a
 * formula (customer comments are free text) is prefixed with an apostrophe.
 */
export function renderReportCsv(layout: ReportLayout): Buffer {
  const lines: Cell[][] = [[layout.title], [layout.stamp], ...layout.summary];
  for (const section of layout.sections) {
    lines.push([], [section.heading], ...section.paragraphs.map((p) => [p]));
    for (const table of section.tables) lines.push([], [table.name], table.head, ...table.rows);
  }
  return Buffer.from(BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number' || cell instanceof Figure) return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
