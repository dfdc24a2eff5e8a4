/**
 * 「在这一行停用规则 X」: the inline directive `baihua lint` understands (packages/lint/src/directives.ts),
 * written where the finding is: a YAML comment in the fields, an HTML comment in the Markdown body.
 */
import { isScalar } from 'yaml';
import { markdownRange, type ParsedGuide } from '@baihua/core';
import type { Diagnostic as Finding, Fix } from '@baihua/lint';

interface Line {
  start: number;
  /** where the line's text ends, before its line break */
  end: number;
  text: string;
  /** the line break after it, or the file's usual one for the last line */
  eol: string;
}

function lineAt(text: string, offset: number): Line {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const breakAt = text.slice(start).search(/\r\n|\n|\r/);
  const end = breakAt === -1 ? text.length : start + breakAt;
  const eol = breakAt === -1 ? (/\r\n|\n|\r/.exec(text)?.[0] ?? '\n') : /\r\n|\n|\r/.exec(text.slice(end))![0];
  return { start, end, text: text.slice(start, end), eol };
}

/** The line before `line`, or undefined for the first line of the file. */
function lineBefore(text: string, line: Line): Line | undefined {
  if (line.start === 0) return undefined;
  const breakLength = text.startsWith('\r\n', line.start - 2) ? 2 : 1;
  return lineAt(text, line.start - breakLength);
}

const indentation = (line: Line) => /^[ \t]*/.exec(line.text)![0];

/**
 * An edit adding `ruleId` to the directive of `kind` that `line` ends with (a comment written by
 * hand or by this action before, for another rule), or undefined when the line has none.
 */
function addToDirective(line: Line, kind: string, ruleId: string): Fix | undefined {
  const match = new RegExp(`baihua-${kind}((?:[ \\t]+(?!--)[^\\s,>]+(?:[ \\t]*,)?)+)`).exec(line.text);
  if (!match || !/(?:-->|^[ \t]*#.*)[ \t]*$/.test(line.text)) return undefined;
  const at = line.start + match.index + match[0].length;
  return { range: [at, at], text: `${match[0].trimEnd().endsWith(',') ? '' : ','} ${ruleId}` };
}

/** Whether the offset is in the Markdown body (of a `.md` guide, or a `.yaml` guide's `body`). */
function inBody(guide: ParsedGuide, offset: number): boolean {
  if (!guide.body) return false;
  const { start, end } = markdownRange(guide.body, guide.body.tree);
  return offset >= start && offset <= end;
}

/** Whether the offset is in the YAML fields (between the fences of a `.md` guide, anywhere in a `.yaml` one). */
function inFields(guide: ParsedGuide, offset: number): boolean {
  if (!guide.yaml) return false;
  if (guide.format === 'yaml') return true;
  return guide.frontMatter !== undefined && offset >= guide.frontMatter.start && offset < guide.frontMatter.end;
}

/** Whether a YAML scalar that begins on an earlier line holds the offset: a comment there would be text. */
function insideMultilineScalar(guide: ParsedGuide, offset: number, line: Line): boolean {
  for (const entry of guide.yaml!.entries.values()) {
    const { range, node } = entry;
    if (isScalar(node) && range.start < line.start && range.end >= offset && range.start <= offset) return true;
  }
  return false;
}

/**
 * The edit that disables `finding`'s rule for its line, or undefined where no directive can be
 * written without changing the guide (inside a multi-line YAML text) or the finding cannot be
 * disabled (a file that could not be read).
 *
 * In the fields it is `# baihua-disable-next-line RULE` on a line of its own before the finding's,
 * indented as it is. In the body it is `<!-- baihua-disable-next-line RULE -->` before a line that
 * begins a block; within a paragraph or a list, a line there would split it, so it is
 * `<!-- baihua-disable-line RULE -->` at the end of the line. A directive already there for another
 * rule gets this rule added, since only the line right before the finding counts.
 */
export function disableRuleEdit(guide: ParsedGuide, finding: Finding): Fix | undefined {
  if (finding.fatal) return undefined;
  const text = guide.file.text;
  const offset = finding.range[0];
  const line = lineAt(text, offset);
  const previous = lineBefore(text, line);
  const { ruleId } = finding;
  if (inBody(guide, offset)) {
    const blockStarts = previous === undefined || previous.text.trim() === '' || !inBody(guide, previous.end);
    const before =
      previous && /^[ \t]*<!--/.test(previous.text) && addToDirective(previous, 'disable-next-line', ruleId);
    if (before) return before;
    if (blockStarts) {
      return {
        range: [line.start, line.start],
        text: `${indentation(line)}<!-- baihua-disable-next-line ${ruleId} -->${line.eol}`,
      };
    }
    return (
      addToDirective(line, 'disable-line', ruleId) ?? {
        range: [line.end, line.end],
        text: ` <!-- baihua-disable-line ${ruleId} -->`,
      }
    );
  }
  if (inFields(guide, offset)) {
    if (guide.format === 'markdown' && line.start < guide.frontMatter!.start) return undefined;
    if (insideMultilineScalar(guide, offset, line)) return undefined;
    const before = previous && /^[ \t]*#/.test(previous.text) && addToDirective(previous, 'disable-next-line', ruleId);
    if (before) return before;
    return {
      range: [line.start, line.start],
      text: `${indentation(line)}# baihua-disable-next-line ${ruleId}${line.eol}`,
    };
  }
  return undefined;
}
