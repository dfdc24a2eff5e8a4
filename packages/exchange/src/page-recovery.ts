// How much of a page an import recovered: of the labelled fields a page holds (with the value
// each should become), those whose imported value is exactly that value.
import { isDeepStrictEqual } from 'node:util';

/** The value at a dotted path (`time_limit.promised`, `locations.0.name`). */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

export interface Recovery {
  /** the fields the page holds, in the order given */
  present: string[];
  /** those whose value came out as expected */
  recovered: string[];
  /** those missing or different */
  missed: string[];
}

/**
 * A value as compared: a list item's closing 「；」 is the page's list punctuation, not its content,
 * and the page sets' expected values were written both with it and without it.
 */
function comparable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[；;]\s*$/, '');
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]));
  return value;
}

/** Compares a draft's fields with the values a page's fields should become. */
export function pageRecovery(data: Record<string, unknown>, expected: Record<string, unknown>): Recovery {
  const present = Object.keys(expected);
  const recovered = present.filter((path) =>
    isDeepStrictEqual(comparable(valueAt(data, path)), comparable(expected[path])),
  );
  return { present, recovered, missed: present.filter((path) => !recovered.includes(path)) };
}
