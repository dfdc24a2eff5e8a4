/**
 * 「在这一行停用规则 X」: the inline directive `baihua lint` understands (packages/lint/src/directives.ts),
 * written where the finding is: a YAML comment in the fields, an HTML comment in the Markdown body.
 */
import { isScalar } from 'yaml';
import { markdownRange, type ParsedGuide, type YamlEntry } from '@baihua/core';
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

/** The YAML text that holds the offset and begins on a line before `line`: a comment there would be text. */
function multilineText(guide: ParsedGuide, offset: number, line: Line): YamlEntry | undefined {
  for (const entry of guide.yaml!.entries.values()) {
    const { range, node } = entry;
    if (isScalar(node) && range.start < line.start && range.start <= offset && offset <= range.end) return entry;
  }
  return undefined;
}

/** What the action is called and what it writes. */
export interface DisableEdit {
  title: string;
  fixes: Fix[];
}

const forLine = (ruleId: string, fix: Fix): DisableEdit => ({ title: `在这一行停用规则 ${ruleId}`, fixes: [fix] });

/** Headings: a comment at their end would be part of their text (and of the page's contents). */
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function disableInBody(line: Line, previous: Line | undefined, blockStarts: boolean, ruleId: string): DisableEdit {
  const before = previous && /^[ \t]*<!--/.test(previous.text) && addToDirective(previous, 'disable-next-line', ruleId);
  if (before) return forLine(ruleId, before);
  if (blockStarts || HEADING.test(line.text)) {
    const text = `${indentation(line)}<!-- baihua-disable-next-line ${ruleId} -->${line.eol}`;
    return forLine(ruleId, { range: [line.start, line.start], text });
  }
  const added = addToDirective(line, 'disable-line', ruleId);
  if (added) return forLine(ruleId, added);
  // In a table row the comment goes in the last cell: after the last `|` it would be a cell of its own, dropped.
  const lastPipe = /[ \t]*\|[ \t]*$/.exec(line.text);
  const at = lastPipe ? line.start + lastPipe.index : line.end;
  return forLine(ruleId, { range: [at, at], text: ` <!-- baihua-disable-line ${ruleId} -->` });
}

/**
 * A multi-line YAML text: `baihua-disable` before its field and `baihua-enable` after it, the only
 * places a comment can go, so the rule is off for the whole field.
 */
function disableField(text: string, entry: YamlEntry, ruleId: string): DisableEdit {
  const first = lineAt(text, (entry.keyRange ?? entry.range).start);
  const last = lineAt(text, Math.max(entry.range.end - 1, entry.range.start));
  const indent = indentation(first);
  const afterLast = last.end === text.length ? last.end : last.end + last.eol.length;
  return {
    title: `在这个字段停用规则 ${ruleId}`,
    fixes: [
      { range: [first.start, first.start], text: `${indent}# baihua-disable ${ruleId}${first.eol}` },
      {
        range: [afterLast, afterLast],
        text: `${last.end === text.length ? last.eol : ''}${indent}# baihua-enable ${ruleId}${last.eol}`,
      },
    ],
  };
}

/**
 * The edit that disables `finding`'s rule where it is, or undefined where the finding cannot be
 * disabled (a file that could not be read) or no directive can be placed (outside the fields and body).
 *
 * In the fields it is `# baihua-disable-next-line RULE` on a line of its own before the finding's,
 * indented as it is; inside a multi-line text, where a comment would be text, the field is
 * wrapped in `baihua-disable`/`baihua-enable`. In the body it is `<!-- baihua-disable-next-line RULE -->`
 * before a line that begins a block; within a paragraph, a list or a table a line there would split
 * it, so it is `<!-- baihua-disable-line RULE -->` at the end of the line. A directive already there
 * for another rule gets this rule added, since only the line right before the finding counts.
 */
export function disableRuleEdit(guide: ParsedGuide, finding: Finding): DisableEdit | undefined {
  if (finding.fatal) return undefined;
  const text = guide.file.text;
  const offset = finding.range[0];
  const line = lineAt(text, offset);
  const previous = lineBefore(text, line);
  const { ruleId } = finding;
  if (inBody(guide, offset)) {
    const blockStarts = previous === undefined || previous.text.trim() === '' || !inBody(guide, previous.end);
    return disableInBody(line, previous, blockStarts, ruleId);
  }
  if (!inFields(guide, offset)) return undefined;
  if (guide.format === 'markdown' && line.start < guide.frontMatter!.start) return undefined;
  const multiline = multilineText(guide, offset, line);
  if (multiline) return disableField(text, multiline, ruleId);
  const before = previous && /^[ \t]*#/.test(previous.text) && addToDirective(previous, 'disable-next-line', ruleId);
  if (before) return forLine(ruleId, before);
  const directive = `${indentation(line)}# baihua-disable-next-line ${ruleId}${line.eol}`;
  return forLine(ruleId, { range: [line.start, line.start], text: directive });
}
