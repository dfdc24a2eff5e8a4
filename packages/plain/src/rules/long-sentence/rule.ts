import { isQuoted, type AnalyzedText } from '../../document.js';
import type { Finding } from '../../findings.js';
import { measureUnits } from '../../readability.js';
import type { PlainRule } from '../plain-rule.js';

interface LongSentenceOptions {
  maxLength: number;
  maxClauses: number;
}

// Clauses end at ，；：(full-width, so 9:00 and 1,000 do not count); 、 separates list items, not clauses.
const CLAUSE_MARK = /[，；：;]/g;

function countClauseMarks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff0c || code === 0xff1b || code === 0xff1a || code === 59) count++;
  }
  return count;
}

function longSentences(text: AnalyzedText, { maxLength, maxClauses }: LongSentenceOptions): Finding[] {
  const findings: Finding[] = [];
  const measures = measureUnits(text);
  text.units.forEach((unit, index) => {
    const length = measures[index]!.length;
    // Most sentences are short and have few clause marks: count them before building anything.
    if (length <= maxLength && countClauseMarks(text.text, unit.start, unit.end) < maxClauses) return;
    const sentence = text.text.slice(unit.start, unit.end);
    const marks = [...sentence.matchAll(CLAUSE_MARK)].filter(
      (mark) => !isQuoted(text, unit.start + mark.index, unit.start + mark.index + 1),
    );
    const clauses = marks.length + 1;
    if (length <= maxLength && clauses <= maxClauses) return;
    // Suggest the clause break nearest the middle.
    const middle = sentence.length / 2;
    const split = [...marks].sort((a, b) => Math.abs(a.index - middle) - Math.abs(b.index - middle))[0];
    // Quote the clause that ends at the break, at most its last eight characters.
    const clauseStart = split
      ? Math.max(0, ...marks.filter((mark) => mark.index < split.index).map((mark) => mark.index + 1))
      : 0;
    const clause = split && sentence.slice(Math.max(clauseStart, split.index - 7), split.index + 1);
    const [messageId, data] =
      length > maxLength
        ? (['tooLong', { length, maxLength }] as const)
        : (['tooManyClauses', { clauses, maxClauses }] as const);
    const trimmedEnd = unit.start + sentence.trimEnd().length;
    findings.push({
      rule: 'plain/long-sentence',
      start: unit.start + (sentence.length - sentence.trimStart().length),
      end: trimmedEnd,
      ...(clause ? { messageId: `${messageId}SplitAt`, data: { ...data, clause } } : { messageId, data }),
      suggestions: [],
    });
  });
  return findings;
}

const rule: PlainRule<LongSentenceOptions> = {
  id: 'plain/long-sentence',
  messages: {
    tooLong: '这句话有 {{length}} 个字，超过 {{maxLength}} 个字。请拆成两三句短句',
    tooLongSplitAt: '这句话有 {{length}} 个字，超过 {{maxLength}} 个字。可以在「{{clause}}」处断开，改成两句',
    tooManyClauses: '这句话有 {{clauses}} 个分句，超过 {{maxClauses}} 个。请拆成两三句短句',
    tooManyClausesSplitAt: '这句话有 {{clauses}} 个分句，超过 {{maxClauses}} 个。可以在「{{clause}}」处断开，改成两句',
  },
  options: {
    type: 'object',
    properties: {
      maxLength: { type: 'integer', minimum: 10, default: 50 },
      maxClauses: { type: 'integer', minimum: 2, default: 5 },
    },
    additionalProperties: false,
  },
  find: (doc, options) => longSentences(doc.joined, options),
};

export default rule;
