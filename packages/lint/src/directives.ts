import { markdownRange, type ParsedGuide } from '@baihua/core';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Directive } from './types.js';

const DIRECTIVE = /^\s*baihua-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*?))?\s*$/;

function parseDirective(text: string, line: number, endLine: number, offset: number): Directive | undefined {
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const list = (match[2] ?? '').split(/\s--\s|^--\s/)[0]!.trim();
  return {
    kind: match[1] as Directive['kind'],
    rules: list ? list.split(/[\s,]+/).filter(Boolean) : [],
    line,
    endLine,
    offset,
  };
}

export function findDirectives(guide: ParsedGuide): Directive[] {
  const directives: Directive[] = [];
  const { file } = guide;
  if (!file.text.includes('baihua-')) return directives;
  for (const comment of guide.yaml?.comments() ?? []) {
    const line = file.pointAt(comment.range.start).line;
    const directive = parseDirective(comment.text, line, line, comment.range.start);
    if (directive) directives.push(directive);
  }
  const body = guide.body;
  if (body) {
    visit(body.tree, 'html', (node) => {
      for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
        const range = markdownRange(body, node);
        const start = range.start + match.index;
        const directive = parseDirective(
          match[1]!,
          file.pointAt(start).line,
          file.pointAt(start + match[0].length).line,
          start,
        );
        if (directive) directives.push(directive);
      }
    });
  }
  return directives.sort((a, b) => a.offset - b.offset);
}

function applies(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Splits diagnostics into those reported and those an inline directive suppresses. */
export function applyDirectives(
  guide: ParsedGuide,
  diagnostics: Diagnostic[],
): { kept: Diagnostic[]; suppressed: Diagnostic[] } {
  return applyDirectiveList(findDirectives(guide), diagnostics);
}

/** The same, with directives found earlier (the catalog pass keeps them in each guide's summary). */
export function applyDirectiveList(
  directives: Directive[],
  diagnostics: Diagnostic[],
): { kept: Diagnostic[]; suppressed: Diagnostic[] } {
  if (directives.length === 0) return { kept: diagnostics, suppressed: [] };
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    (isSuppressed(directives, diagnostic) ? suppressed : kept).push(diagnostic);
  }
  return { kept, suppressed };
}

function isSuppressed(directives: Directive[], diagnostic: Diagnostic): boolean {
  if (diagnostic.fatal) return false;
  let blockDisabled = false;
  for (const directive of directives) {
    if (!applies(directive, diagnostic.ruleId)) continue;
    if (directive.kind === 'disable-line' && directive.line === diagnostic.line) return true;
    if (directive.kind === 'disable-next-line' && directive.endLine + 1 === diagnostic.line) return true;
    if (directive.offset <= diagnostic.range[0]) {
      if (directive.kind === 'disable') blockDisabled = true;
      if (directive.kind === 'enable') blockDisabled = false;
    }
  }
  return blockDisabled;
}
