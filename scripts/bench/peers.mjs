#!/usr/bin/env node
// pnpm bench:peers: Baihua side by side with textlint + textlint-rule-prh (the same word lists,
// exported with `baihua dict export --format prh`) and autocorrect-node (typography), in one run:
// throughput on the same generated guides (cold CLI and warm in-process), and precision and recall
// on the labelled sentences of the plain checker. The peers are installed from npm into a scratch
// directory; nothing is added to the project. Prints a Markdown section for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles, mergeLayers } from '@baihua/core';
import { lintFile } from '@baihua/lint';
import { AnalyzedDocument, checkRule, inProcessSegmenter, loadLexicons } from '@baihua/plain';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,10000' }, rounds: { type: 'string', default: '3' } } });
const counts = values.counts.split(',').map(Number);
const rounds = Number(values.rounds);
const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const cli = join(root, 'packages/cli/dist/baihua.mjs');
const PEERS = { textlint: '15.8.0', 'textlint-rule-prh': '6.1.0', 'autocorrect-node': '2.14.0' };

const work = mkdtempSync(join(tmpdir(), 'baihua-peers-'));
writeFileSync(join(work, 'package.json'), '{"private":true}\n');
const install = spawnSync('npm', ['install', '--no-fund', '--no-audit', '--prefix', work, ...Object.entries(PEERS).map(([name, version]) => `${name}@${version}`)], { encoding: 'utf8' });
if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
const peerRequire = createRequire(join(work, 'package.json'));
const textlintBin = join(dirname(peerRequire.resolve('textlint/package.json')), 'bin/textlint.js');
const { createLinter, loadTextlintrc } = await import(pathToFileURL(peerRequire.resolve('textlint')).href);
const autocorrect = peerRequire('autocorrect-node');

// The same words on both sides: Baihua's nine word-list rules, exported for prh.
const dictionary = join(work, 'baihua.prh.yml');
spawnSync(process.execPath, [cli, 'dict', 'export', '--format', 'prh', '-o', dictionary], { stdio: 'ignore' });
const textlintrc = join(work, '.textlintrc.json');
writeFileSync(textlintrc, JSON.stringify({ rules: { prh: { rulePaths: [dictionary] } } }));
const descriptor = await loadTextlintrc({ configFilePath: textlintrc, node_modulesDir: join(work, 'node_modules') });
const linter = createLinter({ descriptor });
const WORD_RULES = loadLexicons().map((file) => file.rule);
const wordConfig = join(work, 'words.config.yaml');
writeFileSync(wordConfig, `rules:\n${WORD_RULES.map((rule) => `  ${rule}: warn`).join('\n')}\n`);
const wordResolved = mergeLayers([{ path: wordConfig, data: { rules: Object.fromEntries(WORD_RULES.map((rule) => [rule, 'warn'])) }, locate: () => undefined }]);

function wall(command, args) {
  const started = performance.now();
  spawnSync(command, args, { stdio: 'ignore', maxBuffer: 1 << 28 });
  return performance.now() - started;
}

// Throughput on the same Markdown guides (textlint reads Markdown; the YAML-format guides are left out).
const throughput = [];
for (const count of counts) {
  const corpus = join(work, `corpus-${count}`);
  spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', corpus], { stdio: 'ignore' });
  const markdown = join(work, `markdown-${count}`);
  const files = (await findGuideFiles([corpus])).filter((file) => file.endsWith('.md'));
  const copies = files.map((file, index) => {
    const target = join(markdown, `${String(index).padStart(6, '0')}.md`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    return target;
  });
  const texts = copies.map((file) => readFileSync(file, 'utf8'));
  const chars = texts.reduce((sum, text) => sum + text.length, 0);

  const cold = { textlint: [], baihuaWords: [], baihuaAll: [] };
  for (let round = 0; round < rounds; round++) {
    cold.textlint.push(wall(process.execPath, [textlintBin, '--config', textlintrc, '--format', 'json', '--output-file', join(work, 'textlint.json'), markdown]));
    cold.baihuaWords.push(wall(process.execPath, [cli, 'lint', '-c', wordConfig, '-f', 'json', '-o', join(work, 'baihua.json'), markdown]));
    cold.baihuaAll.push(wall(process.execPath, [cli, 'lint', '-f', 'json', '-o', join(work, 'baihua-all.json'), markdown]));
  }

  // Warm: in this process, after one round each (JIT, jieba's dictionary, textlint's rule loading).
  const warm = { textlint: [], baihuaWords: [], autocorrect: [] };
  const runs = {
    textlint: async () => linter.lintFiles(copies),
    baihuaWords: async () => copies.forEach((file) => lintFile(file, { config: wordResolved })),
    autocorrect: async () => texts.forEach((text, index) => autocorrect.lintFor(text, copies[index])),
  };
  for (const run of Object.values(runs)) await run();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const started = performance.now();
      await run();
      warm[name].push(performance.now() - started);
    }
  }
  throughput.push({ count, guides: copies.length, chars, cold: Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, median(v)])), warm: Object.fromEntries(Object.entries(warm).map(([k, v]) => [k, median(v)])) });
}

// Accuracy: the labelled sentences, nine word-list rules, decisions per (sentence, rule).
const labelled = ['labelled.yaml', 'held-out.yaml'].flatMap((name) => parse(readFileSync(join(root, 'tests/fixtures/plain', name), 'utf8')));
const tally = () => ({ tp: 0, fp: 0, fn: 0 });
const scores = { baihua: tally(), textlint: tally() };
const textlintFalse = [];
for (const { text, rules } of labelled) {
  const doc = new AnalyzedDocument([text], inProcessSegmenter);
  const baihua = new Set(WORD_RULES.filter((rule) => checkRule(doc, rule)[0].length > 0));
  const result = await linter.lintText(text, 'sentence.txt');
  const textlint = new Set(result.messages.map((message) => /\[(plain\/[a-z-]+)\]/.exec(message.message)?.[1]).filter(Boolean));
  for (const rule of WORD_RULES) {
    const wanted = rules.includes(rule);
    for (const [tool, fired] of [['baihua', baihua.has(rule)], ['textlint', textlint.has(rule)]]) {
      if (fired && wanted) scores[tool].tp++;
      else if (fired) scores[tool].fp++;
      else if (wanted) scores[tool].fn++;
    }
    if (textlint.has(rule) && !wanted && !baihua.has(rule)) {
      const hit = result.messages.find((message) => message.message.includes(rule));
      const [start, end] = hit.range ?? [hit.index, hit.index + 1];
      textlintFalse.push(`${text.slice(Math.max(0, start - 6), start)}**${text.slice(start, end)}**${text.slice(end, end + 6)} (${rule})`);
    }
  }
}
const precision = ({ tp, fp }) => tp / (tp + fp);
const recall = ({ tp, fn }) => tp / (tp + fn);

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const version = (name) => JSON.parse(readFileSync(peerRequire.resolve(`${name}/package.json`), 'utf8')).version;
const baihuaVersion = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
const rate = (chars, ms) => chars / (ms / 1000);
const rows = throughput.flatMap(({ count, guides, chars, cold, warm }) => {
  const base = rate(chars, cold.baihuaWords);
  const warmBase = rate(chars, warm.baihuaWords);
  return [
    `| ${fmt(count)} (${fmt(guides)} .md, ${fmt(chars / 1e6, 1)} M chars) | Baihua ${baihuaVersion}, the 9 word-list rules | ${fmt(rate(chars, cold.baihuaWords))} | 1.00 | ${fmt(warmBase)} | 1.00 |`,
    `| | textlint ${version('textlint')} + textlint-rule-prh ${version('textlint-rule-prh')}, the same words | ${fmt(rate(chars, cold.textlint))} | ${fmt(rate(chars, cold.textlint) / base, 2)} | ${fmt(rate(chars, warm.textlint))} | ${fmt(rate(chars, warm.textlint) / warmBase, 2)} |`,
    `| | Baihua, every recommended rule (schema, policy, Markdown, plain, catalog) | ${fmt(rate(chars, cold.baihuaAll))} | ${fmt(rate(chars, cold.baihuaAll) / base, 2)} | | |`,
    `| | autocorrect-node ${version('autocorrect-node')} (typography only) | | | ${fmt(rate(chars, warm.autocorrect))} | ${fmt(rate(chars, warm.autocorrect) / warmBase, 2)} |`,
  ];
});
console.log(`
## Side by side with the peers (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

Throughput in characters per second on the same generated Markdown guides; cold = the command
line from a fresh process (Baihua's includes loading jieba's dictionary), warm = in one process
after a first round; medians of ${rounds}. Ratios are to Baihua with the same nine word lists.

| catalog | tool | cold chars/s | ratio | warm chars/s | ratio |
| --- | --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Accuracy on the ${labelled.length} labelled sentences (tests/fixtures/plain, development and held-out sets), the nine
word-list rules, one decision per sentence and rule:

| tool | precision | recall | true positives | false positives | missed |
| --- | ---: | ---: | ---: | ---: | ---: |
| Baihua ${baihuaVersion} (jieba words) | ${fmt(precision(scores.baihua), 3)} | ${fmt(recall(scores.baihua), 3)} | ${scores.baihua.tp} | ${scores.baihua.fp} | ${scores.baihua.fn} |
| textlint + prh (characters), same words | ${fmt(precision(scores.textlint), 3)} | ${fmt(recall(scores.textlint), 3)} | ${scores.textlint.tp} | ${scores.textlint.fp} | ${scores.textlint.fn} |

False positives of textlint + prh that segmentation avoids (first ${Math.min(12, textlintFalse.length)} of ${textlintFalse.length}):
${textlintFalse.slice(0, 12).map((line) => `- ${line}`).join('\n')}

Commands: \`pnpm bench:peers\` (= \`pnpm -s build && node scripts/bench/peers.mjs --counts ${counts.join(',')} --rounds ${rounds}\`); the peers are
installed with \`npm install ${Object.entries(PEERS).map(([name, v]) => `${name}@${v}`).join(' ')}\` into a scratch directory; the dictionary is
\`baihua dict export --format prh\`.
`);
