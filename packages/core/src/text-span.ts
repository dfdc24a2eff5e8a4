import type { OffsetMap } from './offset-map.js';
import type { SourceRange } from './source.js';

/**
 * A run of prose with a map back to the file: one YAML string value, or one Markdown block
 * (paragraph, heading, table cell) with its inline markup removed. Text checkers work on `text`
 * and report offsets into it; `map` turns those into file offsets.
 */
export interface TextSpan {
  /** JSON pointer of the field (`/materials/0/note`), `/body` for the Markdown body */
  pointer: string;
  /** what kind of text: a YAML string value, or the Markdown block type */
  kind: 'value' | 'heading' | 'paragraph' | 'table-cell';
  text: string;
  map: OffsetMap;
}

/** Where the characters `start`–`end` of a span's text are in the file. */
export function spanRange(span: TextSpan, start: number, end: number): SourceRange {
  return { start: span.map.toSourceStart(start), end: span.map.toSourceEnd(end) };
}
