// Reading the platform's tables: an .xlsx workbook (exceljs) or CSV files (csv-parse), every sheet
// recognised by its name or its headers, local headers mapped to the standard ones.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadExcel } from './excel.js';
import { PlatformInputError, place } from './platform-errors.js';
import { EMPTY_MAPPING, type PlatformMapping } from './platform-mapping.js';
import {
  joinCodes,
  SHEETS,
  type SheetName,
  type SheetSpec,
  sheetColumns,
  sheetSpecs,
  TITLE_HEADER,
} from './platform-spec.js';
import type { PlatformRow, PlatformSheet, PlatformTables, SkippedInput } from './platform-tables.js';

/** Reads workbooks (.xlsx) and CSV files into one set of tables. */
export async function readPlatformFiles(paths: readonly string[], mapping = EMPTY_MAPPING): Promise<PlatformTables> {
  const tables: PlatformTables = { sheets: [], skipped: [] };
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PlatformInputError(path, code === 'EISDIR' ? '这是目录，请写出表格文件' : `读不到这个文件（${code}）`);
    }
    const read = await readPlatformBytes(path, bytes, mapping);
    tables.sheets.push(...read.sheets);
    tables.skipped.push(...read.skipped);
  }
  if (!tables.sheets.some((sheet) => sheet.name === SHEETS.main)) {
    throw new PlatformInputError(
      paths.join('、'),
      `没有找到「${SHEETS.main}」表（事项名称、编码、办件类型等所在的表）；表名或表头写法不同的，请在映射文件 sheets 或 columns 里写明`,
    );
  }
  return tables;
}

/** One file's tables, by its extension: .csv is one sheet, anything else must be an .xlsx workbook. */
export async function readPlatformBytes(
  file: string,
  bytes: Uint8Array,
  mapping = EMPTY_MAPPING,
): Promise<PlatformTables> {
  return extname(file).toLowerCase() === '.csv' ? readCsv(file, bytes, mapping) : readWorkbook(file, bytes, mapping);
}

export async function readWorkbook(file: string, bytes: Uint8Array, mapping = EMPTY_MAPPING): Promise<PlatformTables> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an older Buffer.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    const old = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw new PlatformInputError(
      file,
      old
        ? '这是旧版 Excel 文件（.xls），读不了。请在 Excel 或 WPS 里另存为 .xlsx 再导入'
        : '不是 Excel 工作簿（.xlsx），读不了。平台导出的表格请存成 .xlsx，或每张表存成一个 .csv 文件',
    );
  }
  const tables: PlatformTables = { sheets: [], skipped: [] };
  for (const worksheet of workbook.worksheets) {
    const values = worksheet.getSheetValues() as unknown[][];
    const grid = values.map((row) => (Array.isArray(row) ? row.slice(1) : []));
    readGrid(tables, { file, sheet: worksheet.name, grid: grid.slice(1), firstRow: 1 }, mapping);
  }
  return tables;
}

export function readCsv(file: string, bytes: Uint8Array, mapping = EMPTY_MAPPING): PlatformTables {
  let records: string[][];
  try {
    records = parseCsv(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const { lines, column, code } = error as { lines?: number; column?: number; code?: string };
    const why =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? '引号没有配对（一个单元格以 " 开头却没有结束的 "）'
        : code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE'
          ? '单元格里的引号没有写成两个（""），或引号后面紧跟着别的字'
          : `不是正确的 CSV（${code ?? String(error)}）`;
    throw new PlatformInputError(
      file,
      `第 ${lines ?? 1} 行第 ${(column ?? 0) + 1} 列：${why}。请在 Excel 或 WPS 里打开它，另存为 CSV 或 .xlsx 再导入`,
      { line: lines ?? 1, column: (column ?? 0) + 1 },
    );
  }
  const tables: PlatformTables = { sheets: [], skipped: [] };
  readGrid(tables, { file, grid: records, firstRow: 1 }, mapping);
  return tables;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** UTF-8 with or without BOM, else GB18030 (a superset of GBK): platform CSVs come in both. */
function decodeCsv(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    return gb18030.decode(body);
  }
}

interface Grid {
  file: string;
  /** the sheet's name in a workbook; a CSV file has none */
  sheet?: string;
  grid: unknown[][];
  /** the spreadsheet number of grid[0] */
  firstRow: number;
}

/** Headers compared without spaces, line breaks and the 「*」 of required columns. */
function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/^[*＊]+|[*＊]+$/g, '');
}

/** Each sheet's headers: standard, aliases, and the mapping's own. */
function headerMaps(mapping: PlatformMapping): Map<SheetName, Map<string, string>> {
  const maps = new Map<SheetName, Map<string, string>>();
  for (const spec of sheetSpecs) {
    const map = new Map<string, string>();
    const columns = sheetColumns(spec);
    for (const column of columns)
      for (const name of [column.header, ...column.aliases]) map.set(headerKey(name), column.header);
    for (const [local, standard] of Object.entries(mapping.columns))
      if (columns.some((column) => column.header === standard)) map.set(headerKey(local), standard);
    for (const [local, standard] of Object.entries(mapping.sheetColumns[spec.name as SheetName] ?? {}))
      map.set(headerKey(local), standard);
    maps.set(spec.name as SheetName, map);
  }
  return maps;
}

const mapsCache = new WeakMap<PlatformMapping, Map<SheetName, Map<string, string>>>();

function sheetByName(name: string, mapping: PlatformMapping): SheetSpec | undefined {
  const key = headerKey(name);
  const mapped = mapping.sheets[name] ?? mapping.sheets[key];
  if (mapped) return sheetSpecs.find((spec) => spec.name === mapped);
  return (
    sheetSpecs.find((spec) => spec.name === key || spec.aliases.includes(key)) ??
    sheetSpecs.find((spec) => key.includes(spec.name))
  );
}

/** The columns only this sheet has (not the codes and 事项名称 every sub-sheet repeats). */
function ownHeaders(spec: SheetSpec): Set<string> {
  const shared = new Set([TITLE_HEADER, ...joinCodes.map((code) => code.header)]);
  return new Set(spec.columns.map((column) => column.header).filter((header) => !shared.has(header)));
}

function readGrid(tables: PlatformTables, input: Grid, mapping: PlatformMapping): void {
  let maps = mapsCache.get(mapping);
  if (!maps) {
    maps = headerMaps(mapping);
    mapsCache.set(mapping, maps);
  }
  const label = input.sheet ?? basename(input.file, extname(input.file));
  const named = sheetByName(label, mapping);
  const texts = input.grid.map((row) => (row ?? []).map((value) => cellText(value)));
  // The header row: among the first ten, the one with the most known headers (titles may sit above it).
  const candidates = named ? [named] : sheetSpecs;
  let best: { spec: SheetSpec; index: number; score: number } | undefined;
  for (let index = 0; index < Math.min(10, texts.length); index++) {
    const keys = (texts[index] ?? []).map(headerKey);
    for (const spec of candidates) {
      const map = maps.get(spec.name as SheetName) as Map<string, string>;
      const own = ownHeaders(spec);
      const known = keys.filter((key) => map.has(key));
      // A sheet is told from the others by its own columns; codes and 事项名称 are in every sheet.
      const score = known.length + 10 * known.filter((key) => own.has(map.get(key) as string)).length;
      if (known.length >= (named ? 1 : 2) && (!best || score > best.score)) best = { spec, index, score };
    }
  }
  if (!best) {
    if (named) {
      const row = firstNonEmpty(texts);
      throw missingColumn(input, named, row, keyHeader(named), texts[row - 1] ?? []);
    }
    tables.skipped.push({
      file: input.file,
      ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
      reason: '表名和表头都不是平台交换表格的，没有读入',
    } satisfies SkippedInput);
    return;
  }
  const { spec, index } = best;
  const map = maps.get(spec.name as SheetName) as Map<string, string>;
  const headerRow = input.firstRow + index;
  const raw = texts[index] ?? [];
  const headers: string[] = [];
  const seen = new Set<string>();
  raw.forEach((text, column) => {
    const standard = map.get(headerKey(text));
    const header = standard && !seen.has(standard) ? standard : text.trim() || `第 ${column + 1} 列`;
    seen.add(header);
    headers[column] = header;
  });
  const key = keyHeader(spec);
  if (!seen.has(key)) throw missingColumn(input, spec, headerRow, key, raw);
  if (spec.name !== SHEETS.main && !joinCodes.some((code) => seen.has(code.header))) {
    throw new PlatformInputError(
      input.file,
      `${place(input.sheet, headerRow)}：「${spec.name}」表没有编码列（基本编码、实施编码或业务办理项编码），对不上是哪个事项的。请加上编码列，或在映射文件 columns 里写明本地的编码表头`,
      input.sheet === undefined ? { line: headerRow, column: 1 } : undefined,
    );
  }
  const rows: PlatformRow[] = [];
  for (let index2 = index + 1; index2 < texts.length; index2++) {
    const values = texts[index2] ?? [];
    const cells: Record<string, string> = {};
    let filled = false;
    values.forEach((text, column) => {
      if (text === '') return;
      cells[headers[column] ?? `第 ${column + 1} 列`] = text;
      filled = true;
    });
    if (filled) rows.push({ row: input.firstRow + index2, cells });
  }
  const sheet: PlatformSheet = {
    name: spec.name as SheetName,
    file: input.file,
    headers: headers.filter((header) => header !== undefined),
    rows,
  };
  if (input.sheet !== undefined) sheet.sheet = input.sheet;
  tables.sheets.push(sheet);
}

function keyHeader(spec: SheetSpec): string {
  return spec.key ?? TITLE_HEADER;
}

function firstNonEmpty(texts: string[][]): number {
  const index = texts.findIndex((row) => row.some((text) => text !== ''));
  return index === -1 ? 1 : index + 1;
}

function missingColumn(input: Grid, spec: SheetSpec, row: number, header: string, raw: string[]): PlatformInputError {
  const present = raw.filter((text) => text !== '');
  return new PlatformInputError(
    input.file,
    `${place(input.sheet ?? spec.name, row)}：没有「${header}」列${
      present.length
        ? `（表头是：${present.slice(0, 8).join('、')}${present.length > 8 ? '…' : ''}）`
        : '（这一行是空的）'
    }。表头写法不同的，请在映射文件 columns 里写明，如 columns: { 本地表头: ${header} }`,
    input.sheet === undefined ? { line: row, column: 1 } : undefined,
  );
}

/** A cell's text: rich text joined, a link's address when its text is one, a formula's result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      hyperlink?: string;
      result?: unknown;
      formula?: string;
    };
    if (cell.richText) return cellText(cell.richText.map((run) => run.text).join(''));
    if (cell.hyperlink !== undefined) {
      // A link written as 「下载」 or left without text stands for its address; a named link is its name.
      const text = cellText(cell.text);
      const label = text === '' || (text.length <= 6 && /下载|点击|查看|链接/.test(text));
      return label && /^https?:\/\//.test(cell.hyperlink) ? cell.hyperlink : text;
    }
    if (cell.formula !== undefined || 'result' in cell) return cellText(cell.result);
  }
  return '';
}
