import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { PlatformInputError } from './platform-errors.js';
import { type SheetName, sheetColumns, sheetSpecs } from './platform-spec.js';

/**
 * A department's own headers, values and ids, for tables that differ from the platform's export
 * (docs/platform-import.md):
 *
 *     sheets: { 本地表名: 标准表名 }
 *     columns: { 本地表头: 标准表头 }          # or, for one sheet: { 申请材料: { 本地表头: 标准表头 } }
 *     values: { 标准表头: { 本地值: 标准值 } }
 *     ids: { 编码: guide-id }
 */
export interface PlatformMapping {
  sheets: Record<string, SheetName>;
  columns: Record<string, string>;
  sheetColumns: Partial<Record<SheetName, Record<string, string>>>;
  values: Record<string, Record<string, string>>;
  ids: Record<string, string>;
}

export const EMPTY_MAPPING: PlatformMapping = { sheets: {}, columns: {}, sheetColumns: {}, values: {}, ids: {} };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SHEET_NAMES = sheetSpecs.map((sheet) => sheet.name);
const headersOf = (name: string) =>
  sheetColumns(sheetSpecs.find((sheet) => sheet.name === name) as (typeof sheetSpecs)[number]).map(
    (column) => column.header,
  );
const ALL_HEADERS = new Set(sheetSpecs.flatMap((sheet) => headersOf(sheet.name)));

export function readPlatformMapping(path: string): PlatformMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PlatformInputError(path, `读不到映射文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  return parsePlatformMapping(text, path);
}

/** Reads a mapping file; every mistake is an error at its line and column. */
export function parsePlatformMapping(text: string, file: string): PlatformMapping {
  const lines = new LineCounter();
  // failsafe: every value is text, so a code such as 000104001000 keeps its zeros.
  const document = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false });
  const fail = (node: Node | undefined, message: string): never => {
    const position = lines.linePos(node?.range?.[0] ?? 0);
    throw new PlatformInputError(file, `映射文件：${message}`, { line: position.line, column: position.col });
  };
  const [error] = document.errors;
  if (error) {
    const position = lines.linePos(error.pos[0]);
    throw new PlatformInputError(file, `映射文件不是正确的 YAML：${error.message.split('\n')[0]}`, {
      line: position.line,
      column: position.col,
    });
  }
  const mapping: PlatformMapping = { sheets: {}, columns: {}, sheetColumns: {}, values: {}, ids: {} };
  if (document.contents === null) return mapping;
  const root = asMap(document.contents, fail, '映射文件应是 sheets、columns、values、ids 几组');
  for (const pair of root.items) {
    const key = scalar(pair.key, fail);
    const section = asMap(pair.value, fail, `「${key}」下面应是「本地写法: 标准写法」的对照`);
    if (key === 'sheets') {
      for (const [local, standard, node] of entries(section, fail)) {
        if (!SHEET_NAMES.includes(standard as SheetName))
          fail(node, `「${standard}」不是平台的表名；可以是：${SHEET_NAMES.join('、')}`);
        mapping.sheets[local] = standard as SheetName;
      }
    } else if (key === 'columns') {
      for (const pair of section.items) {
        const local = scalar(pair.key, fail);
        if (isMap(pair.value)) {
          if (!SHEET_NAMES.includes(local as SheetName))
            fail(
              pair.key as Node,
              `「${local}」不是平台的表名；按表写表头对照时，外层写表名：${SHEET_NAMES.join('、')}`,
            );
          const headers = headersOf(local);
          const own: Record<string, string> = {};
          for (const [from, to, node] of entries(pair.value, fail)) {
            if (!headers.includes(to))
              fail(node, `「${to}」不是「${local}」表的标准表头；可以是：${headers.join('、')}`);
            own[from] = to;
          }
          mapping.sheetColumns[local as SheetName] = own;
        } else {
          const standard = scalar(pair.value, fail);
          if (!ALL_HEADERS.has(standard))
            fail(pair.value as Node, `「${standard}」不是平台的标准表头（见 packages/exchange/data/platform.yaml）`);
          mapping.columns[local] = standard;
        }
      }
    } else if (key === 'values') {
      for (const pair of section.items) {
        const header = scalar(pair.key, fail);
        if (!ALL_HEADERS.has(header)) fail(pair.key as Node, `「${header}」不是平台的标准表头，写不了它的取值对照`);
        const values: Record<string, string> = {};
        for (const [from, to] of entries(asMap(pair.value, fail, `「${header}」下面应是「本地值: 标准值」`), fail))
          values[from] = to;
        mapping.values[header] = values;
      }
    } else if (key === 'ids') {
      for (const [code, id, node] of entries(section, fail)) {
        if (!ID.test(id) || id.length > 64)
          fail(node, `标识「${id}」要用小写英文字母、数字和连字符，不超过 64 个字符，如 id-card-renewal`);
        mapping.ids[code.trim().toUpperCase()] = id;
      }
    } else {
      fail(pair.key as Node, `不认识「${key}」；映射文件只有 sheets、columns、values、ids 几组`);
    }
  }
  return mapping;
}

type Fail = (node: Node | undefined, message: string) => never;

function asMap(node: unknown, fail: Fail, message: string): YAMLMap {
  if (!isMap(node)) return fail(node as Node, message);
  return node;
}

function scalar(node: unknown, fail: Fail): string {
  if (!isScalar(node)) return fail(node as Node, '这里应是一个值');
  return String(node.value).trim();
}

function* entries(map: YAMLMap, fail: Fail): Generator<[string, string, Node]> {
  for (const pair of map.items) yield [scalar(pair.key, fail), scalar(pair.value, fail), pair.value as Node];
}
