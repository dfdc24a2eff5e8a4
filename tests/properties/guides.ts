import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findGuideFiles } from '@baihua/core';
import { loadLexicons } from '@baihua/plain';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { guidesDir } from '../helpers.js';

/**
 * Inputs for the property tests: the example guides mutated the ways an editor, a copy-paste or
 * a careless clerk breaks a file; guides generated in the shape of the schema with prose that
 * the plain-language rules flag (so fixes fire); and random bytes.
 */
export interface GuideInput {
  /** the file name; its extension picks the format (.md or .yaml) */
  name: string;
  text: string;
  /** raw bytes put into the UTF-8 encoding of `text` at a byte offset: bad encodings, NUL */
  splice?: { at: number; bytes: readonly number[] };
}

export function guideBytes(input: GuideInput): Buffer {
  const bytes = Buffer.from(input.text, 'utf8');
  if (!input.splice) return bytes;
  const at = input.splice.at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(input.splice.bytes), bytes.subarray(at)]);
}

const exampleGuides: GuideInput[] = (await findGuideFiles([guidesDir])).map((path) => ({
  name: basename(path),
  text: readFileSync(path, 'utf8'),
}));

const lexicons = loadLexicons();
/** Phrases the plain-language rules flag, and the sentences each lexicon entry must fire on. */
const flaggedWords = lexicons.flatMap((file) =>
  file.entries.flatMap((entry) => (entry.match === undefined ? [] : [entry.match].flat())),
);
const flaggedSentences = lexicons.flatMap((file) => file.entries.map((entry) => entry.test));

/** Characters that mean something to YAML or Markdown, and text that is hard to place. */
const SYNTAX = [
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '>',
  '*',
  '**',
  '_',
  '[',
  ']',
  '`',
  '```',
  '|',
  '&',
  '!',
  '%',
  '@',
  '\\',
  '"',
  "'",
  '{',
  '}',
  ',',
  '?',
  '~',
  '<',
  '=',
  '---',
  '...',
  '&a ',
  '*a',
  '!!str ',
  '!!js/function ',
  '!custom ',
];
const HARD_TEXT = [
  '𠮷',
  '𠮷𠮷',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  'é',
  '１２',
  '，',
  '。',
  '：',
  '（',
  '）',
  '「',
  '」',
  '《',
  '》',
  '“',
  '”',
  '&amp;',
  '&#x884c;',
  '\\u884c',
];
const DIRECTIVES = [
  '<!-- baihua-disable-next-line plain/classical-word -->\n',
  '<!-- baihua-disable plain/typography -->',
  '<!-- baihua-enable plain/typography -->',
  '<!-- baihua-disable -->',
  ' # baihua-disable-line schema/unknown-key',
  '<!-- baihua-disable-next-line no-such/rule -->',
];

const cjk = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 4,
});
const ascii = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 });

/** A short piece to insert: syntax characters, CJK, astral characters, flagged words, anything. */
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.constantFrom(...HARD_TEXT) },
  { weight: 3, arbitrary: fc.constantFrom(...flaggedWords) },
  { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES) },
  { weight: 2, arbitrary: cjk },
  { weight: 1, arbitrary: ascii },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Prose with words the plain-language rules flag and typography they fix. */
const prose = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...flaggedSentences) },
      { weight: 3, arbitrary: fc.constantFrom(...flaggedWords) },
      { weight: 2, arbitrary: cjk },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '(',
          ')',
          ',',
          ';',
          ':',
          '!',
          '?',
          ' ',
          '  ',
          '20',
          ' 20 ',
          '１０',
          'ABC',
          ' https://example.gov.cn/a,b ',
          '9:00',
          '。',
          '，',
        ),
      },
      { weight: 1, arbitrary: ascii },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

/** A value once in `every` examples, else undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; line: number; times: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'indent'; line: number; by: string }
  | { kind: 'dedent'; line: number; by: number }
  | { kind: 'line-endings'; ending: '\r\n' | '\r' }
  | { kind: 'bom' }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; other: number; at: number; from: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicate-line' as const),
      line: fc.nat(),
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('indent' as const),
      line: fc.nat(),
      by: fc.constantFrom(' ', '  ', '   ', '\t', ' \t'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('dedent' as const), line: fc.nat(), by: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('line-endings' as const),
      ending: fc.constantFrom('\r\n' as const, '\r' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('splice' as const), other: fc.nat(), at: fc.nat(), from: fc.nat() }),
  },
);

/** Lines with their line break kept, so that joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function mutate(text: string, change: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  const lines = linesOf(text);
  const line = (n: number) => n % Math.max(lines.length, 1);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at));
    case 'delete':
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case 'duplicate-line': {
      const index = line(change.line);
      const copy = lines[index] ?? '';
      lines.splice(index, 0, ...Array<string>(change.times).fill(/[\r\n]$/.test(copy) ? copy : `${copy}\n`));
      return lines.join('');
    }
    case 'swap-lines': {
      const [a, b] = [line(change.a), line(change.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('');
    }
    case 'indent': {
      const index = line(change.line);
      lines[index] = change.by + (lines[index] ?? '');
      return lines.join('');
    }
    case 'dedent': {
      const index = line(change.line);
      lines[index] = (lines[index] ?? '').replace(new RegExp(`^[ \\t]{1,${change.by}}`), '');
      return lines.join('');
    }
    case 'line-endings':
      return text.replace(/\r\n|\r|\n/g, change.ending);
    case 'bom':
      return `\ufeff${text}`;
    case 'truncate':
      return text.slice(0, at(change.at));
    case 'splice': {
      const other = exampleGuides[change.other % exampleGuides.length]!.text;
      return text.slice(0, at(change.at)) + other.slice(change.from % (other.length + 1));
    }
  }
}

/** A byte or a few that are not UTF-8 text: NUL, a lone continuation byte, a GBK pair, a cut sequence. */
const badBytes: fc.Arbitrary<number[]> = fc.oneof(
  fc.constantFrom<number[]>(
    [0x00],
    [0x80],
    [0xff],
    [0xc0, 0xaf],
    [0xe4, 0xb8],
    [0xb0, 0xec],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
  ),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => [...bytes]),
);

/** An example guide changed by one to five mutations, now and then with bad bytes. */
const mutatedGuide: fc.Arbitrary<GuideInput> = fc
  .record({
    base: fc.constantFrom(...exampleGuides),
    changes: fc.array(mutation, { minLength: 1, maxLength: 5 }),
    splice: sometimes(fc.record({ at: fc.nat(), bytes: badBytes }), 12),
  })
  .map(({ base, changes, splice }) => ({
    name: base.name,
    text: changes.reduce(mutate, base.text),
    ...(splice && { splice }),
  }));

/** The fields of every example guide, as data, for generating guides in the same shape. */
const exampleFields = exampleGuides.map(({ name, text }) => {
  if (name.endsWith('.yaml')) {
    const { body: _body, ...fields } = parse(text) as Record<string, unknown>;
    return fields;
  }
  return parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;
});

/** Values a clerk writes where the schema wants another shape, put anywhere. */
const WRONG_VALUES: unknown[] = [
  '两份',
  '十五个工作日',
  '2026年10月1日',
  12345,
  '（0571）88888888',
  '9：00~17：00',
  '个人',
  '暂无',
  '详见相关规定',
  '',
  null,
  true,
  [],
  {},
];

/** Values a clerk writes in particular fields, most of which `--fix` can put right. */
const FIELD_VALUES: Record<string, unknown[]> = {
  reviewed: ['2026年10月1日', '2026/10/1', '2026.10.01', ' 2026 - 10 - 01 ', '2026年2月30日', '10/01/2026'],
  copies: ['两份', '1份', '三张', '一式两份', '十五'],
  days: ['十五', '15天', '十五个工作日', -1, 1.5],
  consult: [
    '（0571）88888888',
    '0571 8888 8888',
    '０５７１-８８８８８８８８',
    12345,
    '0571—88888888',
    '12345；0571-88888888',
    '(0000)66230000',
  ],
  complaint: [12345, '１２３４５', '0571 8888 8888', '12345、12315'],
  phone: ['（0000）66230000', '0000 6623 0000', 66230000, '0000-66230000 转 1'],
  hours: [
    '周一至周五 9：00~17：00',
    '周一至周五 9:00-17:00',
    '周一至周五9：00—12：00，13：30—17：00',
    '工作日上午',
    '周一至周五 9:00~12:00, 13:30~17:00',
  ],
  audience: ['个人', '个人,法人', '[个人'],
  delivery: ['邮寄', '窗口领取'],
  keywords: ['身份证', '身份证，换证'],
  url: ['http://example.gov.cn/a', 'example.gov.cn', 'https://例子.中国/办事'],
  amount: ['二十元', '20元', '免费'],
  visits: ['一次', '0次', 3],
};
const FIELD_NAMES = Object.keys(FIELD_VALUES);

/** Every path of keys and indexes in the data, and which of them hold a scalar (a leaf). */
function paths(
  value: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; leaf: boolean }> {
  const here = path.length ? [{ path, leaf: value === null || typeof value !== 'object' }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => paths(item, [...path, index]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...path, key]))];
  return here;
}

function setAt(data: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let container = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string | number, unknown>;
  container[path.at(-1)!] = value;
}

const markdownBlock = fc.oneof(
  prose.map((text) => `## ${text}`),
  prose.map((text) => `### ${text}`),
  prose,
  fc.array(prose, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc
    .array(prose, { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  prose.map((text) => `> ${text}`),
  fc.tuple(prose, prose).map(([a, b]) => `| 项目 | 说明 |\n| --- | --- |\n| ${a} | ${b} |`),
  fc
    .tuple(prose, prose)
    .map(([a, b]) => `${a}**${b}**，[${a}](https://example.gov.cn/${encodeURIComponent(b).slice(0, 12)})`),
  prose.map((text) => `\`\`\`\n${text}\n\`\`\``),
  prose.map((text) => `${text}\\*${text}&amp;`),
  fc.constantFrom(...DIRECTIVES),
);

const yamlStyle = fc.record({
  defaultStringType: fc.constantFrom(
    'PLAIN' as const,
    'QUOTE_DOUBLE' as const,
    'QUOTE_SINGLE' as const,
    'BLOCK_LITERAL' as const,
    'BLOCK_FOLDED' as const,
  ),
  defaultKeyType: fc.constant('PLAIN' as const),
  lineWidth: fc.integer({ min: 20, max: 120 }),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
});

/**
 * A guide generated in the shape of the schema: the fields of an example guide with some values
 * replaced by flagged prose or by values of the wrong shape, some fields dropped or misspelt,
 * written in one YAML style, and a Markdown body of flagged prose; as .md or as .yaml.
 */
const generatedGuide: fc.Arbitrary<GuideInput> = fc
  .record({
    fields: fc.constantFrom(...exampleFields),
    edits: fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof({ weight: 3, arbitrary: prose }, { weight: 1, arbitrary: fc.constantFrom(...WRONG_VALUES) }),
      ),
      { maxLength: 12 },
    ),
    fieldEdits: fc.array(fc.record({ field: fc.constantFrom(...FIELD_NAMES), which: fc.nat(), value: fc.nat() }), {
      maxLength: 4,
    }),
    dropped: fc.array(fc.nat(), { maxLength: 2 }),
    extraKey: sometimes(fc.constantFrom('tittle', '到现场次数', 'x-local', '__proto__', 'body'), 4),
    style: yamlStyle,
    body: fc.array(markdownBlock, { minLength: 1, maxLength: 8 }),
    format: fc.constantFrom('md', 'md', 'yaml'),
    lineEnding: fc.constantFrom('\n', '\n', '\n', '\r\n'),
  })
  .map(({ fields, edits, fieldEdits, dropped, extraKey, style, body, format, lineEnding }) => {
    const data = structuredClone(fields);
    const all = paths(data);
    const leaves = all.filter((entry) => entry.leaf);
    for (const [index, value] of edits) setAt(data, leaves[index % leaves.length]!.path, value);
    for (const { field, which, value } of fieldEdits) {
      const named = all.filter((entry) => entry.path.at(-1) === field);
      const values = FIELD_VALUES[field]!;
      if (named.length) setAt(data, named[which % named.length]!.path, values[value % values.length]);
    }
    const keys = Object.keys(data);
    for (const index of dropped) delete data[keys[index % keys.length]!];
    if (extraKey)
      Object.defineProperty(data, extraKey, {
        value: '多写的字段',
        enumerable: true,
        writable: true,
        configurable: true,
      });
    const bodyText = `${body.join('\n\n')}\n`;
    const text =
      format === 'yaml'
        ? stringify({ ...data, body: bodyText }, style)
        : `---\n${stringify(data, style)}---\n\n${bodyText}`;
    return { name: `generated.${format}`, text: lineEnding === '\n' ? text : text.replaceAll('\n', lineEnding) };
  });

/** Random bytes: alone, or inside the fences of a front matter. */
const randomBytes: fc.Arbitrary<GuideInput> = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 2048 }),
    fenced: fc.boolean(),
    name: fc.constantFrom('random.md', 'random.yaml', 'random.markdown'),
  })
  .map(({ bytes, fenced, name }) => ({
    name,
    text: fenced ? '---\n\n---\n' : '',
    splice: { at: fenced ? 4 : 0, bytes: [...bytes] },
  }));

/** Random Unicode text, alone or inside the fences of a front matter. */
const randomText: fc.Arbitrary<GuideInput> = fc
  .record({ text: fc.string({ unit: 'binary', maxLength: 600 }), fenced: fc.boolean() })
  .map(({ text, fenced }) => ({ name: 'random.md', text: fenced ? `---\n${text}\n---\n${text}` : text }));

/** An example guide with a part repeated until the file nears the 128 KiB limit, or passes it. */
const largeGuide: fc.Arbitrary<GuideInput> = fc
  .record({
    base: fc.constantFrom(...exampleGuides),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
    bytes: fc.integer({ min: 100_000, max: 140_000 }),
  })
  .map(({ base, at, length, bytes }) => {
    const start = at % base.text.length;
    const part = base.text.slice(start, start + length) || base.text;
    const times = Math.ceil((bytes - Buffer.byteLength(base.text)) / Buffer.byteLength(part));
    return {
      name: base.name,
      text: base.text.slice(0, start) + part.repeat(Math.max(times, 1)) + base.text.slice(start),
    };
  });

/** Every kind of input, for the properties that must hold of anything (parse and lint). */
export const anyInput: fc.Arbitrary<GuideInput> = fc.oneof(
  { weight: 10, arbitrary: mutatedGuide },
  { weight: 6, arbitrary: generatedGuide },
  { weight: 2, arbitrary: randomBytes },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: largeGuide },
);

/**
 * Inputs a fix loop can work on: mutated and generated guides, kept below 16 KB of text, where
 * the Markdown body is parsed in-line. Larger bodies are parsed under a deadline in a worker, and
 * whether one of those is cut off depends on the load of the machine, not on the fixes.
 */
export const fixableInput: fc.Arbitrary<GuideInput> = fc.oneof(
  { weight: 1, arbitrary: mutatedGuide },
  { weight: 2, arbitrary: generatedGuide },
);

/** Inputs for rendering: the examples as they are, and mutated or generated ones (kept when they lint without errors). */
export const renderableInput: fc.Arbitrary<GuideInput> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...exampleGuides) },
  { weight: 3, arbitrary: mutatedGuide },
  { weight: 3, arbitrary: generatedGuide },
);
