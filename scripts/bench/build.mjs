#!/usr/bin/env node
// pnpm bench:build: build time per guide for each target, and PDFs per second with one browser
// for the whole build against a browser started for each PDF. `baihua build` lints first, so a
// plain `baihua lint` of the same corpus is measured alongside and subtracted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, findChromium, PdfPrinter } from '@baihua/render';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { count: { type: 'string', default: '120' }, rounds: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const cli = join(root, 'packages/cli/dist/baihua.mjs');
const work = mkdtempSync(join(tmpdir(), 'baihua-build-'));
const corpus = join(work, 'corpus');
spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', corpus], {
  stdio: 'ignore',
});

function wall(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`baihua ${args.join(' ')}: ${run.stdout}${run.stderr}`);
  return performance.now() - started;
}

const times = { lint: [], web: [], mobile: [], print: [], printAgain: [] };
for (let round = 0; round < rounds; round++) {
  times.lint.push(wall(['lint', corpus]));
  for (const target of ['web', 'mobile', 'print']) {
    const out = join(work, `out-${target}-${round}`);
    times[target].push(
      wall(['build', corpus, '--out', out, '--targets', target, '--site-url', 'https://guides.example.gov.cn']),
    );
    if (target === 'print')
      times.printAgain.push(
        wall(['build', corpus, '--out', out, '--targets', 'print', '--site-url', 'https://guides.example.gov.cn']),
      );
  }
}

// A browser started for each PDF, as a script calling Chromium once per guide would.
const handouts = join(work, 'out-print-0/print');
const pages = readdirSync(handouts)
  .filter((name) => name.endsWith('.html'))
  .slice(0, 5);
const cold = [];
for (const name of pages) {
  const started = performance.now();
  const printer = await PdfPrinter.launch(findChromium());
  await printer.print(join(handouts, name), name, '2026-10-01');
  await printer.close();
  cold.push(performance.now() - started);
}

const lint = median(times.lint);
const perGuide = (target) => (median(times[target]) - lint) / count;
const pdfSeconds = (median(times.print) - lint) / 1000;
console.log(`
## Build (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

Corpus: ${count} guides (\`node scripts/corpus.mjs --count ${count}\`). \`baihua build\` lints before it renders, so
\`baihua lint\` of the same corpus (${fmt(lint)} ms) is subtracted; medians of ${rounds} rounds.

| target | \`baihua build --targets …\` | render per guide |
| --- | ---: | ---: |
| web (guide pages, index, search index) | ${fmt(median(times.web))} ms | ${fmt(perGuide('web'), 1)} ms |
| mobile (CSS inlined) | ${fmt(median(times.mobile))} ms | ${fmt(perGuide('mobile'), 1)} ms |
| print, HTML and a PDF per guide, one browser | ${fmt(median(times.print))} ms | ${fmt(perGuide('print'), 1)} ms |
| print again, nothing changed (PDFs reused) | ${fmt(median(times.printAgain))} ms | ${fmt((median(times.printAgain) - lint) / count, 1)} ms |

PDFs per second with one browser for the build: **${fmt(count / pdfSeconds, 2)}** (${fmt((pdfSeconds * 1000) / count)} ms a PDF, page reused).
A browser started for each PDF: ${fmt(median(cold))} ms a PDF (median of ${cold.length}), **${fmt(median(cold) / ((pdfSeconds * 1000) / count), 1)}×** slower.
Chromium: \`${findChromium()}\` with ${CHROMIUM_FLAGS.join(' ')}.

Command: \`pnpm bench:build\` (= \`pnpm -s build && node scripts/bench/build.mjs --count ${count} --rounds ${rounds}\`).
`);
