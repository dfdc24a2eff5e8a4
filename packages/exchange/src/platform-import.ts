// Platform tables → guide data: one guide per row of 事项基本信息, its materials, fees, questions and
// places joined from the sub-sheets by code. Whatever cannot be mapped is reported and kept under
// `x-platform`, so that export writes it back.
import { DRAFT, guideSchema, guideValidator } from '@baihua/core';
import { amountInText, amountWithUnit, count, isAtOnce, timeUnit, type Unit } from './chinese-values.js';
import { EMPTY_MAPPING, type PlatformMapping } from './platform-mapping.js';
import { type ColumnSpec, joinCodes, SHEETS, type SheetName, sheetSpec, TITLE_HEADER } from './platform-spec.js';
import type { PlatformIssue, PlatformRow, PlatformSheet, PlatformTables } from './platform-tables.js';
import { isHours, numberedItems, parseFeeStandard, parseSteps } from './platform-values.js';

export interface ImportOptions {
  mapping?: PlatformMapping;
}

export type GuideData = Record<string, unknown>;

export interface ImportedGuide {
  id: string;
  data: GuideData;
  /** the 事项基本信息 row it comes from */
  source: { file?: string; sheet: string; row: number };
}

export interface ImportedGuideSummary {
  id: string;
  title?: string;
  file?: string;
  sheet: string;
  row: number;
  /** the guide lacks required fields, so it is a draft (status: 草稿) */
  draft: boolean;
  /** the required fields it lacks, as 「一句话说明（summary）」 */
  missing: string[];
}

export interface ImportReport {
  guides: ImportedGuideSummary[];
  issues: PlatformIssue[];
}

/** The key under which values the guide cannot hold are kept for export. */
export const X_PLATFORM = 'x-platform';

type CodeKind = (typeof joinCodes)[number]['field'];

const SUB_SHEETS: { sheet: SheetName; list: 'materials' | 'fees' | 'faq' | 'locations' }[] = [
  { sheet: SHEETS.materials, list: 'materials' },
  { sheet: SHEETS.fees, list: 'fees' },
  { sheet: SHEETS.faq, list: 'faq' },
  { sheet: SHEETS.locations, list: 'locations' },
];

interface Building {
  id: string;
  data: GuideData;
  reader: RowReader;
  codes: Partial<Record<CodeKind, string>>;
  feesFlag: boolean | undefined;
  lists: Record<'materials' | 'fees' | 'faq' | 'locations', GuideData[]>;
  extraRows: Partial<Record<SheetName, Record<string, string>[]>>;
}

export function importPlatform(
  tables: PlatformTables,
  options: ImportOptions = {},
): { guides: ImportedGuide[]; report: ImportReport } {
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const issues: PlatformIssue[] = tables.skipped.map((skipped) => ({
    kind: 'skipped',
    file: skipped.file,
    sheet: skipped.sheet ?? '',
    reason: skipped.reason,
  }));
  const building: Building[] = [];
  const byCode = new Map<string, Building[]>();
  const ids = new Map<string, Building>();

  for (const sheet of tables.sheets.filter((sheet) => sheet.name === SHEETS.main)) {
    reportUnknownColumns(sheet, issues);
    for (const row of sheet.rows) {
      const reader = new RowReader(sheet, row, issues, mapping);
      const guide = readMainRow(reader, ids);
      building.push(guide);
      ids.set(guide.id, guide);
      for (const key of joinKeys(guide.codes)) {
        const list = byCode.get(key);
        if (list) list.push(guide);
        else byCode.set(key, [guide]);
      }
    }
  }

  for (const { sheet: name, list } of SUB_SHEETS) {
    for (const sheet of tables.sheets.filter((sheet) => sheet.name === name)) {
      reportUnknownColumns(sheet, issues);
      const spec = sheetSpec(name);
      for (const row of sheet.rows) {
        const reader = new RowReader(sheet, row, issues, mapping);
        const codes = readCodes(reader);
        const targets = joined(codes, byCode);
        if (targets.length === 0) {
          const [shown] = joinCodes.filter((code) => codes[code.field]);
          issues.push({
            kind: 'skipped',
            ...reader.where(shown?.header),
            ...(shown ? { value: codes[shown.field] as string } : {}),
            reason: shown
              ? `编码对不上「${SHEETS.main}」表里的任何事项，这一行没有导入`
              : '这一行没有编码，对不上是哪个事项的，没有导入',
          });
          continue;
        }
        const key = spec.key as string;
        const item = reader.value(key) === undefined ? undefined : readSubRow(reader, name);
        if (!item) {
          issues.push({
            kind: 'unmapped',
            ...reader.where(key),
            reason: `没有${key}，不能作为一项导入；这一行的内容保留在 ${X_PLATFORM} 里`,
          });
        }
        for (const target of targets) {
          if (item) target.lists[list].push(structuredClone(item));
          const extra = item ? reader.extra : reader.itemCells();
          if (Object.keys(extra).length > 0) {
            const entry = item ? { [key]: item[spec.columns[0]?.field as string] as string, ...extra } : extra;
            target.extraRows[name] = [...(target.extraRows[name] ?? []), entry];
          }
        }
      }
    }
  }

  const guides: ImportedGuide[] = [];
  const summaries: ImportedGuideSummary[] = [];
  for (const guide of building) {
    finish(guide);
    const missing = missingFields(guide.data);
    if (missing.length > 0) guide.data.status = DRAFT;
    const { sheet, row } = guide.reader;
    const source = { ...(sheet.file ? { file: sheet.file } : {}), sheet: sheet.sheet ?? sheet.name, row: row.row };
    guides.push({ id: guide.id, data: guide.data, source });
    summaries.push({
      id: guide.id,
      ...(typeof guide.data.title === 'string' ? { title: guide.data.title } : {}),
      ...source,
      draft: missing.length > 0,
      missing,
    });
  }
  return { guides, report: { guides: summaries, issues } };
}

/** Reads values of one row: the mapping's values first, then each column's own synonyms. */
class RowReader {
  /** cells kept for export: unknown columns and values that could not be mapped */
  readonly extra: Record<string, string> = {};
  constructor(
    readonly sheet: PlatformSheet,
    readonly row: PlatformRow,
    private readonly issues: PlatformIssue[],
    readonly mapping: PlatformMapping,
  ) {
    for (const [header, value] of Object.entries(row.cells)) if (!KNOWN_HEADERS.has(header)) this.extra[header] = value;
  }

  where(column?: string): Omit<PlatformIssue, 'kind' | 'reason'> {
    return {
      ...(this.sheet.file ? { file: this.sheet.file } : {}),
      sheet: this.sheet.sheet ?? this.sheet.name,
      row: this.row.row,
      ...(column === undefined ? {} : { column }),
    };
  }

  /** the cell as written */
  raw(header: string): string | undefined {
    return this.row.cells[header];
  }

  /** the cell through the mapping file's values */
  value(header: string): string | undefined {
    const raw = this.raw(header);
    return raw === undefined ? undefined : (this.mapping.values[header]?.[raw] ?? raw);
  }

  unmapped(header: string, reason: string): void {
    const value = this.raw(header) ?? '';
    this.issues.push({ kind: 'unmapped', ...this.where(header), value, reason });
    this.extra[header] = value;
  }

  recovered(header: string, reason: string): void {
    const value = this.raw(header);
    this.issues.push({ kind: 'recovered', ...this.where(header), ...(value === undefined ? {} : { value }), reason });
  }

  /** every cell but the codes and 事项名称: a sub-sheet row kept whole */
  itemCells(): Record<string, string> {
    const shared = new Set<string>([TITLE_HEADER, ...joinCodes.map((code) => code.header)]);
    return Object.fromEntries(Object.entries(this.row.cells).filter(([header]) => !shared.has(header)));
  }
}

const KNOWN_HEADERS = new Set(
  [SHEETS.main, SHEETS.materials, SHEETS.fees, SHEETS.faq, SHEETS.locations].flatMap((name) => [
    TITLE_HEADER,
    ...joinCodes.map((code) => code.header),
    ...sheetSpec(name).columns.map((column) => column.header),
  ]),
);

function reportUnknownColumns(sheet: PlatformSheet, issues: PlatformIssue[]): void {
  for (const header of sheet.headers) {
    if (KNOWN_HEADERS.has(header)) continue;
    const filled = sheet.rows.filter((row) => row.cells[header] !== undefined).length;
    if (filled === 0) continue;
    issues.push({
      kind: 'unmapped',
      ...(sheet.file ? { file: sheet.file } : {}),
      sheet: sheet.sheet ?? sheet.name,
      column: header,
      reason: `不是平台的标准表头，指南里没有对应的字段；${filled} 行的值保留在 ${X_PLATFORM} 里。如果是标准表头的另一种写法，请在映射文件 columns 里写明`,
    });
  }
}

// --- the main sheet ---------------------------------------------------------------------------

const CODE_PATTERNS = Object.fromEntries(
  Object.entries(
    (guideSchema as { properties: { codes: { properties: Record<string, { pattern: string }> } } }).properties.codes
      .properties,
  ).map(([field, schema]) => [field, new RegExp(schema.pattern)]),
) as Record<CodeKind, RegExp>;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function readCodes(reader: RowReader): Partial<Record<CodeKind, string>> {
  const codes: Partial<Record<CodeKind, string>> = {};
  for (const { header, field } of joinCodes) {
    const raw = reader.value(header);
    if (raw === undefined) continue;
    const code = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    if (CODE_PATTERNS[field].test(code)) codes[field] = code;
    else if (reader.sheet.name === SHEETS.main)
      reader.unmapped(header, '不是有效的编码（数字和大写字母，分段的用连字符连接）');
  }
  return codes;
}

/**
 * A 事项's keys for joining: each code it carries, with which of the more specific codes it carries
 * besides (`1:code:0` is an 实施编码 of a 事项 without 业务办理项编码), so that a sub-sheet row finds
 * its 事项 by a few lookups, however many 事项 share a 基本编码.
 */
function joinKeys(codes: Partial<Record<CodeKind, string>>): string[] {
  const has = joinCodes.map(({ field }) => (codes[field] === undefined ? '0' : '1'));
  return joinCodes.flatMap(({ field }, index) => {
    const code = codes[field];
    return code === undefined ? [] : [`${index}:${code}:${has.slice(0, index).join('')}`];
  });
}

/**
 * The 事项 a sub-sheet row belongs to: by the most specific code both carry. A 事项 found by a
 * code lacks every more specific code the row carries (else that code decides); those the row
 * lacks, it may carry.
 */
function joined(codes: Partial<Record<CodeKind, string>>, byCode: Map<string, Building[]>): Building[] {
  const found: Building[] = [];
  joinCodes.forEach(({ field }, index) => {
    const code = codes[field];
    if (code === undefined) return;
    let masks = [''];
    for (const more of joinCodes.slice(0, index))
      masks = masks.flatMap((mask) => (codes[more.field] === undefined ? [`${mask}0`, `${mask}1`] : [`${mask}0`]));
    for (const mask of masks) found.push(...(byCode.get(`${index}:${code}:${mask}`) ?? []));
  });
  return found;
}

function readMainRow(reader: RowReader, ids: Map<string, Building>): Building {
  const data: GuideData = {};
  const codes = readCodes(reader);
  if (Object.keys(codes).length > 0) data.codes = { ...codes };
  const id = guideId(reader, codes, ids);
  data.id = id;
  const guide: Building = {
    id,
    data,
    reader,
    codes,
    feesFlag: undefined,
    lists: { materials: [], fees: [], faq: [], locations: [] },
    extraRows: {},
  };
  const spec = sheetSpec(SHEETS.main);
  for (const column of spec.columns) {
    if (column.convert === 'code') continue;
    if (column.convert === 'fees-flag') {
      const flag = readBoolean(reader, column);
      if (flag !== undefined) guide.feesFlag = flag;
      continue;
    }
    if (['limit-amount', 'limit-unit', 'online-level', 'appointment'].includes(column.convert)) continue;
    readColumn(reader, column, data);
  }
  for (const limit of ['statutory', 'promised'] as const) readLimit(reader, spec.columns, limit, data);
  readOnline(reader, spec.columns, data);
  return guide;
}

function guideId(reader: RowReader, codes: Partial<Record<CodeKind, string>>, ids: Map<string, Building>): string {
  const mapped = joinCodes.map(({ field }) => codes[field] && reader.mapping.ids[codes[field]]).find(Boolean);
  const code = joinCodes.map(({ field }) => codes[field]).find(Boolean);
  let id = mapped || code?.toLowerCase();
  if (!id || !ID.test(id) || id.length > 64) {
    id = `row-${reader.row.row}`;
    reader.recovered(TITLE_HEADER, `这一行没有能做标识的编码，标识按行号取作 ${id}；可以在映射文件 ids 里指定`);
  }
  if (ids.has(id)) {
    const first = ids.get(id) as Building;
    let n = 2;
    while (ids.has(`${id}-${n}`)) n++;
    reader.recovered(
      TITLE_HEADER,
      `和第 ${first.reader.row.row} 行的编码相同，标识取作 ${id}-${n}；两行都会接上这个编码的材料、收费等子表内容`,
    );
    id = `${id}-${n}`;
  }
  return id;
}

// --- columns ------------------------------------------------------------------------------------

/** A generic column: its value converted into `target` at the column's field, or reported. */
function readColumn(reader: RowReader, column: ColumnSpec, target: GuideData): void {
  const value = reader.value(column.header);
  if (value === undefined) return;
  const set = (converted: unknown) => setPath(target, column.field, converted);
  switch (column.convert) {
    case 'text': {
      const standard = column.values?.get(value) ?? value;
      if (column.absent !== undefined && standard === column.absent) return;
      set(value);
      return;
    }
    case 'phone':
      set(value);
      return;
    case 'enum': {
      const mapped = lookup(column, value);
      if (mapped === undefined) reader.unmapped(column.header, notInList(column, value));
      else set(mapped);
      return;
    }
    case 'enum-list': {
      const parts = value.split(/\s*[、,，;；/|\n]\s*|\s+/).filter((part) => part !== '');
      const mapped = parts.map((part) => lookup(column, part));
      const unknown = parts.filter((_, index) => mapped[index] === undefined);
      if (unknown.length > 0) {
        reader.unmapped(column.header, notInList(column, unknown.join('、')));
        return;
      }
      set([...new Set(mapped)]);
      return;
    }
    case 'lines': {
      const lines = numberedItems(value.replace(/[；;]\s*(?=《)/g, '\n'));
      set(lines.items);
      return;
    }
    case 'numbered': {
      const items = numberedItems(value);
      if (items.splitInline) reader.recovered(column.header, `几条写在一行里，按编号分成了 ${items.items.length} 条`);
      set(items.items);
      return;
    }
    case 'steps': {
      const steps = parseSteps(value);
      if (steps.splitInline) reader.recovered(column.header, `几步写在一行里，按编号分成了 ${steps.steps.length} 步`);
      set(steps.steps);
      return;
    }
    case 'integer': {
      const number = /^\s*([0-9０-９]+|[零〇一二两三四五六七八九十]+)\s*(?:次|份|个)?\s*$/.exec(value);
      const parsed = number ? count(number[1] as string) : undefined;
      if (parsed === undefined) reader.unmapped(column.header, '不是整数');
      else set(parsed);
      return;
    }
    case 'boolean': {
      const flag = readBoolean(reader, column);
      if (flag !== undefined) set(flag);
      return;
    }
    case 'url':
      if (/^https?:\/\/\S+$/.test(value)) set(value);
      else reader.unmapped(column.header, '不是网址（指南里的网址要以 http:// 或 https:// 开头）');
      return;
    default:
      throw new Error(`platform.yaml: ${column.header} is read by its sheet, not as a single column`);
  }
}

function lookup(column: ColumnSpec, value: string): unknown {
  return column.values?.get(value) ?? column.values?.get(value.replace(/\s+/g, ''));
}

function notInList(column: ColumnSpec, value: string): string {
  // Each guide value's own platform value: the first written for it.
  const standard = new Map<unknown, string>();
  for (const [platform, guide] of column.values ?? [])
    if (!standard.has(JSON.stringify(guide))) standard.set(JSON.stringify(guide), platform);
  return `「${value}」不是「${column.header}」能取的值（可以是：${[...standard.values()].join('、')}），也没有对应的同义词；请在映射文件 values 里写明它对应哪个值`;
}

function readBoolean(reader: RowReader, column: ColumnSpec): boolean | undefined {
  const value = reader.value(column.header);
  if (value === undefined) return undefined;
  const flag = lookup(column, value);
  if (typeof flag === 'boolean') return flag;
  reader.unmapped(column.header, '应是「是」或「否」');
  return undefined;
}

/** 法定 / 承诺办结时限: the amount, its unit and its note, with the defects a platform's cells have. */
function readLimit(reader: RowReader, columns: ColumnSpec[], limit: 'statutory' | 'promised', data: GuideData): void {
  const field = `time_limit.${limit}`;
  const amountColumn = columns.find((column) => column.field === field && column.convert === 'limit-amount');
  const unitColumn = columns.find((column) => column.field === field && column.convert === 'limit-unit');
  const noteColumn = columns.find((column) => column.field === `${field}.note`);
  if (!amountColumn || !unitColumn) return;
  const amountText = reader.value(amountColumn.header);
  const unitText = reader.value(unitColumn.header);
  const note = noteColumn ? reader.value(noteColumn.header) : undefined;
  if (amountText === undefined && unitText === undefined) return;
  const keep = (reason: string) => {
    if (amountText !== undefined) reader.unmapped(amountColumn.header, reason);
    if (unitText !== undefined) {
      const value = reader.raw(unitColumn.header) as string;
      reader.extra[unitColumn.header] = value;
      if (amountText === undefined) reader.unmapped(unitColumn.header, reason);
    }
  };
  if ((amountText !== undefined && isHours(amountText)) || (unitText !== undefined && /小时|分钟/.test(unitText))) {
    keep('时限按小时计，指南的时限只能写天数或月数；请换算成工作日写进指南，或把“几小时办结”写在时限说明里');
    return;
  }
  let unit: Unit | undefined = unitText === undefined ? undefined : timeUnit(unitText);
  if (unitText !== undefined && unit === undefined) {
    keep(`「${unitText}」不是时限单位（工作日、自然日或个月）`);
    return;
  }
  let amount = amountText === undefined ? undefined : count(amountText);
  if (amountText !== undefined && amount === undefined) {
    const written = amountWithUnit(amountText);
    if (written && (unit === undefined || unit === written.unit)) {
      amount = written.amount;
      unit = written.unit;
      reader.recovered(amountColumn.header, `单位写在了时限格里，读作 ${durationText(written.amount, written.unit)}`);
    } else if (isAtOnce(amountText)) {
      amount = 0;
      unit ??= '工作日';
      reader.recovered(amountColumn.header, '读作当场办结：0 个工作日');
    } else {
      keep(
        written
          ? `时限格写的是${written.unit}，单位格写的是${unitText}，不知道哪个对`
          : '不是天数或月数（应写阿拉伯数字，如 15）',
      );
      return;
    }
  }
  if (amount === undefined) {
    keep('只有单位，没有时限天数');
    return;
  }
  if (unit === undefined) {
    const inNote = note === undefined ? undefined : amountInText(note);
    if (inNote && inNote.amount === amount) {
      unit = inNote.unit;
      reader.recovered(unitColumn.header, `单位格是空的，按时限说明里写的读作 ${durationText(amount, inNote.unit)}`);
    } else if (amount === 0) {
      unit = '工作日';
    } else {
      keep('时限没有单位（工作日、自然日还是月），不能猜');
      return;
    }
  }
  const duration = (getPath(data, field) as GuideData | undefined) ?? {};
  const { note: written, ...rest } = duration;
  Object.assign(rest, unit === '月' ? { months: amount } : { days: amount, unit });
  setPath(data, field, written === undefined ? rest : { ...rest, note: written });
  if (unit === '月' && amount === 0) reader.unmapped(amountColumn.header, '月数不能是 0');
}

function durationText(amount: number, unit: Unit): string {
  return `${amount} 个${unit === '月' ? '月' : unit}`;
}

/** 网上办理深度 is online.level (四级 全程网办 … 一级 预约办理 or 仅线下办理, by 是否支持预约办理). */
function readOnline(reader: RowReader, columns: ColumnSpec[], data: GuideData): void {
  const levelColumn = columns.find((column) => column.convert === 'online-level') as ColumnSpec;
  const appointmentColumn = columns.find((column) => column.convert === 'appointment') as ColumnSpec;
  const appointment = readBoolean(reader, appointmentColumn);
  const levelText = reader.value(levelColumn.header);
  let level: unknown;
  if (levelText !== undefined) {
    level = lookup(levelColumn, levelText);
    if (level === undefined) reader.unmapped(levelColumn.header, notInList(levelColumn, levelText));
    if (level === '一级') level = appointment ? '预约办理' : '仅线下办理';
  }
  if (level !== undefined) setPath(data, 'online.level', level);
  // 预约办理 already says an appointment can be made.
  if (appointment !== undefined && !(appointment && level === '预约办理')) data.appointment = appointment;
}

// --- sub-sheets ---------------------------------------------------------------------------------

function readSubRow(reader: RowReader, name: SheetName): GuideData {
  const item: GuideData = {};
  const columns = sheetSpec(name).columns;
  for (const column of columns) {
    if (['form-kind', 'form-medium', 'need', 'fee-standard', 'waiver-flag'].includes(column.convert)) continue;
    if (name === SHEETS.fees && column.field === 'waiver') continue;
    readColumn(reader, column, item);
  }
  if (name === SHEETS.materials) {
    readForm(reader, columns, item);
    readNeed(reader, columns, item);
  }
  if (name === SHEETS.fees) readFee(reader, columns, item);
  return item;
}

/** 材料类型 (原件/复印件) and 材料形式 (纸质/电子) together are the guide's form. */
function readForm(reader: RowReader, columns: ColumnSpec[], item: GuideData): void {
  const kindColumn = columns.find((column) => column.convert === 'form-kind') as ColumnSpec;
  const mediumColumn = columns.find((column) => column.convert === 'form-medium') as ColumnSpec;
  const kindText = reader.value(kindColumn.header);
  const mediumText = reader.value(mediumColumn.header);
  let kinds = kindText === undefined ? [] : (lookup(kindColumn, kindText) as string[] | undefined);
  let media = mediumText === undefined ? [] : (lookup(mediumColumn, mediumText) as string[] | undefined);
  if (kinds === undefined) {
    reader.unmapped(kindColumn.header, notInList(kindColumn, kindText as string));
    kinds = [];
  }
  if (media === undefined) {
    reader.unmapped(mediumColumn.header, notInList(mediumColumn, mediumText as string));
    media = [];
  }
  const paper = media.length === 0 || media.includes('纸质');
  if (media.includes('纸质') && kinds.length === 0)
    reader.unmapped(mediumColumn.header, '材料形式是纸质，但没写材料类型（原件还是复印件）');
  // An electronic-only material is its own original; an electronic copy cannot be told apart.
  if (!paper && kinds.some((kind) => kind !== '原件'))
    reader.unmapped(kindColumn.header, '电子材料的类型只能是原件，指南里写不了电子复印件');
  const form = [...(paper ? kinds : []), ...(media.includes('电子') ? ['电子'] : [])];
  if (form.length === 1) item.form = form[0];
  else if (form.length > 1) item.form = form;
}

function readNeed(reader: RowReader, columns: ColumnSpec[], item: GuideData): void {
  const column = columns.find((candidate) => candidate.convert === 'need') as ColumnSpec;
  const value = reader.value(column.header);
  if (value === undefined) return;
  const need = lookup(column, value);
  if (need === undefined) reader.unmapped(column.header, notInList(column, value));
  else item.need = need;
}

function readFee(reader: RowReader, columns: ColumnSpec[], item: GuideData): void {
  const standardColumn = columns.find((column) => column.convert === 'fee-standard') as ColumnSpec;
  const standard = reader.value(standardColumn.header);
  if (standard !== undefined) {
    const parsed = parseFeeStandard(standard);
    if (parsed) {
      item.amount = parsed.amount;
      if (parsed.unit !== undefined) item.unit = parsed.unit;
    } else {
      reader.unmapped(
        standardColumn.header,
        '收费标准读不出金额（应写成「20元/证」「10元」这样）；请把金额和计费单位写进指南的收费项目',
      );
    }
  }
  const flagColumn = columns.find((column) => column.convert === 'waiver-flag') as ColumnSpec;
  const waiverColumn = columns.find((column) => column.field === 'waiver' && column.convert === 'text') as ColumnSpec;
  const flag = readBoolean(reader, flagColumn);
  const waiver = reader.value(waiverColumn.header);
  if (flag === false && waiver !== undefined) {
    reader.unmapped(waiverColumn.header, '写了不允许减免，却有减免说明，不知道哪个对');
    reader.extra[flagColumn.header] = reader.raw(flagColumn.header) as string;
  } else if (waiver !== undefined) {
    item.waiver = waiver;
  } else if (flag === true) {
    reader.unmapped(flagColumn.header, '写了允许减免，但没写减免说明（哪些人、怎么减免）');
  } else if (flag === false) {
    reader.extra[flagColumn.header] = reader.raw(flagColumn.header) as string;
  }
}

// --- the guide ----------------------------------------------------------------------------------

function finish(guide: Building): void {
  const { data, lists, reader } = guide;
  if (lists.materials.length > 0) data.materials = lists.materials;
  if (lists.faq.length > 0) data.faq = lists.faq;
  if (lists.locations.length > 0) data.locations = lists.locations;
  const feeHeader = sheetSpec(SHEETS.main).columns.find((column) => column.convert === 'fees-flag')?.header as string;
  if (guide.feesFlag === false && lists.fees.length > 0) {
    reader.unmapped(
      feeHeader,
      `写了不收费，「${SHEETS.fees}」表里却有这个事项的 ${lists.fees.length} 项收费，指南里按收费项目写`,
    );
    data.fees = lists.fees;
  } else if (guide.feesFlag === false) {
    data.fees = { free: true };
  } else if (lists.fees.length > 0) {
    data.fees = lists.fees;
  } else if (guide.feesFlag === true) {
    reader.unmapped(feeHeader, `写了收费，但「${SHEETS.fees}」表里没有这个事项的收费项目`);
  }
  const x: Record<string, unknown> = {};
  if (Object.keys(reader.extra).length > 0) x[SHEETS.main] = reader.extra;
  for (const [sheet, rows] of Object.entries(guide.extraRows)) x[sheet] = rows;
  if (Object.keys(x).length > 0) data[X_PLATFORM] = x;
}

function titleOf(path: string): string {
  let schema: { title?: string; properties?: Record<string, unknown> } = guideSchema as never;
  for (const part of path.split('/').filter(Boolean)) {
    const next = schema.properties?.[part] as typeof schema | undefined;
    if (!next) return path;
    schema = next;
  }
  return schema.title ?? path;
}

/** The required fields a guide lacks, as 「一句话说明（summary）」: they make it a draft. */
function missingFields(data: GuideData): string[] {
  const validate = guideValidator();
  if (validate(data)) return [];
  return (validate.errors ?? [])
    .filter((error) => error.keyword === 'required')
    .map((error) => {
      const path = `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
      return `${titleOf(path.replace(/\/\d+(?=\/|$)/g, ''))}（${path.slice(1).replaceAll('/', '.')}）`;
    })
    .filter((field, index, all) => all.indexOf(field) === index);
}

export function getPath(target: GuideData, path: string): unknown {
  let value: unknown = target;
  for (const part of path.split('.')) value = (value as GuideData | undefined)?.[part];
  return value;
}

function setPath(target: GuideData, path: string, value: unknown): void {
  const parts = path.split('.');
  let object = target;
  for (const part of parts.slice(0, -1)) {
    object[part] ??= {};
    object = object[part] as GuideData;
  }
  object[parts[parts.length - 1] as string] = value;
}
