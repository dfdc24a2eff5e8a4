import { pointerTokens, type ParsedGuide, type SourceRange } from '@baihua/core';

/**
 * Reading a guide's fields for cross-field rules. A policy rule looks only at values of the type
 * the schema asks for; anything else is the schema rules' to report, so every accessor answers
 * undefined for a value of another type.
 */
export type Fields = Record<string, unknown>;

export function valueAt(data: unknown, pointer: string): unknown {
  return pointerTokens(pointer).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Fields)[key] : undefined), data);
}

export const asFields = (value: unknown): Fields | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A non-empty string, trimmed. */
export function textOf(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

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
