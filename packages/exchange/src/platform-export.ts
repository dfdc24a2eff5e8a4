// Guide data → the platform's five sheets: a cell per mapped field, values kept under x-platform
// written back to their columns, and a report of every platform column a guide leaves empty.
import { getPath, type GuideData, X_PLATFORM } from './platform-import.js';
import {
  type ColumnSpec,
  SHEETS,
  type SheetName,
  sheetColumns,
  sheetSpec,
  sheetSpecs,
  TITLE_HEADER,
} from './platform-spec.js';
import type { PlatformRow, PlatformSheet, PlatformTables } from './platform-tables.js';
import { feeStandardText, numberedText, stepsText } from './platform-values.js';

export interface EmptyColumns {
  sheet: SheetName;
  /** the material, fee, question or place, by its name; none for the 事项's own row */
  item?: string;
  columns: string[];
}

export interface ExportedGuideSummary {
  id: string;
  title?: string;
  /** the platform columns this guide leaves empty: what the platform still needs */
  empty: EmptyColumns[];
}

export interface ExportReport {
  guides: ExportedGuideSummary[];
}

const LISTS: { sheet: SheetName; items: (data: GuideData) => GuideData[] }[] = [
  { sheet: SHEETS.materials, items: (data) => (data.materials as GuideData[] | undefined) ?? [] },
  { sheet: SHEETS.fees, items: feeItems },
  { sheet: SHEETS.faq, items: (data) => (data.faq as GuideData[] | undefined) ?? [] },
  { sheet: SHEETS.locations, items: (data) => (data.locations as GuideData[] | undefined) ?? [] },
];

function feeItems(data: GuideData): GuideData[] {
  const fees = data.fees;
  if (Array.isArray(fees)) return fees as GuideData[];
  return ((fees as { items?: GuideData[] } | undefined)?.items ?? []) as GuideData[];
}

/** The platform's tables for these guides, in the order given. */
export function exportPlatform(guides: readonly GuideData[]): { tables: PlatformTables; report: ExportReport } {
  const sheets = new Map<SheetName, PlatformSheet>(
    sheetSpecs.map((spec) => [
      spec.name as SheetName,
      { name: spec.name as SheetName, headers: sheetColumns(spec).map((column) => column.header), rows: [] },
    ]),
  );
  const report: ExportReport = { guides: [] };
  for (const data of guides) {
    const x = (data[X_PLATFORM] as Record<string, unknown> | undefined) ?? {};
    const empty: EmptyColumns[] = [];
    const main = sheets.get(SHEETS.main) as PlatformSheet;
    const mainCells = rowCells(sheetSpec(SHEETS.main).columns, data, data, x[SHEETS.main]);
    addRow(main, mainCells);
    const missingMain = missing(sheetSpec(SHEETS.main).columns, mainCells);
    if (missingMain.length > 0) empty.push({ sheet: SHEETS.main, columns: missingMain });

    const shared: Record<string, string> = {};
    for (const header of ['基本编码', '实施编码', '业务办理项编码', TITLE_HEADER])
      if (mainCells[header]) shared[header] = mainCells[header];
    for (const { sheet: name, items } of LISTS) {
      const spec = sheetSpec(name);
      const sheet = sheets.get(name) as PlatformSheet;
      const key = spec.key as string;
      const extras = [...((x[name] as Record<string, string>[] | undefined) ?? [])];
      const list = items(data);
      for (const item of list) {
        const at = extras.findIndex(
          (extra) => extra[key] !== undefined && extra[key] === item[spec.columns[0]?.field as string],
        );
        const [extra] = at === -1 ? [undefined] : extras.splice(at, 1);
        const cells = rowCells(spec.columns, item, data, extra);
        addRow(sheet, { ...shared, ...cells });
        const columns = missing(spec.columns, cells);
        if (columns.length > 0) empty.push({ sheet: name, item: cells[key] ?? '', columns });
      }
      // Rows the import could not make into an item go back as they came.
      for (const extra of extras) addRow(sheet, { ...shared, ...extra });
      if (list.length === 0 && (name === SHEETS.materials || name === SHEETS.locations) && !emptyListMeant(data, name))
        empty.push({ sheet: name, columns: [key] });
    }
    report.guides.push({
      id: String(data.id ?? ''),
      ...(typeof data.title === 'string' ? { title: data.title } : {}),
      empty,
    });
  }
  return { tables: { sheets: [...sheets.values()], skipped: [] }, report };
}

/** `materials: []` says the 事项 needs none; only a guide without the field leaves the sheet empty. */
function emptyListMeant(data: GuideData, name: SheetName): boolean {
  return name === SHEETS.materials && Array.isArray(data.materials);
}

function addRow(sheet: PlatformSheet, cells: Record<string, string>): void {
  for (const header of Object.keys(cells)) if (!sheet.headers.includes(header)) sheet.headers.push(header);
  const row: PlatformRow = { row: sheet.rows.length + 2, cells };
  sheet.rows.push(row);
}

function missing(columns: readonly ColumnSpec[], cells: Record<string, string>): string[] {
  return columns.filter((column) => !column.optional && !cells[column.header]).map((column) => column.header);
}

/** One row's cells: each column from the item's fields, then what x-platform kept, over them. */
function rowCells(
  columns: readonly ColumnSpec[],
  item: GuideData,
  guide: GuideData,
  kept: unknown,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const column of columns) {
    const text = cellOf(column, item, guide);
    if (text !== '') cells[column.header] = text;
  }
  if (kept && typeof kept === 'object')
    for (const [header, value] of Object.entries(kept as Record<string, unknown>))
      if (value !== undefined && value !== null) cells[header] = String(value);
  return cells;
}

/** The platform value standing for a guide value: the first in the column's list. */
function platformValue(column: ColumnSpec, value: unknown): string {
  const found = [...(column.values ?? [])].find(([, guideValue]) => guideValue === value);
  return found ? found[0] : String(value);
}

function cellOf(column: ColumnSpec, item: GuideData, guide: GuideData): string {
  const value = getPath(item, column.field);
  switch (column.convert) {
    case 'text':
      return value === undefined ? (column.absent ?? '') : String(value);
    case 'code':
    case 'phone':
    case 'url':
      return value === undefined ? '' : String(value);
    case 'integer':
      return typeof value === 'number' ? String(value) : '';
    case 'enum':
    case 'boolean':
      return value === undefined ? '' : platformValue(column, value);
    case 'enum-list':
      return Array.isArray(value) ? value.map((part) => platformValue(column, part)).join('、') : '';
    case 'lines':
      return Array.isArray(value)
        ? value
            .map((basis) =>
              typeof basis === 'string'
                ? basis
                : `${(basis as GuideData).name ?? ''}${(basis as GuideData).article ?? ''}`,
            )
            .join('\n')
        : '';
    case 'numbered':
      return Array.isArray(value) ? numberedText(value.map(String)) : '';
    case 'steps':
      return Array.isArray(value) ? stepsText(value) : '';
    case 'limit-amount': {
      const duration = value as { days?: number; months?: number } | undefined;
      return String(duration?.months ?? duration?.days ?? '');
    }
    case 'limit-unit': {
      const duration = value as { unit?: string; months?: number } | undefined;
      return duration?.months !== undefined ? '个月' : (duration?.unit ?? '');
    }
    case 'online-level':
      if (value === undefined) return '';
      return platformValue(column, value === '预约办理' || value === '仅线下办理' ? '一级' : value);
    case 'appointment': {
      const level = getPath(guide, 'online.level');
      const appointment =
        level === '预约办理' ? true : guide.appointment === undefined ? undefined : guide.appointment !== false;
      return appointment === undefined ? '' : platformValue(column, appointment);
    }
    case 'fees-flag': {
      const fees = guide.fees;
      if (fees === undefined) return '';
      const free = Array.isArray(fees) ? fees.length === 0 : (fees as { free?: boolean }).free === true;
      return platformValue(column, !free);
    }
    case 'form-kind': {
      const form = formList(item.form);
      const kinds = form.filter((part) => part !== '电子');
      if (kinds.length === 0) return form.includes('电子') ? formValue(column, ['原件']) : '';
      return formValue(column, kinds);
    }
    case 'form-medium': {
      const form = formList(item.form);
      if (form.length === 0) return '';
      const media = [
        ...(form.some((part) => part !== '电子') ? ['纸质'] : []),
        ...(form.includes('电子') ? ['电子'] : []),
      ];
      return formValue(column, media);
    }
    case 'need':
      return platformValue(column, item.need ?? '必要');
    case 'fee-standard':
      return feeStandardText(item.amount as number | undefined, item.unit as string | undefined);
    case 'waiver-flag':
      return item.waiver === undefined ? '' : platformValue(column, true);
  }
}

function formList(form: unknown): string[] {
  if (form === undefined) return [];
  return Array.isArray(form) ? form.map(String) : [String(form)];
}

function formValue(column: ColumnSpec, parts: string[]): string {
  const key = [...parts].sort().join();
  const found = [...(column.values ?? [])].find(
    ([, value]) => Array.isArray(value) && [...value].sort().join() === key,
  );
  return found ? found[0] : parts.join('和');
}
