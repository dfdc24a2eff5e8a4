import { FileAccessError } from '@baihua/core/errors';

/**
 * Input that cannot be read as the platform's tables (not a workbook, a sheet without 事项名称,
 * a broken CSV or mapping file): one Chinese message naming the file and, in it, the sheet, row
 * and column. A `FileAccessError`, so the CLI prints it as one line and exits 2.
 */
export class PlatformInputError extends FileAccessError {
  override name = 'PlatformInputError';
}

/** 「工作表「申请材料」第 3 行「份数」列」: where in a file, as a spreadsheet user finds it. */
export function place(sheet: string | undefined, row?: number, column?: string): string {
  return [
    sheet === undefined ? '' : `工作表「${sheet}」`,
    row === undefined ? '' : `第 ${row} 行`,
    column === undefined ? '' : `「${column}」列`,
  ].join('');
}
