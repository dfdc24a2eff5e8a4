/**
 * `baihua dict export`: the plain rules' word lists as a prh dictionary and as Vale substitution
 * styles, so that a peer tool checks the same words (scripts/bench/peers.mjs uses it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli, scratch } from './helpers.js';

interface PrhRule {
  expected: string;
  pattern: string | string[];
  prh: string;
}

const rulesDirectory = join(repoRoot, 'packages/plain/src/rules');
const lexicons = readdirSync(rulesDirectory)
  .sort()
  .filter((name) => existsSync(join(rulesDirectory, name, 'words.yaml')))
  .map(
    (name) =>
      parse(readFileSync(join(rulesDirectory, name, 'words.yaml'), 'utf8')) as {
        rule: string;
        entries: Array<{ test: string; match?: unknown; pattern?: string }>;
      },
  );

/** A prh pattern as a JavaScript regular expression (prh's own reading: /…/ is a regex, else literal). */
const toRegExp = (pattern: string) =>
  pattern.startsWith('/') && pattern.endsWith('/')
    ? new RegExp(pattern.slice(1, -1))
    : new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('baihua dict export --format prh', () => {
  const run = runCli(['dict', 'export', '--format', 'prh']);
  const dictionary = parse(run.stdout) as { version: number; rules: PrhRule[] };

  it('writes one prh rule per word-list entry, naming the Baihua rule in its message', () => {
    expect(run.code).toBe(0);
    expect(dictionary.version).toBe(1);
    const entries = lexicons.flatMap((file) => file.entries.map(() => file.rule));
    expect(dictionary.rules.map((rule) => /^\[(plain\/[a-z-]+)\]/.exec(rule.prh)![1])).toEqual(entries);
  });

  it('matches the sentence each entry is tested on', () => {
    const tests = lexicons.flatMap((file) => file.entries.map((entry) => entry.test));
    dictionary.rules.forEach((rule, index) => {
      const patterns = Array.isArray(rule.pattern) ? rule.pattern : [rule.pattern];
      expect(
        patterns.some((pattern) => toRegExp(pattern).test(tests[index]!)),
        `${String(rule.pattern)} on ${tests[index]}`,
      ).toBe(true);
    });
  });

  it('suggests the plain wording, or the advice when there is none', () => {
    expect(dictionary.rules.find((rule) => rule.pattern === '须')).toEqual({
      expected: '需要',
      pattern: '须',
      prh: '[plain/classical-word] 是文言或公文用词，群众读着费劲',
    });
    expect(dictionary.rules.find((rule) => rule.pattern === '兹')!.expected).toBe('（删去，直接说事）');
  });
});

describe('baihua dict export --format vale', () => {
  it('writes one substitution style per rule into -o DIR', () => {
    const dir = join(scratch(), 'styles/Baihua');
    const run = runCli(['dict', 'export', '--format', 'vale', '-o', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`✔ 写了 10 个 Vale 样式文件 → ${dir}\n`);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'CatchAllMaterial',
        'ClassicalWord',
        'DoubleNegative',
        'Nominalization',
        'Officialese',
        'Passive',
        'ThirdPerson',
        'UnnamedPlace',
        'VagueReference',
        'VagueTime',
      ].map((name) => `${name}.yml`),
    );
    const style = parse(readFileSync(join(dir, 'ClassicalWord.yml'), 'utf8')) as {
      extends: string;
      nonword: boolean;
      swap: Record<string, string>;
    };
    expect(style.extends).toBe('substitution');
    expect(style.nonword).toBe(true);
    expect(style.swap.须).toBe('需要');
  });

  it('needs a directory, and only knows prh and vale', () => {
    expect(runCli(['dict', 'export', '--format', 'vale']).stderr).toBe(
      'baihua: --format vale 要用 -o 指定一个目录（Vale 的 styles/Baihua），每条规则写成一个文件\n',
    );
    const unknown = runCli(['dict', 'export', '--format', 'textlint']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('baihua: --format 只能是 prh 或 vale，现在是「textlint」\n');
  });
});
