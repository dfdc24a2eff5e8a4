// exceljs is most of the CLI's bundle by size (about 2.8 MB of 6 MB) and only the platform
// commands need it: it is loaded on first use, and the bundle leaves it out (scripts/bundle-cli.mjs),
// so every other command starts as fast as before.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** exceljs, loaded once. */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
