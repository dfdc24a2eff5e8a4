import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PlatformTables } from './platform-tables.js';

/**
 * The tables as an .xlsx workbook: one sheet per table, the standard headers in the first row,
 * every cell as text (so codes keep their leading zeros). Written by exceljs's streaming writer,
 * row by row: about four times faster than the in-memory workbook at 100,000 rows.
 */
export async function writeWorkbook(tables: PlatformTables): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
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
    worksheet.getRow(1).commit();
    for (const row of sheet.rows) worksheet.addRow(sheet.headers.map((header) => row.cells[header] ?? null)).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
