import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** How a cell's value becomes a guide value and back: `readColumn` (platform-import.ts) and `cellOf` (platform-export.ts). */
export type Convert =
  | 'text'
  | 'code'
  | 'enum'
  | 'enum-list'
  | 'lines'
  | 'numbered'
  | 'integer'
  | 'boolean'
  | 'url'
  | 'phone'
  | 'limit-amount'
  | 'limit-unit'
  | 'online-level'
  | 'appointment'
  | 'fees-flag'
  | 'steps'
  | 'form-kind'
  | 'form-medium'
  | 'need'
  | 'fee-standard'
  | 'waiver-flag';

export interface ColumnSpec {
  header: string;
  aliases: string[];
  /** the guide field, dotted; in a sub-sheet, a field of the item (material, fee …) */
  field: string;
  convert: Convert;
  /** platform value → guide value, in the data file's order: standard values first */
  values?: Map<string, unknown>;
  /** written when the guide leaves the field out, and read as leaving it out */
  absent?: string;
  /** filled for some 事项 or materials only: an empty cell is not listed in the export report */
  optional?: boolean;
}

export interface SheetSpec {
  name: string;
  aliases: string[];
  /** the column that names one item of a sub-sheet; the main sheet's rows are 事项 */
  key?: string;
  columns: ColumnSpec[];
}

interface PlatformData {
  sheets: SheetSpec[];
  codes: { header: string; field: 'item' | 'implementation' | 'basic' }[];
  units: Record<string, '工作日' | '自然日' | '月'>;
}

export const platformDataFile = fileURLToPath(new URL('../data/platform.yaml', import.meta.url));

/**
 * Read with maps as Maps: a plain object would list the keys that look like numbers (网上办理深度
 * 4, 3 …) before the others, and export writes the first platform value of each guide value.
 */
function plain(value: unknown, key?: string): unknown {
  if (value instanceof Map) {
    const entries = [...value].map(([name, item]) => [String(name), plain(item, String(name))] as const);
    return key === 'values' ? new Map(entries) : Object.fromEntries(entries);
  }
  return Array.isArray(value) ? value.map((item) => plain(item)) : value;
}

const data = plain(parse(readFileSync(platformDataFile, 'utf8'), { mapAsMap: true })) as PlatformData;
for (const sheet of data.sheets) for (const column of sheet.columns) column.aliases ??= [];

export const SHEETS = {
  main: '事项基本信息',
  materials: '申请材料',
  fees: '收费项目',
  faq: '常见问题',
  locations: '办理地点',
} as const;

export type SheetName = (typeof SHEETS)[keyof typeof SHEETS];

export const TITLE_HEADER = '事项名称';

export const sheetSpecs: readonly SheetSpec[] = data.sheets;
/** The codes that join a sub-sheet's row to its 事项, most specific first. */
export const joinCodes = data.codes;
export const timeUnits = data.units;

export function sheetSpec(name: SheetName): SheetSpec {
  const spec = data.sheets.find((sheet) => sheet.name === name);
  if (!spec) throw new Error(`platform.yaml: no sheet ${name}`);
  return spec;
}

const mainColumns = sheetSpec(SHEETS.main).columns;
const codeColumns = data.codes
  .map(({ header }) => mainColumns.find((column) => column.header === header))
  .filter((column): column is ColumnSpec => column !== undefined)
  .reverse();
const titleColumn = mainColumns.find((column) => column.header === TITLE_HEADER) as ColumnSpec;

/**
 * Every column of a sheet as exported: a sub-sheet starts with the codes that join it to its
 * 事项 (basic, implementation, item) and the 事项's name, for the reader.
 */
export function sheetColumns(spec: SheetSpec): ColumnSpec[] {
  return spec.name === SHEETS.main ? spec.columns : [...codeColumns, titleColumn, ...spec.columns];
}
