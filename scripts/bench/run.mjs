#!/usr/bin/env node
// pnpm bench: measures lint speed and memory side by side in one run (machines here are noisy,
// so only ratios measured together mean anything). Prints a Markdown report for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { findGuideFiles, guideSchema, createAjv } from '@baihua/core';
import { lintFile, recommendedConfig } from '@baihua/lint';
import { jiebaLoadOptions } from '@baihua/plain';
import { fmt, median } from './numbers.mjs';
import { markdownReport, measureMarkdown } from './markdown.mjs';
import { lspReport, measureLsp } from './lsp.mjs';
import { measureSite, siteReport } from './site.mjs';
import { measureSearch, searchReport } from './search.mjs';
import { measureReport, reportReport } from './report.mjs';
import { importTextReport, measureImportText } from './import-text.mjs';
import { importBenchReport, measureImport } from './import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    'site-sizes': { type: 'string', default: '1000,10000' },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const require = createRequire(join(root, 'packages/core/package.json'));
const { parse } = require('yaml');
const cli = join(root, 'packages/cli/dist/baihua.mjs');

const work = mkdtempSync(join(tmpdir(), 'baihua-bench-'));
const corpus = join(work, 'corpus');
spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', corpus], {
  stdio: 'inherit',
});
const files = await findGuideFiles([corpus]);
const texts = files.map((file) => readFileSync(file, 'utf8'));
const chars = texts.reduce((sum, text) => sum + text.length, 0);

// A. In one process, interleaved: the least any schema linter does (split front matter, parse
// YAML, validate with ajv) against Baihua's lint of the same files (source maps, Markdown,
// Chinese messages, directives).
const validate = createAjv().compile(guideSchema);
function baseline() {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const data = file.endsWith('.md') ? parse(text.split(/^---$/m)[1]) : parse(text);
    validate(data);
  }
}
const config = recommendedConfig();
function baihua() {
  for (const file of files) lintFile(file, { config });
}
baseline();
baihua(); // warm up both (JIT, ajv compile, remark)
const timings = { baseline: [], baihua: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of [
    ['baseline', baseline],
    ['baihua', baihua],
  ]) {
    const started = performance.now();
    run();
    timings[name].push(performance.now() - started);
  }
}
const baseMs = median(timings.baseline);
const lintMs = median(timings.baihua);

// B. The CLI as a user runs it: cold process, whole corpus; peak RSS from inside the process.
function cliRun(args) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/bench/measure-cli.mjs'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return JSON.parse(result.stderr.trim().split('\n').at(-1));
}
function wall(args, input) {
  const started = performance.now();
  spawnSync(process.execPath, [cli, ...args], {
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'],
    input,
  });
  return performance.now() - started;
}
const cliTimes = [];
const cliRss = [];
for (let round = 0; round < 3; round++) {
  const run = cliRun(['lint', corpus]);
  cliTimes.push(wall(['lint', corpus]));
  cliRss.push(run.maxRssKiB);
}
const startup = median([0, 1, 2, 3, 4].map(() => wall(['--version'])));

// Cold lint of one guide against a process that only loads jieba's dictionary, alternating.
const loadOnly = join(work, 'load-jieba.cjs');
// Loaded exactly as @baihua/plain loads it.
const jiebaModule = createRequire(join(root, 'packages/plain/package.json')).resolve('nodejs-jieba');
writeFileSync(
  loadOnly,
  `const j = require(${JSON.stringify(jiebaModule)});
j.load(${JSON.stringify(jiebaLoadOptions(createRequire(import.meta.url)(jiebaModule).DEFAULT_USER_DICT))});
j.cut('载入', false);\n`,
);
// The guide on its own (no configuration, so no catalog to read), as before the catalog rules;
// then the same guide inside the example catalog, whose other 11 guides the catalog rules read,
// cold and with their summaries in the cache.
const single = join(work, 'single');
mkdirSync(single);
copyFileSync(join(root, 'guides/户籍/id-card-renewal.md'), join(single, 'id-card-renewal.md'));
const coldPairs = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(() => {
  const started = performance.now();
  spawnSync(process.execPath, [loadOnly], { stdio: 'ignore' });
  const load = performance.now() - started;
  return { load, lint: wall(['lint', join(single, 'id-card-renewal.md')]) };
});
const inCatalog = join(root, 'guides/户籍/id-card-renewal.md');
const catalogCache = join(work, 'catalog-cache.json');
wall(['lint', join(root, 'guides'), '--cache', '--cache-location', catalogCache]);
const catalogOne = median([0, 1, 2, 3, 4].map(() => wall(['lint', inCatalog])));
const catalogOneCached = median(
  [0, 1, 2, 3, 4].map(() => wall(['lint', inCatalog, '--cache', '--cache-location', catalogCache])),
);
const loadMs = median(coldPairs.map((pair) => pair.load));
const oneGuide = median(coldPairs.map((pair) => pair.lint));
const overLoad = median(coldPairs.map((pair) => pair.lint - pair.load));

// The cache: the whole corpus again, unchanged.
const cacheFile = join(work, 'cache.json');
const cold = wall(['lint', corpus, '--cache', '--cache-location', cacheFile]);
const warm = median([0, 1, 2].map(() => wall(['lint', corpus, '--cache', '--cache-location', cacheFile])));

// The plain-language checker against raw segmentation.
const plain = JSON.parse(
  spawnSync(process.execPath, [join(root, 'scripts/bench/plain.mjs'), corpus, String(rounds)], { encoding: 'utf8' })
    .stdout,
);

// C. Bad input must be answered within 2 s.
const bad = join(work, 'bad');
mkdirSync(bad);
writeFileSync(join(bad, 'huge.md'), `---\nid: huge\n---\n${'很长的正文。'.repeat(600_000)}\n`);
writeFileSync(
  join(bad, 'bomb.md'),
  [
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'
      .split('')
      .map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
    '---',
    '',
  ].join('\n'),
);
writeFileSync(join(bad, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
writeFileSync(join(bad, 'stall.md'), texts[0] + `${'1. '.repeat(7)}办理\n`.repeat(3800));
writeFileSync(join(bad, 'stars.md'), `${texts[0]}\n${'*'.repeat(8000)}深${'*'.repeat(8000)}\n`);
writeFileSync(
  join(bad, 'brackets.md'),
  texts[0].replace(/^id: /m, `x-levels: ${'['.repeat(5000)}${']'.repeat(5000)}\nid: `),
);
const badTimes = Object.fromEntries(
  ['huge.md', 'bomb.md', 'binary.md', 'stall.md', 'stars.md', 'brackets.md'].map((name) => [
    name,
    median([0, 1, 2].map(() => wall(['lint', join(bad, name)]))),
  ]),
);
const markdown = measureMarkdown(rounds);
const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x61);
badTimes.stdin = median([0, 1, 2].map(() => wall(['lint', '--stdin', '--stdin-filename', 'x.md'], tenMegabytes)));
const lsp = await measureLsp();
// The build at scale, with print on the smallest catalog only (scripts/bench/site.mjs).
const siteSizes = values['site-sizes'].split(',').map(Number);
const site = await measureSite({ sizes: siteSizes, rounds: 3, printUpTo: Math.min(...siteSizes) });
const search = await measureSearch();
const catalogReport = await measureReport();
const platformImport = await measureImport();

console.log(`
## Lint (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

Corpus: ${files.length} guides generated by \`node scripts/corpus.mjs --count ${count}\` (${fmt(chars / 1e6, 2)} M characters).

| what | median | per guide | guides/s | ratio |
| --- | ---: | ---: | ---: | ---: |
| baseline: front matter + YAML parse + ajv validate (in process) | ${fmt(baseMs)} ms | ${fmt((baseMs / files.length) * 1000)} µs | ${fmt(files.length / (baseMs / 1000))} | 1.00 |
| baihua lintFile, recommended rules (in process) | ${fmt(lintMs)} ms | ${fmt((lintMs / files.length) * 1000)} µs | ${fmt(files.length / (lintMs / 1000))} | ${fmt(lintMs / baseMs, 2)} |
| \`baihua lint <corpus>\` (cold process, wall) | ${fmt(median(cliTimes))} ms | ${fmt((median(cliTimes) / files.length) * 1000)} µs | ${fmt(files.length / (median(cliTimes) / 1000))} | ${fmt(median(cliTimes) / baseMs, 2)} |

Peak RSS of \`baihua lint <corpus>\`: ${fmt(median(cliRss) / 1024, 1)} MiB. Startup (\`baihua --version\`): ${fmt(startup)} ms.

Cold \`baihua lint\` of one guide: ${fmt(oneGuide)} ms; a process that only loads jieba's dictionary: ${fmt(loadMs)} ms; difference, median of 9 alternating pairs: **${fmt(overLoad)} ms** (budget: 300 ms).

The same guide inside the example catalog (\`catalog: ['.']\`: the other 11 guides are read for the catalog rules): ${fmt(catalogOne)} ms cold; ${fmt(catalogOneCached)} ms with their summaries in \`--cache\` (the guide itself cached too).

With \`--cache\`: first run ${fmt(cold)} ms; the unchanged corpus again: ${fmt(warm)} ms.

### Plain-language checker against segmentation

| what | median | chars/s | ratio |
| --- | ---: | ---: | ---: |
| nodejs-jieba \`cut\` of the guides' prose, one call per guide | ${fmt(plain.cut)} ms | ${fmt(plain.proseChars / (plain.cut / 1000))} | 1.00 |
| plain checker on the same prose (cut + 12 rules + readability) | ${fmt(plain.check)} ms | ${fmt(plain.proseChars / (plain.check / 1000))} | **${fmt(plain.cut / plain.check, 2)}** |
| nodejs-jieba \`cut\` of the whole guide files | ${fmt(plain.cutFiles)} ms | ${fmt(plain.fileChars / (plain.cutFiles / 1000))} | 1.00 |
| plain checker, against the cut of the whole files | ${fmt(plain.check)} ms | | ${fmt(plain.cutFiles / plain.check, 2)} |
| full \`lintFile\` (YAML, Markdown, schema, all rules), against the cut of the whole files | ${fmt(lintMs)} ms | ${fmt(chars / (lintMs / 1000))} | ${fmt(plain.cutFiles / lintMs, 2)} |

The prose is ${fmt(plain.proseChars / 1e6, 2)} M of the ${fmt(plain.fileChars / 1e6, 2)} M characters in the files; the rest (YAML keys, links, numbers, codes, enumerations) is not read by the plain rules.

Bad input, \`baihua lint FILE\` wall time (limit 2,000 ms): 10 MB file ${fmt(badTimes['huge.md'])} ms · 10 MB on standard input ${fmt(badTimes.stdin)} ms · alias bomb ${fmt(badTimes['bomb.md'])} ms · binary ${fmt(badTimes['binary.md'])} ms · 100 KB of nested lists (refused at the 2,001st list item) ${fmt(badTimes['stall.md'])} ms · 8,000 \`*\` around a word ${fmt(badTimes['stars.md'])} ms · 5,000 nested YAML brackets ${fmt(badTimes['brackets.md'])} ms.

${markdownReport(markdown)}
${lspReport(lsp)}
${siteReport(site)}
${searchReport(search)}
${reportReport(catalogReport)}
${importTextReport(measureImportText())}
${importBenchReport(platformImport)}
Rounds: ${rounds} interleaved in-process rounds after one warm-up each; 3 CLI runs; medians.
`);
