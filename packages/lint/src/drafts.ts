/**
 * Drafts (`status: 草稿`): a guide imported from the platform's tables or a saved page lacks
 * many things at once. Each finding that only says something is missing or empty marks it
 * (`absent`); in a draft those findings are not reported one by one, and schema/required reports
 * one finding at the status listing them all: one thing to do, not twenty.
 */
import { escapePointerToken, isDraft, pointerTokens, type ParsedGuide, type SourceRange } from '@baihua/core';
import { documentSchema, valueAt, type DocumentSchema } from './schema-path.js';
import type { Absent, RuleReport } from './types.js';

/** The rule whose `draft` message sums a draft up. */
export const DRAFT_RULE = 'schema/required';

/** Where a draft's summary goes: its `status: 草稿`, when the guide is a draft. */
export function draftStatus(guide: ParsedGuide): SourceRange | undefined {
  return isDraft(guide.data) ? guide.yaml?.entries.get('/status')?.range : undefined;
}

/** The one finding of a draft: everything absent, once each, in the schema's order. */
export function draftReport(guide: ParsedGuide, at: SourceRange, absent: readonly Absent[]): RuleReport | undefined {
  const doc = documentSchema(guide);
  const named = new Map<string, { label: string; order: number[] }>();
  for (const item of absent) {
    const label = item.label ?? doc.listLabel(guide.data, item.pointer);
    if (!named.has(label)) named.set(label, { label, order: schemaOrder(doc, guide.data, item.pointer) });
  }
  if (!named.size) return undefined;
  const list = [...named.values()].sort((a, b) => compareOrder(a.order, b.order)).map((item) => item.label);
  return { messageId: 'draft', data: { count: list.length, list: list.join('、') }, range: at };
}

/** A field's place in the schema: each key's position among its mapping's properties, each list index. */
function schemaOrder(doc: DocumentSchema, data: unknown, pointer: string): number[] {
  const tokens = pointerTokens(pointer);
  return tokens.map((token, index) => {
    const parentPointer = tokens
      .slice(0, index)
      .map((key) => `/${escapePointerToken(key)}`)
      .join('');
    if (Array.isArray(valueAt(data, parentPointer))) return Number(token);
    const keys = Object.keys(doc.schemaAt(data, parentPointer)?.properties ?? {});
    const position = keys.indexOf(token);
    return position === -1 ? keys.length : position;
  });
}

function compareOrder(a: number[], b: number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}
