/**
 * Folding (`textDocument/foldingRange`): the front matter as a whole, each field, material,
 * location or step written on several lines, each section of the body under its heading, lists,
 * code blocks and HTML comments.
 */
import { markdownRange, type ParsedGuide, type ParsedMarkdown } from '@baihua/core';
import type { Heading, Nodes } from 'mdast';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { currentGuide } from './current-guide.js';
import type { Feature } from './feature.js';
import { sectionEndOffset } from './symbols.js';

/** The 0-based lines of offsets `start`–`end`, trailing blanks left out. */
function linesOf(guide: ParsedGuide, start: number, end: number): { startLine: number; endLine: number } {
  const text = guide.file.text;
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  return { startLine: guide.file.pointAt(start).line - 1, endLine: guide.file.pointAt(last).line - 1 };
}

function yamlRanges(guide: ParsedGuide): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const entry of guide.yaml?.entries.values() ?? []) {
    if (entry.pointer === '') continue;
    ranges.push(linesOf(guide, entry.keyRange?.start ?? entry.range.start, entry.range.end));
  }
  return ranges;
}

function bodyRanges(guide: ParsedGuide, body: ParsedMarkdown): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const children = body.tree.children;
  for (const [index, node] of children.entries()) {
    if (node.type !== 'heading') continue;
    const depth = (node as Heading).depth;
    const next = children.slice(index + 1).find((later) => later.type === 'heading' && later.depth <= depth);
    ranges.push(linesOf(guide, markdownRange(body, node).start, sectionEndOffset(body, children, next)));
  }
  const visit = (node: Nodes) => {
    if (node.type === 'list' || node.type === 'code') {
      const { start, end } = markdownRange(body, node);
      ranges.push(linesOf(guide, start, end));
    } else if (node.type === 'html' && node.value.trimStart().startsWith('<!--')) {
      const { start, end } = markdownRange(body, node);
      ranges.push({ ...linesOf(guide, start, end), kind: FoldingRangeKind.Comment });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(body.tree);
  return ranges;
}

export function guideFoldingRanges(guide: ParsedGuide): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  if (guide.frontMatter) {
    // from the opening `---` to the closing one
    ranges.push({ startLine: 0, endLine: guide.file.pointAt(guide.frontMatter.end).line - 1 });
  }
  ranges.push(...yamlRanges(guide));
  if (guide.body) ranges.push(...bodyRanges(guide, guide.body));
  // One range a line: the outermost (listed first) where two begin on the same line.
  const seen = new Set<number>();
  return ranges.filter((range) => {
    if (range.endLine <= range.startLine || seen.has(range.startLine)) return false;
    seen.add(range.startLine);
    return true;
  });
}

export const foldingFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register(context) {
    context.connection.onFoldingRanges(({ textDocument }) => {
      const guide = currentGuide(context, textDocument.uri);
      return guide ? guideFoldingRanges(guide) : null;
    });
  },
};
