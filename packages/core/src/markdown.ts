import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Nodes, Parents, Root, Text } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type OffsetMap, OffsetMapBuilder } from './offset-map.js';
import type { TextSpan } from './text-span.js';

/**
 * CommonMark does not treat `**注意：**请带上身份证` as bold (the closing `**` follows punctuation
 * and precedes a letter); remark-cjk-friendly fixes emphasis next to Chinese punctuation.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).freeze();

export interface ParsedMarkdown {
  /** the tree; positions are offsets into `text`, which `map` sends to the file */
  tree: Root;
  text: string;
  map: OffsetMap;
  spans: TextSpan[];
}

export function parseMarkdown(text: string, map: OffsetMap, pointer: string): ParsedMarkdown {
  const tree = processor.parse(text) as Root;
  const spans: TextSpan[] = [];
  collectBlocks(tree, text, map, pointer, spans);
  return { tree, text, map, spans };
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
