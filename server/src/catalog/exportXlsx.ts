import ExcelJS from 'exceljs';
import { type CatalogExport, groups, labels, spreadsheet, totalsOf, xmlSafeExport } from './exportData.js';

/**
 * The catalog as an Excel workbook (exceljs: maintained, MIT, pure JavaScript on
 * Node 20, writes real cell types and styles): one sheet with a row per idea in
 * the same columns as the CSV — numbers (priority, costs, hours, votes, support)
 * as numbers, everything else as text cells, so a title such as `=HYPERLINK(…)`
 * stays text and never becomes a formula — and one sheet with the estimates summed
 * per decision. Sheet names and headers are in the workshop's language.
 */
/** `extend` adds sheets of its own (what became of the decisions), with XML-safe text. */
export async function catalogXlsx(
  unsafe: CatalogExport,
  extend: (book: ExcelJS.Workbook) => void = () => {},
): Promise<Buffer> {
  const data = xmlSafeExport(unsafe);
  const l = labels[data.language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Samle';
  book.created = data.exportedAt;
  book.title = `${data.internal ? l.internalCatalog : l.catalog}: ${data.workshopTitle}`;

  const { header, rows } = spreadsheet(data);
  const ideas = book.addWorksheet(l.ideas, { views: [{ state: 'frozen', ySplit: 1 }] });
  ideas.addRow(header).font = { bold: true };
  // A string is written as a text cell as it is: exceljs makes a formula only of a { formula } value.
  for (const row of rows) ideas.addRow(row);
  const widths = [10, 40, 26, 50, 26, 22, 18, 18, 14, 12, 12, 50, 60, 70, 30, 50];
  ideas.columns.forEach((column, index) => {
    column.width = widths[index] ?? 20;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  for (const index of [7, 8]) ideas.getColumn(index).numFmt = '#,##0';

  const totals = book.addWorksheet(l.totals.slice(0, 31));
  totals.addRow([l.decision, l.ideas, l.oneOff, l.yearly, l.hours]).font = { bold: true };
  for (const t of totalsOf(groups(data))) totals.addRow([t.label, t.ideas, t.oneOffDkk, t.yearlyDkk, t.staffHours]);
  totals.columns.forEach((column, index) => {
    column.width = index === 0 ? 30 : 20;
  });
  for (const index of [3, 4]) totals.getColumn(index).numFmt = '#,##0';

  extend(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
