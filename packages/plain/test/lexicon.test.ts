import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  AnalyzedDocument,
  checkRule,
  inProcessSegmenter,
  loadGlossary,
  loadLexicons,
  PLAIN_RULE_IDS,
  PLAIN_RULES,
  type Finding,
  type LexiconEntry,
} from '@baihua/plain';

/** The phrase an entry stands for, for locating it in its test sentence. */
function phrases(entry: LexiconEntry): string[] {
  return [entry.match ?? []].flat();
}

function findings(rule: Parameters<typeof checkRule>[1], text: string): Finding[] {
  return checkRule(new AnalyzedDocument([text], inProcessSegmenter), rule)[0]!;
}

const cases = loadLexicons().flatMap((file) => file.entries.map((entry) => ({ rule: file.rule, entry })));

describe('a plain rule lives beside its data', () => {
  it('has a folder per rule with its code, and its word list there when it has one', () => {
    for (const id of PLAIN_RULE_IDS) {
      const folder = new URL(`../src/rules/${id.slice('plain/'.length)}/`, import.meta.url);
      expect(existsSync(new URL('rule.ts', folder)), id).toBe(true);
      expect(PLAIN_RULES[id].id).toBe(id);
      expect(existsSync(new URL('words.yaml', folder)), id).toBe('word' in PLAIN_RULES[id].messages);
    }
    expect(loadLexicons().map((file) => file.rule)).toEqual(
      PLAIN_RULE_IDS.filter((id) => 'word' in PLAIN_RULES[id].messages).sort(),
    );
  });
});

describe('word lists: every entry fires on its own test sentence', () => {
  it('has at least 150 entries', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases.map(({ rule, entry }) => [rule, entry.match ?? entry.pattern, rule, entry] as const))(
    '%s %s',
    (_label, _what, rule, entry) => {
      const found = findings(rule, entry.test);
      expect(found.length, `${rule} on ${entry.test}`).toBeGreaterThan(0);
      const literal = phrases(entry);
      if (literal.length) {
        // The finding covers one of the entry's phrases, at the right place.
        const texts = found.map((finding) => entry.test.slice(finding.start, finding.end));
        expect(
          texts.some((text) => literal.includes(text)),
          `${texts.join(',')} in ${entry.test}`,
        ).toBe(true);
      }
      if (entry.fix) {
        const fixed = found.find((finding) => finding.fix !== undefined);
        expect(fixed?.fix).toBe([entry.replace ?? []].flat()[0]);
      }
    },
  );
});

describe('word lists: entries that are parts of common words stay silent there', () => {
  const negatives = cases.filter(({ entry }) => entry.not);
  it.each(negatives.map(({ rule, entry }) => [entry.match ?? entry.pattern, rule, entry] as const))(
    '%s',
    (_what, rule, entry) => {
      const literal = phrases(entry);
      const found = findings(rule, entry.not!).filter(
        (finding) => !literal.length || literal.includes(entry.not!.slice(finding.start, finding.end)),
      );
      expect(found, entry.not).toEqual([]);
    },
  );

  it('covers the ambiguous single characters', () => {
    const covered = new Set(negatives.flatMap(({ entry }) => phrases(entry)));
    for (const char of ['系', '其', '该', '须', '凡', '均', '于']) expect(covered.has(char), char).toBe(true);
  });
});

describe('one-character entries inside common words', () => {
  it("do not fire inside jieba's dictionary words that hold them (frequency ≥ 100), but where they keep their role", () => {
    const require = createRequire(import.meta.url);
    const dictionary = readFileSync((require('nodejs-jieba') as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([word, frequency]) => word && Number(frequency) >= 100 && word.length >= 2 && word.length <= 4);
    // 见于 (于 = 在), 来者 and 重者 (者 = 的人) are the classical words they look like.
    const expected = new Set(['于 见于', '者 来者', '者 重者']);
    const frames = ['请看{}这一项。', '这项规定{}本市居民。', '老人{}不便的，可以代办。'];
    const found = new Set<string>();
    for (const { rule, entry } of cases) {
      for (const char of phrases(entry).filter((phrase) => phrase.length === 1)) {
        const words = dictionary.filter(([word]) => word!.includes(char)).map(([word]) => word!);
        const texts = words.flatMap((word) => frames.map((frame) => frame.replace('{}', word)));
        checkRule(new AnalyzedDocument(texts, inProcessSegmenter), rule).forEach((findings, index) => {
          const word = words[Math.floor(index / frames.length)]!;
          const at = texts[index]!.indexOf(word);
          const inside = findings.some(
            (finding) => finding.start >= at && finding.end === finding.start + 1 && finding.end <= at + word.length,
          );
          if (inside) found.add(`${char} ${word}`);
        });
      }
    }
    expect([...found].sort()).toEqual([...expected].sort());
  });
});

describe('the jieba user dictionary', () => {
  it('holds every glossary term, so jieba keeps each term one word', () => {
    const dictionary = new Set(
      readFileSync(new URL('../data/gov-dict.txt', import.meta.url), 'utf8')
        .split('\n')
        .map((line) => line.split(' ')[0]),
    );
    expect(Object.keys(loadGlossary()).filter((term) => !dictionary.has(term))).toEqual([]);
  });
});
