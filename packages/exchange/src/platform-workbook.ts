import { loadExcel } from './excel.js';
import type { PlatformTables } from './platform-tables.js';

/**
 * The tables as an .xlsx workbook: one sheet per table, the standard headers in the first row,
 * every cell as text (so codes keep their leading zeros). The in-memory writer, not exceljs's
 * streaming one: that one zips through archiver, whose `new Buffer()` makes Node print a
 * deprecation warning from the bundled CLI. No per-column styles: they cost a third of the time.
 */
export async function writeWorkbook(tables: PlatformTables): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Baihua';
  // Fixed dates: the same guides give the same workbook contents.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of tables.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.headers.map((header) => ({
      header,
      key: header,
      width: Math.min(40, Math.max(10, header.length * 2 + 2)),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(sheet.headers.map((header) => row.cells[header] ?? null));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
