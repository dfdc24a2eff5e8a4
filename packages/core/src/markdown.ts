import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Nodes, Parents, Root, Text } from 'mdast';
import { parseWithDeadline } from './markdown-deadline.js';
import { parseMarkdownTree } from './markdown-processor.js';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';
import type { TextSpan } from './text-span.js';

export interface ParsedMarkdown {
  /** the tree; positions are offsets into `text`, which `map` sends to the file */
  tree: Root;
  text: string;
  map: OffsetMap;
  spans: TextSpan[];
}

/**
 * micromark's work grows faster than the text on some constructs (measured by `pnpm bench`, see
 * BENCHMARKS.md, "Markdown limits"): long runs of `*` or `_`, many containers opened on one line,
 * deep indentation, many list items, setext underlines or inline markup symbols. A body within
 * these limits parses in a few seconds at most, so what a guide's lint says depends on its text
 * only; a body over one is refused, at its place, before parsing.
 */
const MARKDOWN_HAZARDS: Array<{ pattern: RegExp; message: (match: string) => string }> = [
  {
    pattern: /[*_]{8,}/,
    message: (match) => `这里连着写了 ${match.length} 个 * 或 _，正文无法解析。加粗只要两边各两个 *，请删去多余的符号`,
  },
  {
    pattern: /^(?:[ \t]*(?:>|[*+-][ \t]|\d{1,9}[.)][ \t])){8,}/m,
    message: () => '这一行开头连着 8 层以上的引用（>）或列表符号，正文无法解析。请删去多余的符号',
  },
  {
    pattern: /^(?: {64,}|\t{16,})\S/m,
    message: () => '这一行缩进超过 64 个空格，列表嵌套太深，正文无法解析。请减少缩进',
  },
];
/** Bodies in files never reach it (a file is at most 128 KB); it bounds text from the API. */
const MAX_BODY_BYTES = 128 * 1024;
/** The example guides have at most 42; the parser's time grows with the square of nested items. */
const MAX_LIST_ITEMS = 2000;
const MAX_UNDERLINES = 200;
/** The example body repeated to 128 KB has 192. */
const MAX_MARKUP = 2000;
/** Container markers that open a line: blockquotes and list items. */
const LINE_CONTAINERS = /^(?:[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const LIST_MARKER = /([*+-]|\d{1,9}[.)])(?=[ \t]|$)/g;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t\r]*$/;
const MARKUP = /[*_~[\]`<>!|]/g;

/**
 * Counts what makes the parser slow, line by line, and says where the body first goes over a
 * limit. Everything is counted in the whole body (the parser's time grows with the total, not per
 * paragraph or list); markup symbols after the `>` and list markers that open a line.
 */
function overLimit(text: string): MarkdownProblem | undefined {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return {
      start: 0,
      end: 0,
      message: '正文超过 128 KB，无法解析。一份指南的正文通常不到 50 KB，请检查是不是粘贴了程序代码或数据',
    };
  }
  let listItems = 0;
  let underlines = 0;
  let markup = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim()) {
      const containers = LINE_CONTAINERS.exec(line)?.[0] ?? '';
      for (const marker of containers.matchAll(LIST_MARKER)) {
        if (++listItems > MAX_LIST_ITEMS) {
          const at = start + marker.index;
          const message = `正文里的列表项超过了 ${MAX_LIST_ITEMS} 项，正文无法解析。一份指南通常不到 100 项，请检查是不是粘贴了数据或多写了列表符号`;
          return { start: at, end: at + marker[0].length, message };
        }
      }
      if (UNDERLINE.test(line) && ++underlines > MAX_UNDERLINES) {
        const message = `正文里只有 - 或 = 的行超过了 ${MAX_UNDERLINES} 行，正文无法解析。标题请用 # 开头，不需要的分隔线请删去`;
        return { start, end: start + line.trimEnd().length, message };
      }
      for (const symbol of line.slice(containers.length).matchAll(MARKUP)) {
        if (++markup > MAX_MARKUP) {
          const at = start + containers.length + symbol.index;
          const message = `正文里的标记符号（* _ ~ [ ] \` < > ! |）超过了 ${MAX_MARKUP} 个，正文无法解析。一份指南通常不到 200 个，请检查是不是粘贴了程序代码或数据`;
          return { start: at, end: at + 1, message };
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Bodies over 16 KB parse in a worker thread, so that one the limits above do not foresee cannot
 * stall a CI job. Its timeout is a last resort, far above any body within the limits even on a
 * busy machine: it must never decide the lint of a guide.
 */
const IN_LINE_LIMIT = 16 * 1024;
const LAST_RESORT_MS = 30_000;
/** Deeper trees are refused so that recursive tree walkers downstream are safe. */
const MAX_DEPTH = 64;

export interface MarkdownProblem {
  start: number;
  end: number;
  message: string;
}

/** Parses a guide's Markdown body, or says, at a place in `text`, why it cannot. */
export function parseMarkdown(text: string, map: OffsetMap, pointer: string): ParsedMarkdown | MarkdownProblem {
  // micromark drops a BOM (U+FEFF) that starts the text, which would move every position after it.
  if (text.startsWith('\ufeff')) {
    const parsed = parseMarkdown(text.slice(1), OffsetMap.identity(1, text.length - 1).through(map), pointer);
    return 'tree' in parsed ? parsed : { ...parsed, start: parsed.start + 1, end: parsed.end + 1 };
  }
  for (const { pattern, message } of MARKDOWN_HAZARDS) {
    const match = pattern.exec(text);
    if (match) return { start: match.index, end: match.index + match[0].length, message: message(match[0]) };
  }
  const limit = overLimit(text);
  if (limit) return limit;
  let tree: Root;
  try {
    if (text.length <= IN_LINE_LIMIT) {
      tree = parseMarkdownTree(text);
    } else {
      const result = parseWithDeadline(text, LAST_RESORT_MS) ?? { tree: parseMarkdownTree(text) };
      if ('error' in result) throw result.error === 'depth' ? new RangeError(result.error) : new Error(result.error);
      tree = result.tree;
    }
  } catch (error) {
    const message =
      error instanceof RangeError
        ? '正文的嵌套太深，无法解析。请检查是不是多写了符号'
        : `正文解析了 ${LAST_RESORT_MS / 1000} 秒还没有完成，已放弃（这是防止卡住的最后一道保护，正常的指南远远用不到）。请检查是不是粘贴了程序代码或数据`;
    return { start: 0, end: 0, message };
  }
  if (treeDepth(tree) > MAX_DEPTH)
    return { start: 0, end: 0, message: '正文的嵌套太深，无法解析。请检查是不是多写了符号' };
  const spans: TextSpan[] = [];
  collectBlocks(tree, text, map, pointer, spans);
  return { tree, text, map, spans };
}

/** Depth of a tree, without recursion. */
function treeDepth(tree: Root): number {
  let deepest = 0;
  const stack: Array<[Nodes, number]> = [[tree, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

function collectBlocks(node: Nodes, text: string, map: OffsetMap, pointer: string, spans: TextSpan[]): void {
  const kind =
    node.type === 'heading'
      ? 'heading'
      : node.type === 'paragraph'
        ? 'paragraph'
        : node.type === 'tableCell'
          ? 'table-cell'
          : undefined;
  if (kind) {
    const builder = new OffsetMapBuilder();
    appendInline(node as Parents, text, builder);
    if (builder.text.trim()) spans.push({ pointer, kind, text: builder.text, map: builder.build().through(map) });
    return;
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child, text, map, pointer, spans);
}

/** Concatenates the readable text of inline content; code, images and HTML are left out. */
function appendInline(node: Parents, text: string, builder: OffsetMapBuilder): void {
  for (const child of node.children) {
    if (child.type === 'text') alignText(child, text, builder);
    else if (child.type === 'break' && child.position)
      builder.replace('\n', child.position.start.offset!, child.position.end.offset!);
    else if (
      child.type === 'emphasis' ||
      child.type === 'strong' ||
      child.type === 'delete' ||
      child.type === 'link' ||
      child.type === 'linkReference'
    ) {
      appendInline(child, text, builder);
    }
  }
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const CHARACTER_REFERENCE = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/;

/**
 * A text node's value differs from its source by backslash escapes, character references and the
 * indentation or `>` markers removed at line starts. Walk both and map each value character to
 * the source characters it came from.
 */
function alignText(node: Text, source: string, builder: OffsetMapBuilder): void {
  const value = node.value;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  if (!value.includes('\r') && source.slice(start, end) === value) {
    builder.copy(source, start, end);
    return;
  }
  let i = 0;
  let j = start;
  while (i < value.length && j < end) {
    const expected = value[i]!;
    const actual = source[j]!;
    const reference = actual === '&' ? decodeReference(source.slice(j, j + 40)) : undefined;
    if (actual === '\\' && source[j + 1] === expected && ASCII_PUNCTUATION.test(expected)) {
      builder.replace(expected, j, j + 2);
      i++;
      j += 2;
    } else if (reference && value.startsWith(reference.text, i)) {
      builder.replace(reference.text, j, j + reference.length);
      i += reference.text.length;
      j += reference.length;
    } else if (expected === '\r' && value[i + 1] === '\n' && actual === '\r' && source[j + 1] === '\n') {
      builder.replace('\n', j, j + 2); // one line ending, as in YAML values
      i += 2;
      j += 2;
    } else if (expected === actual) {
      builder.copy(source, j, j + 1);
      i++;
      j++;
    } else if (actual === ' ' || actual === '\t' || actual === '>') {
      j++; // stripped indentation, trailing spaces before a line break, or a blockquote marker
    } else {
      break;
    }
  }
  if (i < value.length) {
    // Something the walk does not know: map the rest of the value onto the rest of the node.
    builder.replace(value.slice(i).replaceAll('\r\n', '\n'), j, end);
  }
}

function decodeReference(source: string): { text: string; length: number } | undefined {
  const match = CHARACTER_REFERENCE.exec(source);
  if (!match) return undefined;
  const codePoint = match[3] ? 0 : Number.parseInt(match[1] ?? match[2]!, match[1] ? 10 : 16);
  // CommonMark turns NUL, surrogates and out-of-range numbers into U+FFFD.
  const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  const text = match[3] ? decodeNamedCharacterReference(match[3]) : valid ? String.fromCodePoint(codePoint) : '\ufffd';
  return text === false ? undefined : { text, length: match[0].length };
}

/** The file range of a node of a parsed Markdown body. */
export function markdownRange(markdown: ParsedMarkdown, node: Nodes): { start: number; end: number } {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { start: markdown.map.toSourceStart(start), end: markdown.map.toSourceEnd(end) };
}
