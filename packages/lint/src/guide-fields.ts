import type { ParsedGuide, SourceRange } from '@baihua/core';

// The field accessors live in core, where the renderer reads guides the same way.
export { asFields, asList, asNumber, asString, textOf, valueAt, type Fields } from '@baihua/core';

/** The value written at `pointer` (for a key without a value, the spot after the colon). */
export function valueRange(guide: ParsedGuide, pointer: string): SourceRange | undefined {
  return guide.yaml?.entries.get(pointer)?.range;
}

/** The key of a mapping entry, or its value for list items: where a finding about a whole field goes. */
export function keyRange(guide: ParsedGuide, pointer: string): SourceRange | undefined {
  const entry = guide.yaml?.entries.get(pointer);
  return entry?.keyRange ?? entry?.range;
}

/** The place of characters `start`–`end` inside the YAML string at `pointer`. */
export function rangeInString(guide: ParsedGuide, pointer: string, start: number, end: number): SourceRange | undefined {
  const span = guide.yaml?.strings.find((candidate) => candidate.pointer === pointer);
  return span && { start: span.map.toSourceStart(start), end: span.map.toSourceEnd(end) };
}
