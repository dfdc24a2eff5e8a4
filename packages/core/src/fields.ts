import { pointerTokens } from './yaml-source.js';

/**
 * Reading a guide's fields. Rules and renderers look only at values of the type the schema asks
 * for; anything else is the schema rules' to report, so every accessor answers undefined (or an
 * empty list) for a value of another type.
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
