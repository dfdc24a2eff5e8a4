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
 * micromark grows superlinearly on some constructs (measured on 2 cores: 8,000 `*` around a
 * word take 6 s in 16 KB and nest deep enough to overflow the stack; lines opening 7 nested
 * lists each take 9 s per 64 KB). Two guards keep a hostile body from stalling a CI job:
 * constructs no guide needs are refused outright, and a large body is parsed in a worker thread
 * with a deadline. Small bodies (every real guide) parse in-line: below 16 KB the worst measured
 * case that passes the patterns took 0.75 s.
 */
const MARKDOWN_HAZARDS: Array<{ pattern: RegExp; message: (match: string) => string }> = [
  { pattern: /[*_]{8,}/, message: (match) => `这里连着写了 ${match.length} 个 * 或 _，正文无法解析。加粗只要两边各两个 *，请删去多余的符号` },
  {
    pattern: /^(?:[ \t]*(?:>|[*+-][ \t]|\d{1,9}[.)][ \t])){8,}/m,
    message: () => '这一行开头连着 8 层以上的引用（>）或列表符号，正文无法解析。请删去多余的符号',
  },
  { pattern: /^(?: {64,}|\t{16,})\S/m, message: () => '这一行缩进超过 64 个空格，列表嵌套太深，正文无法解析。请减少缩进' },
];
const IN_LINE_LIMIT = 16 * 1024;
const DEADLINE_MS = 600;
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
  let tree: Root;
  try {
    if (text.length <= IN_LINE_LIMIT) {
      tree = parseMarkdownTree(text);
    } else {
      const result = parseWithDeadline(text, DEADLINE_MS);
      if ('error' in result) throw result.error === 'depth' ? new RangeError(result.error) : new Error(result.error);
      tree = result.tree;
    }
  } catch (error) {
    const message = error instanceof RangeError ? '正文的嵌套太深，无法解析。请检查是不是多写了符号' : `正文太长或太复杂，${DEADLINE_MS / 1000} 秒内没有解析完。正文请控制在 50 KB 以内，并检查是不是粘贴了程序代码或数据`;
    return { start: 0, end: 0, message };
  }
  if (treeDepth(tree) > MAX_DEPTH) return { start: 0, end: 0, message: '正文的嵌套太深，无法解析。请检查是不是多写了符号' };
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
  const kind = node.type === 'heading' ? 'heading' : node.type === 'paragraph' ? 'paragraph' : node.type === 'tableCell' ? 'table-cell' : undefined;
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
    else if (child.type === 'break' && child.position) builder.replace('\n', child.position.start.offset!, child.position.end.offset!);
    else if (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete' || child.type === 'link' || child.type === 'linkReference') {
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
