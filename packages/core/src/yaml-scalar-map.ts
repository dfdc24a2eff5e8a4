/**
 * Source maps for YAML string scalars. The `yaml` library gives a scalar's value and its source
 * range, but not where each character of the value came from; a value differs from its source by
 * quotes, escapes, folded line breaks, block indentation and CRLF. Each scanner below rebuilds the
 * value from the source with an OffsetMap. The result is checked against the library's value and,
 * should a rare construct differ, replaced by a map onto the whole scalar: positions then fall back
 * to the node, never to the wrong characters.
 */
import type { Scalar } from 'yaml';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';

interface Unit {
  text: string;
  start: number;
  end: number;
  /** literal space or tab in the source, subject to trimming */
  blank: boolean;
}

interface Line {
  start: number;
  /** end of the line's content, before its line break */
  end: number;
  /** end of the line break (== end on the last line without one) */
  next: number;
}

export function mapScalar(source: string, node: Scalar, value: string): OffsetMap {
  const [start, end] = node.range ?? [0, 0];
  // Most values are written as they read (one line, no quotes to undo or escapes): copied verbatim.
  const quote = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? 1 : 0;
  const flow = node.type === 'PLAIN' || quote === 1;
  if (flow && value !== '' && end - start - 2 * quote === value.length && source.startsWith(value, start + quote))
    return OffsetMap.identity(start + quote, value.length);
  let built: { text: string; map: OffsetMap } | undefined;
  switch (node.type) {
    case 'PLAIN':
      built = flowScalar(source, start, end, 'plain');
      break;
    case 'QUOTE_SINGLE':
      built = flowScalar(source, start + 1, end - 1, 'single');
      break;
    case 'QUOTE_DOUBLE':
      built = flowScalar(source, start + 1, end - 1, 'double');
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      built = blockScalar(source, start, end, value);
      break;
  }
  if (built && built.text === value) return built.map;
  return OffsetMap.whole(start, end, value.length);
}

function splitLines(source: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      const next = ch === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start: lineStart, end: i, next });
      lineStart = next;
      i = next - 1;
    }
  }
  lines.push({ start: lineStart, end, next: end });
  return lines;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Splits one line of a flow scalar into units, decoding quotes and escapes. */
function lineUnits(
  source: string,
  line: Line,
  style: 'plain' | 'single' | 'double',
): { units: Unit[]; escapedBreak: boolean } {
  const units: Unit[] = [];
  for (let i = line.start; i < line.end; ) {
    const ch = source[i]!;
    if (style === 'single' && ch === "'" && source[i + 1] === "'") {
      units.push({ text: "'", start: i, end: i + 2, blank: false });
      i += 2;
    } else if (style === 'double' && ch === '\\') {
      if (i + 1 === line.end) return { units, escapedBreak: true };
      const code = source[i + 1]!;
      const hexLength = HEX_ESCAPE_LENGTH[code];
      if (hexLength) {
        const hex = source.slice(i + 2, i + 2 + hexLength);
        units.push({
          text: String.fromCodePoint(Number.parseInt(hex, 16)),
          start: i,
          end: i + 2 + hexLength,
          blank: false,
        });
        i += 2 + hexLength;
      } else {
        units.push({ text: DOUBLE_ESCAPES[code] ?? code, start: i, end: i + 2, blank: false });
        i += 2;
      }
    } else {
      units.push({ text: ch, start: i, end: i + 1, blank: ch === ' ' || ch === '\t' });
      i++;
    }
  }
  return { units, escapedBreak: false };
}

function emitUnits(builder: OffsetMapBuilder, source: string, units: Unit[]): void {
  for (const unit of units) {
    if (unit.end - unit.start === unit.text.length && source.startsWith(unit.text, unit.start)) {
      builder.copy(source, unit.start, unit.end);
    } else {
      builder.replace(unit.text, unit.start, unit.end);
    }
  }
}

/** Plain and quoted scalars: line folding (YAML 1.2 §7.3, §6.5) plus quote escapes. */
function flowScalar(source: string, start: number, end: number, style: 'plain' | 'single' | 'double') {
  const builder = new OffsetMapBuilder();
  const lines = splitLines(source, start, end);
  const last = lines.length - 1;
  const parsed = lines.map((line) => lineUnits(source, line, style));
  let i = 0;
  while (i <= last) {
    const { units, escapedBreak } = parsed[i]!;
    let from = 0;
    let to = units.length;
    if (i > 0) while (from < to && units[from]!.blank) from++;
    if (i < last && !escapedBreak) while (to > from && units[to - 1]!.blank) to--;
    emitUnits(builder, source, units.slice(from, to));
    if (i === last) break;
    // Fold the line break and any empty lines that follow.
    let j = i + 1;
    while (j < last && parsed[j]!.units.every((unit) => unit.blank) && !parsed[j]!.escapedBreak) j++;
    const emptyLines = j - i - 1;
    if (emptyLines === 0 && !escapedBreak) {
      builder.replace(' ', lines[i]!.end, lines[i]!.next);
    }
    for (let k = i + 1; k < j; k++) builder.replace('\n', lines[k]!.end, lines[k]!.next);
    i = j;
  }
  return { text: builder.text, map: builder.build() };
}

/** Literal `|` and folded `>` block scalars (YAML 1.2 §8.1). */
function blockScalar(source: string, start: number, end: number, value: string) {
  const lines = splitLines(source, start, end);
  const header = lines.shift()!;
  const headerText = source.slice(header.start, header.end);
  const folded = headerText.startsWith('>');
  const indicators = /^[|>]([0-9+-]*)/.exec(headerText)?.[1] ?? '';
  const chomping = indicators.includes('-') ? '-' : indicators.includes('+') ? '+' : '';
  if (lines.length > 0 && lines.at(-1)!.start === end) lines.pop();
  const indents = lines.map((line) => {
    let n = 0;
    while (source[line.start + n] === ' ') n++;
    return n;
  });
  const firstContent = lines.findIndex((line, i) => line.start + indents[i]! < line.end);
  const detected = firstContent === -1 ? 0 : indents[firstContent]!;
  const attempt = (indent: number) => buildBlock(source, lines, indent, folded, chomping);
  const guess = attempt(detected);
  if (guess.text === value) return guess;
  // An explicit indentation indicator sets the indent relative to the parent: try each width.
  const widest = Math.max(0, ...indents);
  for (let indent = 0; indent <= widest; indent++) {
    const built = attempt(indent);
    if (built.text === value) return built;
  }
  return guess;
}

function buildBlock(source: string, lines: Line[], indent: number, folded: boolean, chomping: string) {
  const builder = new OffsetMapBuilder();
  const isEmpty = (line: Line) => line.end - line.start <= indent && /^ *$/.test(source.slice(line.start, line.end));
  const isSpaced = (line: Line) => source[line.start + indent] === ' ' || source[line.start + indent] === '\t';
  const contentIndexes = lines.flatMap((line, i) => (isEmpty(line) ? [] : [i]));
  const lastContent = contentIndexes.at(-1) ?? -1;
  const emitBreak = (line: Line) => {
    if (line.next === line.end) return;
    if (line.next - line.end === 1 && source[line.end] === '\n') builder.copy(source, line.end, line.next);
    else builder.replace('\n', line.end, line.next);
  };
  for (let i = 0; i <= lastContent; i++) {
    const line = lines[i]!;
    if (isEmpty(line)) {
      emitBreak(line);
      continue;
    }
    builder.copy(source, line.start + indent, line.end);
    if (i === lastContent) break;
    // Find the next content line; fold the break between two plain text lines.
    let j = i + 1;
    while (j <= lastContent && isEmpty(lines[j]!)) j++;
    const foldable = folded && !isSpaced(line) && !isSpaced(lines[j]!);
    if (!foldable) emitBreak(line);
    else if (j === i + 1) builder.replace(' ', line.end, line.next);
    for (let k = i + 1; k < j; k++) emitBreak(lines[k]!);
    i = j - 1;
  }
  // Chomping: strip (-) drops the final break, clip keeps one, keep (+) keeps them all.
  if (chomping !== '-' && lastContent >= 0) {
    emitBreak(lines[lastContent]!);
    if (chomping === '+') for (let k = lastContent + 1; k < lines.length; k++) emitBreak(lines[k]!);
  } else if (chomping === '+' && lastContent < 0) {
    for (const line of lines) emitBreak(line);
  }
  return { text: builder.text, map: builder.build() };
}
