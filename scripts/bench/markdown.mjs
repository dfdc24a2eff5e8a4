#!/usr/bin/env node
// pnpm bench:markdown (and part of pnpm bench): the Markdown parser's time on each input that
// makes it slow, just inside the limits of packages/core/src/markdown.ts (which refuse more),
// against an ordinary body of the same size; and what the worker thread of large bodies costs.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OffsetMap, parseMarkdown } from '@baihua/core';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { parseMarkdownTree } = await import(pathToFileURL(join(root, 'packages/core/dist/markdown-processor.js')).href);
const { parseWithDeadline } = await import(pathToFileURL(join(root, 'packages/core/dist/markdown-deadline.js')).href);

const guide = readFileSync(join(root, 'guides/户籍/id-card-renewal.md'), 'utf8');
const exampleBody = guide.split(/^---$/m).slice(2).join('---');
const ordinary = (bytes) => {
  let text = '';
  while (Buffer.byteLength(text + exampleBody) < bytes) text += exampleBody;
  return text;
};
const repeat = (unit, times) => unit.repeat(times);

/** Each: what it is, and the largest body of its kind that the limits let through. */
export const hazards = [
  ['the example body repeated to 127 KB (ordinary)', () => ordinary(127 * 1024)],
  ['2,000 list items, 7 opened on each line', () => `${repeat(`${'1. '.repeat(7)}办理\n`, 285)}1. 1. 1. 1. 1. 办理\n`],
  ['2,000 list items, 2 opened on each line', () => repeat('1. 1. 办理\n', 1000)],
  ['2,000 list items, nested in pairs', () => repeat('- 办理\n  - 材料\n', 1000)],
  ['2,000 list items in lists of 20 between paragraphs', () => repeat(`${repeat('- 办理\n', 20)}\n说明。\n\n`, 100)],
  ['200 setext headings (a line of -)', () => repeat('办理\n-\n', 200)],
  ['2,000 `*a_` symbols', () => repeat('*a_', 1000)],
  ['2,000 `*` opened then closed', () => repeat('*a ', 1000) + repeat(' a*', 1000)],
  ['2,000 `*` after words', () => repeat('a* ', 2000)],
  ['7 `*` in a row, 2,000', () => repeat('*******a', 285)],
  ['2,000 nested brackets', () => repeat('[', 1000) + repeat(']', 1000)],
  ['1,000 unclosed links `[a](`', () => repeat('[a](', 1000)],
  ['1,000 nested links', () => repeat('[a', 1000) + repeat('](b)', 1000)],
  ['2,000 `~` in pairs', () => repeat('~~a', 1000)],
  ['2,000 lines of `a\\|b` (no table)', () => repeat('a|b\n', 2000)],
  ['a table of 600 rows', () => `| 项目 | 金额 |\n| --- | --- |\n${repeat('| 工本费 | 20 元 |\n', 600)}`],
  ['1,000 link definitions', () => repeat('[a]: b\n', 1000)],
  ['2,000 backticks', () => repeat('`a', 2000)],
  ['a domain of 2,000 `.a_` parts', () => `www.a${repeat('.a_', 2000)}`],
  [
    'all of the above limits at once, filled to 127 KB with headings',
    () => {
      const worst = `${repeat('1. 1. 办理\n', 900)}\n${repeat('办理\n-\n', 200)}\n${repeat('*a_', 666)}\n\n`;
      return worst + repeat('## 办理\n', Math.floor((127 * 1024 - Buffer.byteLength(worst)) / 10));
    },
  ],
  ['127 KB of headings', () => repeat('## 办理\n', Math.floor((127 * 1024) / 10))],
  ['127 KB of one-line paragraphs without blank lines', () => repeat('办理\n', Math.floor((127 * 1024) / 7))],
  ['127 KB of blockquote lines', () => repeat('> 办理\n', Math.floor((127 * 1024) / 9))],
  ['127 KB of lines indented 63 spaces', () => repeat(`${' '.repeat(63)}办理\n`, Math.floor((127 * 1024) / 70))],
];

export function measureMarkdown(rounds = 3) {
  const rows = hazards.map(([name, make]) => {
    const text = make();
    const checked = parseMarkdown(text, OffsetMap.identity(0, text.length), '/body');
    // A tree too deep is refused after parsing (nesting); any other refusal comes before it.
    const tooDeep = !('tree' in checked) && checked.message.startsWith('正文的嵌套太深');
    if (!('tree' in checked) && !tooDeep)
      throw new Error(`${name}: refused (${checked.message}); keep the bench inside the limits`);
    const times = Array.from({ length: rounds }, () => {
      const started = performance.now();
      parseMarkdownTree(text);
      return performance.now() - started;
    });
    return { name, kib: Buffer.byteLength(text) / 1024, ms: median(times), tooDeep };
  });
  // The worker of bodies over 16 KB: a cold thread (start-up and the parse), a warm one, and the
  // same body in this thread.
  const body = ordinary(50 * 1024);
  const timed = (run) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  const coldWorker = timed(() => parseWithDeadline(body, 30_000));
  const warmWorker = median(Array.from({ length: rounds }, () => timed(() => parseWithDeadline(body, 30_000))));
  const inLine = median(Array.from({ length: rounds }, () => timed(() => parseMarkdownTree(body))));
  return { rows, worker: { kib: Buffer.byteLength(body) / 1024, coldWorker, warmWorker, inLine } };
}

export function markdownReport({ rows, worker }) {
  return `### Markdown limits

Parse time (remark-parse + GFM + cjk-friendly, in process, median) of the largest body of each slow kind that the limits of \`packages/core/src/markdown.ts\` let through; one more item, line or symbol is refused before parsing.

| body | size | parse | then |
| --- | ---: | ---: | --- |
${rows.map((row) => `| ${row.name} | ${fmt(row.kib, 1)} KB | ${fmt(row.ms)} ms | ${row.tooDeep ? 'refused: nested too deep' : 'linted'} |`).join('\n')}

The worker thread (bodies over 16 KB, last-resort timeout 30 s), on the example body repeated to ${fmt(worker.kib, 1)} KB: first parse with a cold thread ${fmt(worker.coldWorker)} ms, warm thread ${fmt(worker.warmWorker)} ms, in this thread ${fmt(worker.inLine)} ms.
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(markdownReport(measureMarkdown()));
