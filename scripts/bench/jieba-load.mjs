#!/usr/bin/env node
// pnpm bench:jieba: loading jieba's dictionary as Baihua does (nodejs-jieba patched to build its
// TextRank extractor on first use, a one-line TF-IDF table, Baihua's user dictionary) against nodejs-jieba as published
// (installed from npm into a scratch directory, compiled there) with its default tables.
// Alternating fresh processes; time to a first cut and peak RSS, read inside each process.
// Prints a Markdown section for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { jiebaLoadOptions } from '@baihua/plain';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '9' } } });
const rounds = Number(values.rounds);
const work = mkdtempSync(join(tmpdir(), 'baihua-jieba-'));

writeFileSync(join(work, 'package.json'), '{"private":true}\n');
const install = spawnSync('npm', ['install', '--no-fund', '--no-audit', '--prefix', work, 'nodejs-jieba@0.3.0'], {
  encoding: 'utf8',
});
if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);

const baihuaJieba = createRequire(join(root, 'packages/plain/package.json')).resolve('nodejs-jieba');
const variants = {
  published: { module: createRequire(join(work, 'package.json')).resolve('nodejs-jieba'), options: 'undefined' },
  // Exactly as @baihua/plain loads it: its user dictionary, the one-line TF-IDF table.
  baihua: {
    module: baihuaJieba,
    options: JSON.stringify(jiebaLoadOptions(createRequire(import.meta.url)(baihuaJieba).DEFAULT_USER_DICT)),
  },
};
const scripts = Object.fromEntries(
  Object.entries(variants).map(([name, { module, options }]) => {
    const script = join(work, `${name}.cjs`);
    writeFileSync(
      script,
      `const started = performance.now();
const jieba = require(${JSON.stringify(module)});
jieba.load(${options});
jieba.cut('申请人须于三日内提交材料', false);
console.log(JSON.stringify({ ms: performance.now() - started, rssKiB: process.resourceUsage().maxRSS }));\n`,
    );
    return [name, script];
  }),
);
const runs = { published: [], baihua: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, script] of Object.entries(scripts))
    runs[name].push(JSON.parse(spawnSync(process.execPath, [script], { encoding: 'utf8' }).stdout));
}
const row = (label, name) => {
  const ms = median(runs[name].map((run) => run.ms));
  const rss = median(runs[name].map((run) => run.rssKiB)) / 1024;
  return {
    ms,
    rss,
    line: (base) =>
      `| ${label} | ${fmt(ms)} ms | ${fmt(ms / base.ms, 2)} | ${fmt(rss)} MiB | ${fmt(rss / base.rss, 2)} |`,
  };
};
const published = row('nodejs-jieba 0.3.0 as published, default tables', 'published');
const baihua = row('as Baihua loads it: patched, one-line TF-IDF table, its user dictionary', 'baihua');
console.log(`
## Loading jieba's dictionary (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

A fresh process that loads the dictionary and cuts one sentence; medians of ${rounds} alternating runs.

| load | time | ratio | peak RSS | ratio |
| --- | ---: | ---: | ---: | ---: |
${published.line(published)}
${baihua.line(published)}

Commands: \`pnpm bench:jieba\` (= \`pnpm -s build && node scripts/bench/jieba-load.mjs --rounds ${rounds}\`).
`);
