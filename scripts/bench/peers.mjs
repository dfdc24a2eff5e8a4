#!/usr/bin/env node
// pnpm bench:peers: Baihua side by side with textlint + textlint-rule-prh (the same word lists,
// exported with `baihua dict export --format prh`) and autocorrect-node (typography), in one run:
// throughput (cold CLI and warm in-process) on two corpora made from the same generated guides,
// and precision and recall on the labelled sentences of the plain checker. The peers are installed
// from npm into a scratch directory; nothing is added to the project. Prints a Markdown section
// for BENCHMARKS.md.
//
// The two corpora, because textlint does not read what Baihua reads:
// - the guides as written (YAML front matter, then the Markdown body): textlint's Markdown parser
//   keeps the front matter as one YAML node that prh never checks, so it checks the body only;
// - the same guides with their fields written out as Markdown headings and lists before the body,
//   no front matter: both tools check every character.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles, mergeLayers, parseGuide, SourceFile } from '@baihua/core';
import { lintFile, proseSpans } from '@baihua/lint';
import { AnalyzedDocument, checkRule, inProcessSegmenter, loadLexicons } from '@baihua/plain';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse, parseDocument } from 'yaml';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { counts: { type: 'string', default: '1000,10000' }, rounds: { type: 'string', default: '3' } },
});
const counts = values.counts.split(',').map(Number);
const rounds = Number(values.rounds);
const cli = join(root, 'packages/cli/dist/baihua.mjs');
const PEERS = { textlint: '15.8.0', 'textlint-rule-prh': '6.1.0', 'autocorrect-node': '2.14.0' };

const work = mkdtempSync(join(tmpdir(), 'baihua-peers-'));
writeFileSync(join(work, 'package.json'), '{"private":true}\n');
const install = spawnSync(
  'npm',
  [
    'install',
    '--no-fund',
    '--no-audit',
    '--prefix',
    work,
    ...Object.entries(PEERS).map(([name, version]) => `${name}@${version}`),
  ],
  { encoding: 'utf8' },
);
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
const wordResolved = mergeLayers([
  {
    path: wordConfig,
    data: { rules: Object.fromEntries(WORD_RULES.map((rule) => [rule, 'warn'])) },
    locate: () => undefined,
  },
]);

// The floor: the mandated libraries alone, as any linter built on them must call them before its
// first rule: yaml's parseDocument (source ranges), remark-parse with remark-gfm (micromark;
// without GFM's autolink-literal pass, as textlint configures it), and nodejs-jieba's cut of the
// prose. What is left of Baihua's time beyond the floor is its own.
const floorMarkdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(function withoutAutolinkPass() {
    for (const extension of this.data('fromMarkdownExtensions').flat(Infinity))
      if (extension.transforms) extension.transforms = [];
  })
  .freeze();
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
function floorInputs(files, texts) {
  return texts.map((text, index) => {
    const frontMatter = FRONT_MATTER.exec(text);
    const prose = proseSpans(parseGuide(new SourceFile(files[index], text))).map((span) => span.text);
    return {
      yaml: frontMatter?.[1],
      body: frontMatter ? text.slice(frontMatter[0].length) : text,
      prose: prose.join('\n'),
    };
  });
}
const FLOOR_PARTS = ['floorYaml', 'floorMarkdown', 'floorJieba'];

/** Wall-clock and CPU seconds (user + system, all threads) of a command, as bash's `time` reports them. */
function timed(command, args) {
  const run = spawnSync('bash', ['-c', 'TIMEFORMAT="%R %U %S"; time "$0" "$@" >/dev/null 2>&1', command, ...args], {
    encoding: 'utf8',
  });
  const [real, user, system] = run.stderr.trim().split(/\s+/).slice(-3).map(Number);
  return { wall: real, cpu: user + system };
}

/** A guide with its fields written out as Markdown (a heading per field, a list item per string) before its body. */
function fieldsAsMarkdown(text) {
  const end = text.indexOf('\n---', 4);
  const fields = parse(text.slice(4, end));
  const strings = (value) =>
    typeof value === 'string'
      ? [value.replace(/\s*\n\s*/g, ' ')]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
  const sections = Object.entries(fields).map(
    ([key, value]) =>
      `## ${key}\n\n${strings(value)
        .map((item) => `- ${item}`)
        .join('\n')}\n`,
  );
  return `${sections.join('\n')}\n${text.slice(text.indexOf('\n', end + 1) + 1)}`;
}

/**
 * Word findings in a JSON report (textlint and Baihua both write ESLint-style results). Baihua's
 * other findings (the missing front matter of the Markdown corpus, schema and policy rules) are
 * not words: left out.
 */
const readReport = (file) => JSON.parse(readFileSync(file, 'utf8'));
const wordMessages = (result) =>
  result.messages.filter(
    (message) => !message.ruleId || message.ruleId === 'prh' || WORD_RULES.includes(message.ruleId),
  );
const findings = (file) => readReport(file).reduce((sum, result) => sum + wordMessages(result).length, 0);

/**
 * textlint's findings at places where Baihua, with the same words, finds none: grouped by the
 * word prh matched, with the first place each was found and the characters around it.
 */
function textlintOnly(textlintFile, baihuaFile) {
  const baihua = new Set(
    readReport(baihuaFile).flatMap((result) =>
      wordMessages(result).map((message) => `${result.filePath}:${message.line}:${message.column}`),
    ),
  );
  const words = new Map();
  for (const result of readReport(textlintFile)) {
    for (const message of result.messages) {
      if (baihua.has(`${result.filePath}:${message.line}:${message.column}`)) continue;
      const word = /^(\S+) =>/.exec(message.message)?.[1] ?? message.message;
      const entry = words.get(word) ?? {
        count: 0,
        at: { file: result.filePath, line: message.line, column: message.column },
      };
      entry.count++;
      words.set(word, entry);
    }
  }
  return [...words]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([word, { count, at }]) => {
      const line = readFileSync(at.file, 'utf8').split('\n')[at.line - 1];
      const start = at.column - 1;
      return {
        word,
        count,
        context: `${line.slice(Math.max(0, start - 6), start)}**${line.slice(start, start + word.length)}**${line.slice(start + word.length, start + word.length + 4)}`,
      };
    });
}

// Throughput: each corpus, cold (median of `rounds` fresh processes) and warm (in this process,
// after a first round: JIT, jieba's dictionary and textlint's rules loaded).
const throughput = [];
for (const count of counts) {
  const corpus = join(work, `corpus-${count}`);
  spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', corpus], {
    stdio: 'ignore',
  });
  // textlint reads Markdown: the YAML-format guides are left out of both corpora.
  const guides = (await findGuideFiles([corpus])).filter((file) => file.endsWith('.md'));
  const corpora = [
    { name: 'as written', transform: (text) => text },
    { name: 'fields as Markdown', transform: fieldsAsMarkdown },
  ].map(({ name, transform }, corpusIndex) => {
    const dir = join(work, `${count}-${corpusIndex}`);
    mkdirSync(dir, { recursive: true });
    const files = guides.map((file, index) => {
      const target = join(dir, `${String(index).padStart(6, '0')}.md`);
      writeFileSync(target, transform(readFileSync(file, 'utf8')));
      return target;
    });
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    const frontMatter = texts.reduce(
      (sum, text) => sum + (text.startsWith('---\n') ? text.indexOf('\n---', 4) + 4 : 0),
      0,
    );
    return { name, dir, files, texts, chars: texts.reduce((sum, text) => sum + text.length, 0), frontMatter };
  });

  for (const corpus of corpora) {
    const out = (name) => join(work, `${name}.json`);
    const commands = {
      textlint: [textlintBin, '--config', textlintrc, '--format', 'json', '--output-file', out('textlint'), corpus.dir],
      baihuaOne: [
        cli,
        'lint',
        '-c',
        wordConfig,
        '--concurrency',
        'off',
        '-f',
        'json',
        '-o',
        out('baihua-one'),
        corpus.dir,
      ],
      baihuaAuto: [cli, 'lint', '-c', wordConfig, '-f', 'json', '-o', out('baihua-auto'), corpus.dir],
      ...(corpus.frontMatter > 0 && { baihuaAll: [cli, 'lint', '-f', 'json', '-o', out('baihua-all'), corpus.dir] }),
    };
    const cold = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, args] of Object.entries(commands)) cold[name].push(timed(process.execPath, args));
    }
    const found = {
      textlint: findings(out('textlint')),
      baihuaOne: findings(out('baihua-one')),
      baihuaAuto: findings(out('baihua-auto')),
      ...(commands.baihuaAll && { baihuaAll: findings(out('baihua-all')) }),
    };
    const disagreements = textlintOnly(out('textlint'), out('baihua-one'));

    const floor = floorInputs(corpus.files, corpus.texts);
    const runs = {
      textlint: async () => linter.lintFiles(corpus.files),
      baihuaOne: async () => {
        for (const file of corpus.files) lintFile(file, { config: wordResolved });
      },
      ...(corpus.frontMatter > 0 && {
        autocorrect: async () => {
          for (const [index, text] of corpus.texts.entries()) autocorrect.lintFor(text, corpus.files[index]);
        },
      }),
      floorYaml: async () => {
        for (const { yaml } of floor) if (yaml) parseDocument(yaml);
      },
      floorMarkdown: async () => {
        for (const { body } of floor) floorMarkdown.parse(body);
      },
      floorJieba: async () => {
        for (const { prose } of floor) if (prose) inProcessSegmenter.cut([prose]);
      },
    };
    for (const run of Object.values(runs)) await run();
    const warm = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of Object.entries(runs)) {
        const started = performance.now();
        await run();
        warm[name].push((performance.now() - started) / 1000);
      }
    }
    throughput.push({
      count,
      corpus,
      found,
      disagreements,
      cold: Object.fromEntries(
        Object.entries(cold).map(([name, runs]) => [
          name,
          { wall: median(runs.map((run) => run.wall)), cpu: median(runs.map((run) => run.cpu)) },
        ]),
      ),
      warm: Object.fromEntries(Object.entries(warm).map(([name, seconds]) => [name, median(seconds)])),
    });
  }
}

// Accuracy: the labelled sentences, nine word-list rules, decisions per (sentence, rule).
const labelled = ['labelled.yaml', 'held-out.yaml'].flatMap((name) =>
  parse(readFileSync(join(root, 'tests/fixtures/plain', name), 'utf8')),
);
const tally = () => ({ tp: 0, fp: 0, fn: 0 });
const scores = { baihua: tally(), textlint: tally() };
const textlintFalse = [];
for (const { text, rules } of labelled) {
  const doc = new AnalyzedDocument([text], inProcessSegmenter);
  const baihua = new Set(WORD_RULES.filter((rule) => checkRule(doc, rule)[0].length > 0));
  const result = await linter.lintText(text, 'sentence.txt');
  const textlint = new Set(
    result.messages.map((message) => /\[(plain\/[a-z-]+)\]/.exec(message.message)?.[1]).filter(Boolean),
  );
  for (const rule of WORD_RULES) {
    const wanted = rules.includes(rule);
    for (const [tool, fired] of [
      ['baihua', baihua.has(rule)],
      ['textlint', textlint.has(rule)],
    ]) {
      if (fired && wanted) scores[tool].tp++;
      else if (fired) scores[tool].fp++;
      else if (wanted) scores[tool].fn++;
    }
    if (textlint.has(rule) && !wanted && !baihua.has(rule)) {
      const hit = result.messages.find((message) => message.message.includes(rule));
      const [start, end] = hit.range ?? [hit.index, hit.index + 1];
      textlintFalse.push(
        `${text.slice(Math.max(0, start - 6), start)}**${text.slice(start, end)}**${text.slice(end, end + 6)} (${rule})`,
      );
    }
  }
}
const precision = ({ tp, fp }) => tp / (tp + fp);
const recall = ({ tp, fn }) => tp / (tp + fn);

const version = (name) => JSON.parse(readFileSync(peerRequire.resolve(`${name}/package.json`), 'utf8')).version;
const baihuaVersion = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
const TOOLS = {
  textlint: `textlint ${version('textlint')} + textlint-rule-prh ${version('textlint-rule-prh')}, the same words`,
  baihuaOne: `Baihua ${baihuaVersion}, the 9 word-list rules, one thread`,
  baihuaAuto: `Baihua, the 9 word-list rules, \`--concurrency auto\``,
  baihuaAll: 'Baihua, every recommended rule (schema, policy, Markdown, plain, catalog), `auto`',
  autocorrect: `autocorrect-node ${version('autocorrect-node')} (typography only)`,
};
const rows = throughput.flatMap(({ count, corpus, found, cold, warm }) => {
  const rate = (seconds) => corpus.chars / seconds;
  const coldBase = rate(cold.textlint.wall);
  const warmBase = rate(warm.textlint);
  const reads = (tool) =>
    corpus.frontMatter === 0
      ? 'all'
      : tool === 'textlint'
        ? `body (${fmt((100 * (corpus.chars - corpus.frontMatter)) / corpus.chars)}%)`
        : tool === 'autocorrect'
          ? 'all (typography)'
          : 'all';
  return Object.keys(TOOLS)
    .filter((tool) => cold[tool] || warm[tool])
    .map((tool, index) => {
      const label =
        index === 0
          ? `${fmt(count)}, ${corpus.name} (${fmt(corpus.files.length)} files, ${fmt(corpus.chars / 1e6, 1)} M chars)`
          : '';
      const coldCells = cold[tool]
        ? [fmt(rate(cold[tool].wall)), fmt(rate(cold[tool].wall) / coldBase, 2), fmt(cold[tool].cpu, 1)]
        : ['', '', ''];
      const warmCells = warm[tool] ? [fmt(rate(warm[tool])), fmt(rate(warm[tool]) / warmBase, 2)] : ['', ''];
      return `| ${label} | ${TOOLS[tool]} | ${reads(tool)} | ${[...coldCells, ...warmCells].join(' | ')} | ${found[tool] === undefined ? '' : fmt(found[tool])} |`;
    });
});
const floorRows = throughput.map(({ count, corpus, warm }) => {
  const floor = FLOOR_PARTS.reduce((sum, part) => sum + warm[part], 0);
  const seconds = [...FLOOR_PARTS.map((part) => warm[part]), floor, warm.textlint, warm.baihuaOne].map((value) =>
    fmt(value, 2),
  );
  return `| ${fmt(count)}, ${corpus.name} | ${seconds.join(' | ')} | ${fmt(warm.textlint / floor, 2)} | ${fmt(warm.textlint / warm.baihuaOne, 2)} |`;
});
console.log(`
## Side by side with the peers (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

Throughput in characters per second of the files; cold = the command line from a fresh process
(Baihua's includes loading jieba's dictionary), median of ${rounds}, with its CPU time (user + system,
all threads); warm = in one process, one thread, after a first round, median of ${rounds}. Ratios are
to textlint + prh on the same corpus. "Reads" is what each tool checks: on the guides as written,
textlint leaves the front matter (one YAML node to its Markdown parser) unchecked.

| corpus | tool | reads | cold chars/s | × textlint | CPU s | warm chars/s | × textlint | findings |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

The floor: the mandated libraries alone on the same files, warm, one thread, seconds (median of
${rounds}): yaml's \`parseDocument\` of the front matter, remark-parse with remark-gfm of the body (without
the autolink-literal pass, as textlint runs it), nodejs-jieba's \`cut\` of the prose Baihua segments
(once per guide, for the word rules and the readability score alike). A linter that reads every
field and the body with source positions and segments the prose cannot be faster than their sum
on this stack, so textlint's time over the floor is the highest ratio to textlint one thread can
reach:

| corpus | YAML | Markdown | jieba | floor | textlint + prh | Baihua, one thread | highest possible × textlint | Baihua × textlint |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${floorRows.join('\n')}

textlint's findings where Baihua, with the same words, finds none (largest corpus of each kind; the
first place each word was found):

${throughput
  .filter(({ count }) => count === Math.max(...counts))
  .map(({ count, corpus, disagreements }) => {
    const total = disagreements.reduce((sum, { count: n }) => sum + n, 0);
    const words = disagreements.slice(0, 8).map(({ word, count: n, context }) => `${word} ×${fmt(n)} (${context})`);
    return `- ${fmt(count)}, ${corpus.name}: ${fmt(total)}${total ? `: ${words.join(', ')}` : ''}`;
  })
  .join('\n')}

Accuracy on the ${labelled.length} labelled sentences (tests/fixtures/plain, development and held-out sets), the nine
word-list rules, one decision per sentence and rule:

| tool | precision | recall | true positives | false positives | missed |
| --- | ---: | ---: | ---: | ---: | ---: |
| Baihua ${baihuaVersion} (jieba words) | ${fmt(precision(scores.baihua), 3)} | ${fmt(recall(scores.baihua), 3)} | ${scores.baihua.tp} | ${scores.baihua.fp} | ${scores.baihua.fn} |
| textlint + prh (characters), same words | ${fmt(precision(scores.textlint), 3)} | ${fmt(recall(scores.textlint), 3)} | ${scores.textlint.tp} | ${scores.textlint.fp} | ${scores.textlint.fn} |

False positives of textlint + prh that segmentation avoids (first ${Math.min(12, textlintFalse.length)} of ${textlintFalse.length}):
${textlintFalse
  .slice(0, 12)
  .map((line) => `- ${line}`)
  .join('\n')}

Commands: \`pnpm bench:peers\` (= \`pnpm -s build && node scripts/bench/peers.mjs --counts ${counts.join(',')} --rounds ${rounds}\`); the peers are
installed with \`npm install ${Object.entries(PEERS)
  .map(([name, v]) => `${name}@${v}`)
  .join(' ')}\` into a scratch directory; the dictionary is
\`baihua dict export --format prh\`.
`);
