import {
  Composer,
  Lexer,
  Parser,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  visit,
  type CST,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { mapScalar } from './yaml-scalar-map.js';
import type { ParseProblem } from './problems.js';
import type { SourceFile, SourceRange } from './source.js';
import type { TextSpan } from './text-span.js';

/** A node of the YAML tree, addressed by JSON pointer (`/materials/0/copies`). */
export interface YamlEntry {
  pointer: string;
  /** null for a key written without a value (`summary:`) */
  node: Node | null;
  /** the value; for a key without a value, the empty spot after the colon */
  range: SourceRange;
  /** the key, for mapping entries */
  keyRange?: SourceRange;
}

export interface YamlComment {
  /** the comment text after `#` */
  text: string;
  range: SourceRange;
}

export interface ParsedYaml {
  document: Document.Parsed;
  /** the plain value, or undefined when syntax errors make it unreliable */
  data: unknown;
  entries: Map<string, YamlEntry>;
  strings: TextSpan[];
  /** the comments, collected on first use (only inline directives need them) */
  comments(): YamlComment[];
  problems: ParseProblem[];
  /** tags the library does not know (`!!js/function`, `!custom`): never run, the value read as text */
  ignoredTags: Array<{ tag: string; range: SourceRange }>;
}

/** Aliases expand on conversion; a few dozen is plenty for a guide, more is an alias bomb. */
const MAX_ALIAS_COUNT = 50;

export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The keys of a JSON pointer, unescaped (`/a~1b/0` → `a/b`, `0`). */
export function pointerTokens(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The yaml library's parser and composer recurse once per level of nesting, and some mistakes
 * nest every line below them one level deeper (a line indented by one space after an empty
 * `key:`): a few hundred such lines overflow the call stack. Where the nesting first passed this
 * depth is remembered, to find the mistake if it does.
 */
const DEEP_NESTING = 64;

/** Parses `file.text.slice(0, end)` as one YAML document; every offset is a file offset. */
export function parseYaml(file: SourceFile, end: number): ParsedYaml {
  const source = file.text.slice(0, end);
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let deepAt: number | undefined;
  try {
    for (const lexeme of new Lexer().lex(source)) {
      for (const token of parser.next(lexeme)) tokens.push(token);
      if (deepAt === undefined && parser.stack.length > DEEP_NESTING) deepAt = parser.offset;
    }
    for (const token of parser.end()) tokens.push(token);
    return readYaml(file, source, tokens);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return nestedTooDeep(file, source, deepAt ?? 0);
  }
}

/**
 * The answer for YAML too deeply nested to read: the first mistake above the line where the
 * nesting got deep (read from the text before that line, which is shallow enough), else that line.
 */
function nestedTooDeep(file: SourceFile, source: string, offset: number): ParsedYaml {
  const line = lineRange(source, offset);
  const before =
    line.start > 0
      ? parseYaml(file, line.start).problems.find((problem) => problem.ruleId === 'syntax/yaml')
      : undefined;
  const [document] = new Composer().compose([], true, source.length);
  return {
    document: document as Document.Parsed,
    data: undefined,
    entries: new Map(),
    strings: [],
    comments: () => [],
    ignoredTags: [],
    problems: [
      before ?? {
        ruleId: 'syntax/yaml',
        message:
          '这里的缩进或冒号嵌套太深，无法读取。指南的字段最多只有几层：请检查这一行和上面几行的缩进，同一层的字段要左边对齐，一行只写一个「字段名: 内容」',
        range: line,
      },
    ],
  };
}

function readYaml(file: SourceFile, source: string, tokens: CST.Token[]): ParsedYaml {
  const documents = [...new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, source.length)];
  const document = documents[0] as Document.Parsed;
  const problems: ParseProblem[] = [];
  for (const extra of documents.slice(1)) {
    const start = extra.range[0];
    problems.push({
      ruleId: 'syntax/yaml',
      message: '这里又开始了一段新的 YAML 内容（---）。一份指南只能有一段字段区，请删去多余的 ---',
      range: { start, end: source.startsWith('---', start) ? start + 3 : start },
    });
  }
  // Report the first syntax error only: the ones after it are mostly its echoes (ESLint does the
  // same). Duplicate keys are independent of each other and all reported.
  const syntaxError = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  if (syntaxError) problems.push(loneCarriageReturn(source) ?? describeYamlError(file, source, document, syntaxError));
  for (const error of document.errors) {
    if (error.code === 'DUPLICATE_KEY') problems.push(describeYamlError(file, source, document, error));
  }

  const entries = new Map<string, YamlEntry>();
  const strings: TextSpan[] = [];
  indexNode(source, document.contents, '', entries, strings, undefined);

  let data: unknown;
  const usable = document.errors.every((error) => error.code === 'DUPLICATE_KEY') && documents.length === 1;
  if (usable) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const alias = firstAlias(document.contents);
      problems.push({
        ruleId: 'syntax/yaml',
        message: `别名（*）展开的次数太多（超过 ${MAX_ALIAS_COUNT} 次），这个文件可能是恶意构造的。请直接写出内容，不要用 & 和 * 引用`,
        range: alias ?? { start: 0, end: 0 },
      });
      if (!(error instanceof ReferenceError)) throw error;
    }
  }
  // The library keeps a tag it does not know as a warning and reads the value as plain text.
  const ignoredTags = document.warnings
    .filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')
    .map(({ pos: [start, end] }) => ({ tag: source.slice(start, end), range: { start, end } }));
  let comments: YamlComment[] | undefined;
  return {
    document,
    data,
    entries,
    strings,
    comments: () => (comments ??= collectComments(tokens)),
    problems,
    ignoredTags,
  };
}

/**
 * Line breaks that are a lone CR (classic Mac OS): YAML 1.2 allows them, the `yaml` library does
 * not, and its message about the first line says nothing of line endings.
 */
function loneCarriageReturn(source: string): ParseProblem | undefined {
  const at = /\r(?!\n)/.exec(source)?.index;
  if (at === undefined) return undefined;
  return {
    ruleId: 'syntax/yaml',
    message: '这个文件的换行符只有 CR（旧式 Mac 的换行），字段区读不出来：请在编辑器里把换行符改为 LF 或 CRLF 后保存',
    range: { start: at, end: at + 1 },
  };
}

function indexNode(
  source: string,
  node: unknown,
  pointer: string,
  entries: Map<string, YamlEntry>,
  strings: TextSpan[],
  keyRange: SourceRange | undefined,
): void {
  if (!node || typeof node !== 'object' || !('range' in node) || !(node as Node).range) return;
  const yamlNode = node as Node;
  const [start, nodeEnd] = yamlNode.range!;
  const valueEnd =
    isScalar(yamlNode) && (yamlNode.type === 'BLOCK_LITERAL' || yamlNode.type === 'BLOCK_FOLDED')
      ? blockScalarEnd(source, start, nodeEnd)
      : nodeEnd;
  entries.set(pointer, { pointer, node: yamlNode, range: { start, end: valueEnd }, ...(keyRange && { keyRange }) });
  if (isMap(yamlNode)) {
    for (const pair of yamlNode.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const childPointer = `${pointer}/${escapePointerToken(String(key.value))}`;
      const childKeyRange = { start: key.range[0], end: key.range[1] };
      if (pair.value === null || pair.value === undefined) {
        entries.set(childPointer, {
          pointer: childPointer,
          node: null,
          range: { start: key.range[2], end: key.range[2] },
          keyRange: childKeyRange,
        });
      } else {
        indexNode(source, pair.value, childPointer, entries, strings, childKeyRange);
      }
    }
  } else if (isSeq(yamlNode)) {
    for (const [index, item] of yamlNode.items.entries())
      indexNode(source, item, `${pointer}/${index}`, entries, strings, undefined);
  } else if (isScalar(yamlNode) && typeof yamlNode.value === 'string') {
    strings.push({ pointer, kind: 'value', text: yamlNode.value, map: mapScalar(source, yamlNode, yamlNode.value) });
  }
}

/**
 * Where a block scalar's value ends: after its last character, not after the line break (and the
 * blank lines) that the parser counts in. A fix replaces the value's range, and must leave the
 * line break that separates it from the next field.
 */
function blockScalarEnd(source: string, start: number, end: number): number {
  let last = end;
  while (last > start && /[ \t\r\n]/.test(source[last - 1]!)) last--;
  // Spaces that end the last line are part of the value.
  while (last < end && (source[last] === ' ' || source[last] === '\t')) last++;
  return last;
}

/** The innermost node that contains `offset` and satisfies `test`. */
function enclosing(document: Document.Parsed, offset: number, test: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  visit(document, (_key, node) => {
    if (isNode(node) && node.range && node.range[0] <= offset && offset <= node.range[2] && test(node)) found = node;
  });
  return found;
}

function firstAlias(node: unknown): SourceRange | undefined {
  if (isAlias(node) && node.range) return { start: node.range[0], end: node.range[1] };
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = firstAlias(pair.key) ?? firstAlias(pair.value);
      if (found) return found;
    }
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** Comments live in the concrete syntax tree, wherever the parser attached them. */
function collectComments(tokens: unknown[]): YamlComment[] {
  const comments: YamlComment[] = [];
  // An explicit stack: a guide may nest thousands of brackets, deeper than the call stack.
  const stack: unknown[] = [tokens];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value && typeof value === 'object') {
      const token = value as { type?: string; offset?: number; source?: string };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        comments.push({
          text: token.source.replace(/^#/, ''),
          range: { start: token.offset, end: token.offset + token.source.length },
        });
      } else {
        for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
  return comments.sort((a, b) => a.range.start - b.range.start);
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格（每一层 2 个空格）',
  BAD_DQ_ESCAPE: '双引号里的反斜杠（\\）写法不对。要写反斜杠本身请写成 \\\\，或者改用单引号',
  BAD_SCALAR_START: '以 @、` 或 % 开头的内容要加引号，如 "@某某"',
  BAD_ALIAS: '别名（*）没有对应的锚点（&）。请直接写出内容',
  ALIAS_PROPS: '别名（*）前面不能再加锚点或标签',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&）',
  MULTIPLE_TAGS: '一个值只能有一个标签（!）',
  BAD_PROP_ORDER: '锚点（&）和标签（!）要写在值的前面',
  TAG_RESOLVE_FAILED: '不认识这个标签（!）。指南里不需要标签，请删去',
  BAD_DIRECTIVE: '不认识这条 YAML 指令（%），请删去',
  BLOCK_IN_FLOW: '方括号或花括号里不能换行写列表或字段，请改成一行，或去掉括号分行写',
  NON_STRING_KEY: '字段名要写成文字，不能是列表或对象',
  KEY_OVER_1024_CHARS: '字段名太长（超过 1024 个字符），可能少了冒号',
  MULTIPLE_DOCS: '一份指南只能有一段字段区，请删去多余的 ---',
  BAD_COLLECTION_TYPE: '这里的列表或对象写法不对，请检查缩进',
};

/** Turns a YAML error into a Chinese problem that says where and how to fix it. */
function describeYamlError(
  file: SourceFile,
  source: string,
  document: Document.Parsed,
  error: YAMLError,
): ParseProblem {
  // An error at the end of the input (an unclosed `{`) is placed one past it: keep it in the file.
  const start = Math.min(error.pos[0], file.text.length);
  const end = Math.min(Math.max(error.pos[1], start), file.text.length);
  const range = { start, end };
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^(.+?)[ \t]*:(?:[ \t]|$)/m.exec(source.slice(start))?.[1] ?? source.slice(start, end);
    return {
      ruleId: 'syntax/duplicate-key',
      message: duplicateKeyMessage(file, source, key, start),
      range: { start, end: start + key.length },
    };
  }
  const indentation = describeIndentation(file, source, error);
  if (indentation) return indentation;
  if (error.code === 'MISSING_CHAR' && /closing ["']?quote/.test(error.message)) {
    const quoted = enclosing(
      document,
      start,
      (node) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'),
    );
    const opening = quoted ? quoted.range![0] : start;
    const mark = source[opening] === "'" ? "'" : '"';
    return {
      ruleId: 'syntax/yaml',
      message: `这里的 ${mark} 没有配对的结尾引号：请在内容末尾补上 ${mark}，或者去掉开头的 ${mark}`,
      range: { start: opening, end: lineRange(source, opening).end },
    };
  }
  if (error.code === 'BAD_INDENT' && /end with a ([\]}])/.test(error.message)) {
    const close = /end with a ([\]}])/.exec(error.message)![1]!;
    const collection = enclosing(document, start, (node) => (isSeq(node) || isMap(node)) && node.flow === true);
    const opening = collection ? collection.range![0] : start;
    const open = close === ']' ? '[' : '{';
    return {
      ruleId: 'syntax/yaml',
      message: `这里的 ${open} 没有配对的 ${close}：请在同一行末尾补上 ${close}；内容太长要换行时，改成分行的写法`,
      range: { start: opening, end: lineRange(source, opening).end },
    };
  }
  const missingColon =
    (error.code === 'MISSING_CHAR' && /followed by map values/.test(error.message)) ||
    (error.code === 'MULTILINE_IMPLICIT_KEY' && !lineShape(source, start).key);
  if (missingColon) {
    return {
      ruleId: 'syntax/yaml',
      message: '这一行缺少冒号：字段要写成“字段名: 内容”，冒号后面加一个空格',
      range: lineRange(source, start),
    };
  }
  if (/Maximum call stack/.test(error.message)) {
    return {
      ruleId: 'syntax/yaml',
      message: '这里的括号或缩进嵌套太深，无法读取。指南的字段最多只有几层，请检查是不是多写了括号',
      range,
    };
  }
  const known = YAML_MESSAGES[error.code];
  const message = known ?? `YAML 格式错误，请检查这一行的缩进、冒号和引号（${error.message.split('\n')[0]}）`;
  return { ruleId: 'syntax/yaml', message, range };
}

function duplicateKeyMessage(file: SourceFile, source: string, key: string, secondStart: number): string {
  const pattern = new RegExp(`^[ \\t-]*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`, 'm');
  const first = pattern.exec(source);
  const firstLine =
    first && first.index < secondStart ? file.pointAt(first.index + first[0].indexOf(key)).line : undefined;
  const where = firstLine ? `第 ${firstLine} 行已经写过` : '前面已经写过';
  return `字段「${key}」重复了，${where}。请把两处合并成一处`;
}

function lineRange(source: string, offset: number): SourceRange {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  let end = source.indexOf('\n', offset);
  if (end === -1) end = source.length;
  if (source[end - 1] === '\r') end--;
  return { start, end };
}

interface LineShape {
  range: SourceRange;
  /** column of the key, after any `- ` */
  keyColumn: number;
  key: string | undefined;
}

function lineShape(source: string, offset: number): LineShape {
  const range = lineRange(source, offset);
  const text = source.slice(range.start, range.end);
  const match = /^([ ]*(?:- +)*)(?:([^\s#:'"][^:#]*?)[ \t]*:(?:[ \t]|$))?/.exec(text)!;
  return { range, keyColumn: match[1]!.length, key: match[2] };
}

/** The nearest earlier line with content, skipping blank and comment lines. */
function previousContentLine(source: string, lineStart: number): LineShape | undefined {
  let cursor = lineStart - 1;
  while (cursor > 0) {
    const shape = lineShape(source, cursor - 1);
    const text = source.slice(shape.range.start, shape.range.end).trim();
    if (text && !text.startsWith('#') && text !== '---') return shape;
    cursor = shape.range.start - 1;
  }
  return undefined;
}

function nextContentLine(source: string, lineEnd: number): LineShape | undefined {
  let cursor = source.indexOf('\n', lineEnd);
  while (cursor !== -1 && cursor + 1 < source.length) {
    const shape = lineShape(source, cursor + 1);
    const text = source.slice(shape.range.start, shape.range.end).trim();
    if (text && !text.startsWith('#')) return shape;
    cursor = source.indexOf('\n', shape.range.end);
  }
  return undefined;
}

/**
 * Most YAML errors in hand-edited guides are a key indented one space too few or too many. The
 * parser reports them obliquely ("Sequence item without - indicator", "Nested mappings are not
 * allowed in compact mappings"); name the misaligned key and the key it should line up with.
 */
function describeIndentation(file: SourceFile, source: string, error: YAMLError): ParseProblem | undefined {
  const [start] = error.pos;
  const here = lineShape(source, start);
  let misaligned: LineShape | undefined;
  let reference: LineShape | undefined;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    // `statutory: 1` followed by a deeper `promised: 2`: the deeper key is the mistake.
    const next = nextContentLine(source, here.range.end);
    if (here.key && next?.key && next.keyColumn > here.keyColumn) {
      misaligned = next;
      reference = here;
    }
  } else if (
    error.code === 'BAD_INDENT' ||
    (error.code === 'MISSING_CHAR' && /without - indicator/.test(error.message))
  ) {
    misaligned = here;
    reference = previousContentLine(source, here.range.start);
  }
  if (!misaligned?.key || !reference?.key || misaligned.keyColumn === reference.keyColumn) return undefined;
  const line = file.pointAt(misaligned.range.start).line;
  const referenceLine = file.pointAt(reference.range.start).line;
  const keyStart = misaligned.range.start + misaligned.keyColumn;
  return {
    ruleId: 'syntax/yaml',
    message:
      `缩进不对：第 ${line} 行「${misaligned.key}」前面有 ${misaligned.keyColumn} 个空格，` +
      `第 ${referenceLine} 行「${reference.key}」前面有 ${reference.keyColumn} 个空格。` +
      `同一层的字段要左边对齐；下一层的字段比上一层多缩进 2 个空格`,
    range: { start: keyStart, end: keyStart + misaligned.key.length },
  };
}
