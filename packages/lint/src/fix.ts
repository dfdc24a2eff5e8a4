import type { SourceRange } from '@baihua/core';
import type { Fix } from './types.js';

/**
 * A fix replacing `written` at `range`, only where the file holds it as read: not across an
 * escape, a folded line or removed Markdown markup, where replacing the range would change more.
 */
export function fixWhereVerbatim(
  text: string,
  range: SourceRange,
  written: string,
  replacement: string,
): Fix | undefined {
  return text.slice(range.start, range.end) === written
    ? { range: [range.start, range.end], text: replacement }
    : undefined;
}

/**
 * Applies fixes that do not overlap, in source order; a fix that touches a range an earlier fix
 * changed waits for the next pass (ESLint's rule). Returns the new text and how many applied.
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const ordered = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of ordered) {
    const [start, end] = fix.range;
    if (start < cursor || (start === cursor && applied > 0 && start === end)) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: output + text.slice(cursor), applied };
}
