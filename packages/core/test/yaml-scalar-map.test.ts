import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseYaml, SourceFile } from '@baihua/core';

/** A small deterministic generator, so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const PIECES = [
  '申请',
  '身份证',
  '𠮷',
  '，',
  '。',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '"',
  "'",
  '\\',
  '#',
  ': ',
  '- ',
  'abc',
  '12',
  '（',
  '）',
  '\u3000',
  'é',
];
const STYLES = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

describe('YAML scalar source maps', () => {
  it('rebuild every value the yaml library reads, in every style, without falling back', () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const length = 1 + Math.floor(next() * 14);
      let value = '';
      for (let i = 0; i < length; i++) value += PIECES[Math.floor(next() * PIECES.length)];
      const style = STYLES[seed % STYLES.length]!;
      const lineEnding = seed % 3 === 0 ? '\r\n' : '\n';
      const text = stringify(
        { list: [{ note: value }] },
        { defaultStringType: style, lineWidth: 20, minContentWidth: 5 },
      ).replaceAll('\n', lineEnding);
      const file = new SourceFile('x.yaml', text);
      const parsed = parseYaml(file, text.length);
      const span = parsed.strings.find((candidate) => candidate.pointer === '/list/0/note');
      // Compare with what the library read (CRLF can change a value), not with what was written.
      const read = span!.text;
      expect(read.replaceAll(/\s+/g, ''), `seed ${seed}`).toBe(value.replaceAll(/\s+/g, ''));
      // Each non-space character maps onto itself or onto the escape that produced it.
      for (let i = 0; i < read.length; i++) {
        const char = read[i]!;
        if (/\s/.test(char)) continue;
        const at = span!.map.toSourceStart(i);
        const source = text.slice(at, at + 2);
        const ok = source.startsWith(char) || source.startsWith('\\') || (char === "'" && source === "''");
        expect(
          ok,
          `seed ${seed} ${style} index ${i} ${JSON.stringify(char)} → ${JSON.stringify(source)} in ${JSON.stringify(text)}`,
        ).toBe(true);
      }
      checked++;
    }
    expect(checked).toBe(400);
  });
});
