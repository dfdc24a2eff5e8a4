/**
 * The outline of a guide or journey (`textDocument/documentSymbol`): its fields (titled by its
 * schema), each material, location and step by its name, and the body's headings as a tree of sections.
 */
import {
  guideSchema,
  isJourneyPath,
  journeySchema,
  markdownRange,
  pointerTokens,
  type ParsedGuide,
  type ParsedMarkdown,
} from '@baihua/core';
import type { Heading, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { isMap, isScalar, isSeq } from 'yaml';
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver';
import { currentGuide, rememberParse } from './current-guide.js';
import { SchemaWalker } from './schema-walk.js';
import type { Feature } from './feature.js';

const guideWalker = new SchemaWalker(guideSchema);
const journeyWalker = new SchemaWalker(journeySchema);

/** The fields of a list item that name it, in order of preference. */
const NAMING_FIELDS = ['name', 'title', 'item', 'question'];
const MAX_NAME_LENGTH = 40;

function shortName(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > MAX_NAME_LENGTH ? `${line.slice(0, MAX_NAME_LENGTH - 1)}…` : line;
}

/** The range of offsets `start`–`end`, trailing blanks left out. */
function rangeIn(guide: ParsedGuide, start: number, end: number): Range {
  const text = guide.file.text;
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  const from = guide.file.pointAt(start);
  const to = guide.file.pointAt(last);
  return {
    start: { line: from.line - 1, character: from.column - 1 },
    end: { line: to.line - 1, character: to.column - 1 },
  };
}

function fieldSymbols(guide: ParsedGuide): { symbols: DocumentSymbol[]; body?: DocumentSymbol } {
  const symbols: DocumentSymbol[] = [];
  const byPointer = new Map<string, DocumentSymbol>();
  const entries = guide.yaml?.entries ?? new Map();
  let body: DocumentSymbol | undefined;
  for (const entry of entries.values()) {
    if (entry.pointer === '') continue;
    const parentPointer = entry.pointer.slice(0, entry.pointer.lastIndexOf('/'));
    const parent = byPointer.get(parentPointer);
    if (parentPointer !== '' && !parent) continue;
    const path = pointerTokens(entry.pointer).map((token) => (/^\d+$/.test(token) ? Number(token) : token));
    const last = path.at(-1)!;
    const node = entry.node;
    let name: string;
    let selection = entry.keyRange;
    if (typeof last === 'number') {
      const naming = isMap(node)
        ? NAMING_FIELDS.map((field) => entries.get(`${entry.pointer}/${field}`)).find(
            (named) => isScalar(named?.node) && typeof named.node.value === 'string' && named.node.value.trim(),
          )
        : undefined;
      if (naming && isScalar(naming.node)) {
        name = shortName(String(naming.node.value));
        selection = naming.range;
      } else if (isScalar(node) && node.value !== null && String(node.value).trim()) {
        name = shortName(String(node.value));
      } else {
        name = `第 ${last + 1} 项`;
      }
    } else {
      name = last;
    }
    const start = entry.keyRange?.start ?? entry.range.start;
    const range = rangeIn(guide, start, Math.max(entry.range.end, start));
    const selectionRange = selection
      ? rangeIn(guide, selection.start, selection.end)
      : rangeIn(guide, entry.range.start, Math.min(entry.range.end, lineEnd(guide, entry.range.start)));
    const title = (isJourneyPath(guide.file.path) ? journeyWalker : guideWalker).describe(path).title;
    const symbol: DocumentSymbol = {
      name,
      ...(title && { detail: title }),
      kind: isMap(node)
        ? SymbolKind.Object
        : isSeq(node)
          ? SymbolKind.Array
          : typeof last === 'number'
            ? SymbolKind.String
            : SymbolKind.Property,
      range,
      selectionRange,
      children: [],
    };
    byPointer.set(entry.pointer, symbol);
    if (parent) parent.children!.push(symbol);
    else symbols.push(symbol);
    if (entry.pointer === '/body') body = symbol;
  }
  return { symbols, ...(body && { body }) };
}

function lineEnd(guide: ParsedGuide, offset: number): number {
  const end = guide.file.text.slice(offset).search(/\r|\n/);
  return end === -1 ? guide.file.text.length : offset + end;
}

/** The body's headings, each holding the headings of its section. */
function headingSymbols(guide: ParsedGuide, body: ParsedMarkdown): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  const open: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  const children = body.tree.children;
  for (const [index, node] of children.entries()) {
    if (node.type !== 'heading') continue;
    const heading = node as Heading;
    const next = children.slice(index + 1).find((later) => later.type === 'heading' && later.depth <= heading.depth);
    const sectionEnd = sectionEndOffset(body, children, next);
    const { start } = markdownRange(body, heading);
    const text = heading.children.length
      ? {
          start: markdownRange(body, heading.children[0]!).start,
          end: markdownRange(body, heading.children.at(-1)!).end,
        }
      : markdownRange(body, heading);
    const symbol: DocumentSymbol = {
      name: plainText(heading).trim() || '（空标题）',
      kind: SymbolKind.String,
      range: rangeIn(guide, start, sectionEnd),
      selectionRange: rangeIn(guide, text.start, text.end),
      children: [],
    };
    while (open.length && open.at(-1)!.depth >= heading.depth) open.pop();
    if (open.length) open.at(-1)!.symbol.children!.push(symbol);
    else top.push(symbol);
    open.push({ depth: heading.depth, symbol });
  }
  return top;
}

/** Where a section ends: after the last block before the next heading of its level or above. */
export function sectionEndOffset(body: ParsedMarkdown, children: RootContent[], next: RootContent | undefined): number {
  const until = next ? children.indexOf(next) : children.length;
  const last = children[until - 1]!;
  return markdownRange(body, last).end;
}

export function guideSymbols(guide: ParsedGuide): DocumentSymbol[] {
  const { symbols, body } = fieldSymbols(guide);
  const headings = guide.body ? headingSymbols(guide, guide.body) : [];
  if (body) body.children!.push(...headings);
  else symbols.push(...headings);
  return symbols;
}

export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: '白话' } },
  register(context) {
    context.connection.onDocumentSymbol(({ textDocument }) => {
      const guide = currentGuide(context, textDocument.uri);
      return guide ? guideSymbols(guide) : null;
    });
  },
  // Outline and folding requests about the version just linted reuse its parse.
  published: rememberParse,
};
