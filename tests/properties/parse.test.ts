import { decodeGuide, parseGuide, type ParsedGuide } from '@baihua/core';
import { describe, expect } from 'vitest';
import { anyInput, guideBytes, type GuideInput } from './guides.js';
import { propertyTest } from './runner.js';

function parse(input: GuideInput): { guide: ParsedGuide; decodeProblem: boolean } {
  const read = decodeGuide(input.name, guideBytes(input));
  return { guide: parseGuide(read.file), decodeProblem: read.problem !== undefined };
}

describe('parsing any input', () => {
  propertyTest(
    'never throws, and reads fields or says why not',
    anyInput,
    guideBytes,
    (input) => {
      const { guide, decodeProblem } = parse(input);
      const length = guide.file.text.length;
      for (const problem of guide.problems) {
        expect(problem.message).not.toBe('');
        expect(
          0 <= problem.range.start && problem.range.start <= problem.range.end && problem.range.end <= length,
          `${problem.ruleId} ${JSON.stringify(problem.range)} in ${length}`,
        ).toBe(true);
      }
      // Always an output or a diagnostic: the fields (the schema rules judge their shape), or a problem.
      expect(decodeProblem || guide.problems.length > 0 || guide.data !== undefined).toBe(true);
    },
    { runs: 400 },
  );

  propertyTest(
    'maps every character of every prose span into the file, in order',
    anyInput,
    guideBytes,
    (input) => {
      const { guide } = parse(input);
      const source = guide.file.text;
      const wrong: string[] = [];
      for (const span of guide.texts) {
        let previous = 0;
        for (let i = 0; i < span.text.length; i++) {
          const start = span.map.toSourceStart(i);
          const end = span.map.toSourceEnd(i + 1);
          const inOrder = 0 <= start && start <= end && end <= source.length && start >= previous;
          previous = start;
          // A character mapped to one character of the file is that character, unless it stands
          // for a line break or space that YAML or Markdown folded.
          const exact =
            end - start !== 1 ||
            /\s/.test(span.text[i]!) ||
            /\s/.test(source[start]!) ||
            source[start] === span.text[i];
          if (!inOrder || !exact)
            wrong.push(
              `${span.pointer} index ${i} of ${JSON.stringify(span.text)} → [${start}, ${end}) ${JSON.stringify(source.slice(start, end))}`,
            );
        }
      }
      expect(wrong).toEqual([]);
    },
    { runs: 300 },
  );
});
