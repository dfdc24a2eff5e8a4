/**
 * A finding's identity across edits: which rule, in which sentence (or field line), on which
 * words. Not its line or column, so that a paragraph added above moves a finding without making it
 * another one. Baselines, SARIF's partialFingerprints and a pull request's new/fixed counts match
 * findings by it; two findings of one rule on the same words of one sentence share it, so those
 * count them.
 */
import { createHash } from 'node:crypto';

/** Where a sentence ends: Chinese and ASCII end punctuation, and the end of a line. */
const SENTENCE_END = /[。！？!?；;\n]/;

/** A sentence longer than this is cut: the identity needs its neighbourhood, not a whole page. */
const MAX_CONTEXT = 300;

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sentence or line around `start`–`end` of `text`, its end punctuation included. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  const lowest = Math.max(0, start - MAX_CONTEXT);
  while (from > lowest && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = Math.max(start, end - 1);
  const highest = Math.min(text.length, to + MAX_CONTEXT);
  while (to < highest && !SENTENCE_END.test(text[to]!)) to++;
  return normalized(text.slice(from, Math.min(text.length, to + 1)));
}

/** The identity of a finding at `range` of a guide's text. */
export function findingFingerprint(ruleId: string, text: string, range: readonly [number, number]): string {
  const [start, end] = range;
  return digest(ruleId, sentenceAround(text, start, end), normalized(text.slice(start, Math.min(end, start + 200))));
}

/** The identity of a finding that has no text of its own to stand on (the catalog's, a notice): its message. */
export function messageFingerprint(ruleId: string, message: string): string {
  return digest(ruleId, '', message);
}
