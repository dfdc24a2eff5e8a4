#!/usr/bin/env node
// pnpm bench:site: `baihua build` on generated catalogs (1,000 and 10,000 guides by default): a full
// build per target, rebuilds into the same --out (nothing changed; one guide's summary changed),
// peak RSS of the build process (worker threads included), and the web target side by side with
// Eleventy rendering the same Markdown bodies and fields with a comparable Nunjucks layout, in
// alternating rounds. With --province, a 200,000-guide catalog built one shard at a time, and
// what a 15-minute full build needs. Prints a Markdown section for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles, parseGuide, SourceFile } from '@baihua/core';
import { guideView } from '@baihua/render';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/cli/dist/baihua.mjs');
const require = createRequire(join(root, 'package.json'));
// Eleventy's exports hide its package.json: its directory is the one above its entry point that holds it.
let eleventyPackage = dirname(require.resolve('@11ty/eleventy'));
while (!existsSync(join(eleventyPackage, 'package.json'))) eleventyPackage = dirname(eleventyPackage);
const eleventyCli = join(eleventyPackage, 'cmd.cjs');
const { stringify } = createRequire(join(root, 'packages/core/package.json'))('yaml');
const SITE_URL = 'https://guides.example.gov.cn';

/**
 * Runs a node script in a process of its own under /usr/bin/time: wall time, CPU time (user and
 * system, which other work on a busy machine moves less than the wall time) and the peak RSS.
 */
function timed(args, { cwd = root } = {}) {
  const stats = join(tmpdir(), `baihua-site-time-${process.pid}`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', stats, process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  if (run.status !== 0)
    throw new Error(`${args.join(' ')} exited ${run.status}:\n${(run.stdout + run.stderr).slice(-3000)}`);
  const [rssKiB, user, system] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(stats);
  const cpuMs = (user + system) * 1000;
  // A run of this script takes long: a line per measurement shows where it is.
  console.error(
    `${fmt(ms / 1000, 1)} s, CPU ${fmt(cpuMs / 1000, 1)} s, ${fmt(rssKiB / 1024)} MiB: ${args.slice(1).join(' ')}`,
  );
  return { ms, cpuMs, rssKiB };
}

const build = (corpus, out, targets, extra = []) =>
  timed([cli, 'build', corpus, '--out', out, '--targets', targets.join(','), '--site-url', SITE_URL, ...extra]);

/** Changes one guide's summary, as an editor would, and returns how to put it back. */
function editOneSummary(file) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(/^summary: (.*)。$/m, (_line, summary) => `summary: ${summary}，办好后会短信通知您。`),
  );
  return () => writeFileSync(file, text);
}

// Eleventy's input: for every guide, the Markdown body as the guide holds it, with the fields the
// web page shows (as Baihua's own view of the guide words them) as front matter, under a Nunjucks
// layout with the same head, key facts, sections and body, and an index by department and category.
const GUIDE_LAYOUT = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}｜办事指南</title>
<meta name="description" content="{{ summary }}">
<link rel="stylesheet" href="../assets/web.css">
</head>
<body>
<header class="site"><a href="../index.html">办事指南</a></header>
<main>
  <h1>{{ title }}</h1>
  <p class="summary">{{ summary }}</p>
  <dl class="key-facts">
  {%- for fact in keyFacts %}<div><dt>{{ fact.label }}</dt><dd>{{ fact.value }}</dd></div>{% endfor %}
  </dl>
  <section id="conditions"><h2>谁可以办</h2><ul>{% for line in conditions %}<li>{{ line }}</li>{% endfor %}</ul></section>
  <section id="materials"><h2>要带的材料</h2><ul class="materials">
  {%- for material in materials %}<li><strong>{{ material.name }}</strong>
  <span class="meta">{{ material.form }} · {{ material.need }}</span>{% for line in material.details %}<p>{{ line }}</p>{% endfor %}</li>
  {%- endfor %}</ul></section>
  <section id="steps"><h2>怎么办</h2><ol class="steps">
  {%- for step in steps %}<li>{% if step.title %}<strong>{{ step.title }}</strong>{% endif %}<p>{{ step.how }}</p>
  {%- if step.where %}<p class="meta">在哪里：{{ step.where }}</p>{% endif %}</li>{% endfor %}</ol></section>
  <section id="time-and-fees"><h2>多久办好，要多少钱</h2><ul>
  {%- for line in timeLimit %}<li>{{ line }}</li>{% endfor %}{% for line in fees %}<li>{{ line }}</li>{% endfor %}</ul></section>
  <section id="where"><h2>去哪里办</h2>
  {%- for place in locations %}<div class="location"><h3>{{ place.name }}</h3><p>地址：{{ place.address }}</p>
  <p>时间：{{ place.hours }}</p></div>{% endfor %}</section>
  <section class="body">{{ content | safe }}</section>
  {%- if faq.length %}<section id="faq"><h2>常见问题</h2>
  {%- for entry in faq %}<h3>{{ entry.question }}</h3><p>{{ entry.answer }}</p>{% endfor %}</section>{% endif %}
  <p class="meta">实施主体：{{ department }}　最后核验：<time datetime="{{ reviewed }}">{{ reviewed }}</time></p>
</main>
</body>
</html>
`;
const INDEX_PAGE = `---
permalink: index.html
---
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>办事指南</title>
<link rel="stylesheet" href="assets/web.css">
</head>
<body>
<header class="site"><a href="index.html">办事指南</a></header>
<main>
  <h1>办事指南</h1>
  {%- for department, guides in collections.guide | groupby("data.department") %}
  <section><h2>{{ department }}</h2>
  {%- for category, listed in guides | groupby("data.category") %}<h3>{{ category }}</h3><ul>
  {%- for guide in listed %}<li><a href="{{ guide.url | replace("/", "", 1) }}">{{ guide.data.title }}</a>
  <span class="meta">{{ guide.data.summary }}</span></li>{% endfor %}</ul>{% endfor %}</section>
  {%- endfor %}
</main>
</body>
</html>
`;
const ELEVENTY_CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ 'src/assets': 'assets' });
  return { markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`;

async function eleventyProject(corpus, directory) {
  const src = join(directory, 'src');
  mkdirSync(join(src, 'guides'), { recursive: true });
  mkdirSync(join(src, '_includes'));
  writeFileSync(join(src, '_includes/guide.njk'), GUIDE_LAYOUT);
  writeFileSync(join(src, 'index.njk'), INDEX_PAGE);
  writeFileSync(join(directory, 'eleventy.config.mjs'), ELEVENTY_CONFIG);
  cpSync(join(root, 'templates/site/assets'), join(src, 'assets'), { recursive: true });
  for (const file of await findGuideFiles([corpus])) {
    const guide = parseGuide(new SourceFile(file, readFileSync(file, 'utf8')));
    const view = guideView(guide, { titles: new Map() });
    const fields = {
      layout: 'guide.njk',
      tags: 'guide',
      permalink: `guides/${view.id}.html`,
      ...Object.fromEntries(
        ['title', 'summary', 'department', 'category', 'reviewed', 'keyFacts', 'conditions', 'timeLimit', 'fees'].map(
          (key) => [key, view[key]],
        ),
      ),
      materials: view.materials.map(({ name, form, need, details }) => ({ name, form, need, details })),
      steps: view.steps,
      locations: view.locations.map(({ name, address, hours }) => ({ name, address, hours })),
      faq: view.faq,
    };
    writeFileSync(join(src, 'guides', `${view.id}.md`), `---\n${stringify(fields)}---\n${guide.body?.text ?? ''}`);
  }
}

const eleventy = (directory, out) =>
  timed([eleventyCli, '--input=src', `--output=${out}`, '--quiet'], { cwd: directory });

function generate(count, out) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', out]);
  if (run.status !== 0) throw new Error(`corpus.mjs --count ${count}: ${run.stderr}`);
  const ms = performance.now() - started;
  const bytes = Number(spawnSync('du', ['-sb', out], { encoding: 'utf8' }).stdout.split('\t')[0]);
  return { ms, bytes };
}

export async function measureSite({ sizes, rounds, printUpTo, province }) {
  const work = mkdtempSync(join(tmpdir(), 'baihua-site-'));
  const load = [loadavg()[0]];
  const results = [];
  for (const count of sizes) {
    const corpus = join(work, `corpus-${count}`);
    generate(count, corpus);
    const files = (await findGuideFiles([corpus])).sort();
    const project = join(work, `eleventy-${count}`);
    await eleventyProject(corpus, project);

    // Side by side, alternating which goes first: the lint `baihua build` runs before it renders,
    // the web target, and Eleventy; each into a fresh output directory.
    const sideBySide = { lint: [], web: [], eleventy: [], ratio: [], cpuRatio: [] };
    for (let round = 0; round < rounds; round++) {
      const runs = {
        lint: () => timed([cli, 'lint', corpus]),
        web: () => build(corpus, join(work, `web-${count}-${round}`), ['web']),
        eleventy: () => eleventy(project, join(work, `eleventy-out-${count}-${round}`)),
      };
      const order = round % 2 ? ['eleventy', 'web', 'lint'] : ['lint', 'web', 'eleventy'];
      const measured = Object.fromEntries(order.map((name) => [name, runs[name]()]));
      for (const name of order) sideBySide[name].push(measured[name]);
      sideBySide.ratio.push(measured.web.ms / measured.eleventy.ms);
      sideBySide.cpuRatio.push(measured.web.cpuMs / measured.eleventy.cpuMs);
      for (const out of [`web-${count}-${round}`, `eleventy-out-${count}-${round}`])
        rmSync(join(work, out), { recursive: true, force: true });
    }

    const targets = {};
    for (const target of ['mobile', 'bundle'])
      targets[target] = build(corpus, join(work, `${target}-${count}`), [target]);

    // The full build of every target but print, then into the same --out: nothing changed, and
    // one guide's summary changed (which also changes the index pages and search index).
    const all = ['web', 'mobile', 'bundle'];
    const allOut = join(work, `all-${count}`);
    const full = build(corpus, allOut, all);
    const unchanged = build(corpus, allOut, all);
    let restore = editOneSummary(files[0]);
    const oneChanged = build(corpus, allOut, all);
    restore();

    // Print makes a PDF per guide through one Chromium: measured on the smaller catalogs only.
    let print;
    if (count <= printUpTo) {
      const printOut = join(work, `print-${count}`);
      const printFull = build(corpus, printOut, ['print']);
      restore = editOneSummary(files[0]);
      const printOne = build(corpus, printOut, ['print']);
      restore();
      print = { full: printFull, oneChanged: printOne };
    }
    results.push({ count, sideBySide, targets, all, full, unchanged, oneChanged, print });
    rmSync(join(work, `eleventy-${count}`), { recursive: true, force: true });
  }
  const provinceResult = province && (await measureProvince(province, work, results));
  load.push(loadavg()[0]);
  rmSync(work, { recursive: true, force: true });
  return { results, province: provinceResult, load, sizes, rounds, printUpTo };
}

/**
 * A province's catalog built one shard at a time: one shard of about 10,000 guides out of
 * `count` (every summary still read for the catalog rules), and merge measured on a catalog of
 * 10,000 built as two shards (the shards of the province itself would take hours to build here).
 */
async function measureProvince({ count, shards }, work, results) {
  const corpus = join(work, `province-${count}`);
  const generated = generate(count, corpus);
  const all = ['web', 'mobile', 'bundle'];
  const shard = build(corpus, join(work, 'province-shard'), all, ['--shard', `1/${shards}`]);
  rmSync(join(work, 'province-shard'), { recursive: true, force: true });
  rmSync(corpus, { recursive: true, force: true });

  const mergeCount = 10_000;
  const mergeCorpus = join(work, `merge-${mergeCount}`);
  generate(mergeCount, mergeCorpus);
  const halves = ['1/2', '2/2'].map((slice, index) => {
    const out = join(work, `merge-shard-${index + 1}`);
    build(mergeCorpus, out, all, ['--shard', slice]);
    return out;
  });
  const merge = timed([cli, 'merge', ...halves, '--out', join(work, 'merged')]);
  const single = results.find((result) => result.count === mergeCount);
  return { count, shards, generated, shard, merge, mergeCount, single: single?.full };
}

const seconds = (ms) => fmt(ms / 1000, 1);
const mib = (kib) => fmt(kib / 1024);
const percent = (part, whole) => `${fmt((part / whole) * 100, 1)}%`;

function provinceReport(p, pdfMs) {
  if (!p) return '';
  const shardGuides = Math.ceil(p.count / p.shards);
  const shardS = p.shard.ms / 1000;
  const mergeS = ((p.merge.ms / 1000) * p.count) / p.mergeCount;
  const lines = [
    `\n### A province of ${fmt(p.count)} guides (\`--shard\`, \`merge\`)\n`,
    `Generated by \`node scripts/corpus.mjs --count ${p.count}\` in ${seconds(p.generated.ms)} s, ` +
      `${fmt(p.generated.bytes / 2 ** 30, 2)} GiB on disk.\n`,
    '| what | wall | peak RSS |',
    '| --- | ---: | ---: |',
    `| \`baihua build <${fmt(p.count)} guides> --shard 1/${p.shards} --targets web,mobile,bundle\` (${fmt(shardGuides)} guides rendered, every summary read) | ${seconds(p.shard.ms)} s | ${mib(p.shard.rssKiB)} MiB |`,
  ];
  if (p.single)
    lines.push(
      `| the same targets, a whole catalog of ${fmt(p.mergeCount)} guides (above) | ${seconds(p.single.ms)} s | ${mib(p.single.rssKiB)} MiB |`,
    );
  lines.push(
    `| \`baihua merge\` of a ${fmt(p.mergeCount)}-guide catalog built as 2 shards | ${seconds(p.merge.ms)} s | ${mib(p.merge.rssKiB)} MiB |`,
    '',
  );
  // A shard's time: a part that grows with the whole catalog (reading every guide's summary, the
  // catalog pass, start-up) and a part that grows with the guides it renders.
  const perGuide = p.single ? p.single.ms / 1000 / p.mergeCount : undefined;
  if (perGuide !== undefined) {
    const fixed = Math.max(0, shardS - perGuide * shardGuides);
    const budget = 900 - fixed - mergeS;
    const machines = (perGuideS) => Math.ceil((perGuideS * p.count) / budget);
    lines.push(
      `Arithmetic for a 15-minute (900 s) build of ${fmt(p.count)} guides, one shard per machine of this kind ` +
        `(${cpus().length} cores), all shards at once, then one merge:\n`,
      `- rendering: the ${fmt(p.mergeCount)}-guide build took ${seconds(p.single.ms)} s, ` +
        `r = ${fmt(perGuide * 1000, 1)} ms a guide;`,
      `- what every shard pays for the whole catalog: ${seconds(p.shard.ms)} s − ${fmt(shardGuides)} × r = ` +
        `C = ${fmt(fixed, 1)} s;`,
      `- merge, linear in the guides: ${seconds(p.merge.ms)} s × ${fmt(p.count / p.mergeCount)} = M = ${fmt(mergeS, 1)} s;`,
    );
    if (budget <= 0)
      lines.push(
        `- C + M = ${fmt(fixed + mergeS)} s is over 900 s: no number of shards builds it in 15 minutes this way.`,
      );
    else {
      lines.push(
        `- C + r × ${fmt(p.count)} / n + M ≤ 900 s ⇒ n ≥ ${fmt(perGuide * p.count)} / ${fmt(budget)} ⇒ ` +
          `**n = ${machines(perGuide)}: ${machines(perGuide)} machines** for web, mobile and bundle;`,
      );
      if (pdfMs)
        lines.push(
          `- with print, p = ${fmt(pdfMs)} ms a PDF more a guide (above): n ≥ (r + p) × ${fmt(p.count)} / ${fmt(budget)} ⇒ ` +
            `**n = ${machines(perGuide + pdfMs / 1000)} machines**.`,
        );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function siteReport(m) {
  const rows = [];
  const ratioRows = [];
  for (const r of m.results) {
    const web = median(r.sideBySide.web.map((run) => run.ms));
    const webCpu = median(r.sideBySide.web.map((run) => run.cpuMs));
    const webRss = median(r.sideBySide.web.map((run) => run.rssKiB));
    const lint = median(r.sideBySide.lint.map((run) => run.ms));
    const row = (what, run, extra = '| | |') =>
      `| ${fmt(r.count)} | ${what} | ${seconds(run.ms)} s | ${seconds(run.cpuMs)} s | ${mib(run.rssKiB)} MiB ${extra}`;
    rows.push(
      `| ${fmt(r.count)} | web (median of ${m.rounds}) | ${seconds(web)} s | ${seconds(webCpu)} s | ${mib(webRss)} MiB | | |`,
      ...Object.entries(r.targets).map(([target, run]) => row(target, run)),
    );
    if (r.print)
      rows.push(
        row(
          'print (a PDF per guide, one Chromium)',
          r.print.full,
          `| | ${seconds(r.print.oneChanged.ms)} s (${percent(r.print.oneChanged.ms, r.print.full.ms)}) |`,
        ),
      );
    else rows.push(`| ${fmt(r.count)} | print | not measured (see below) | | | | |`);
    rows.push(
      row(
        `${r.all.join(', ')} in one build`,
        r.full,
        `| ${seconds(r.unchanged.ms)} s (${percent(r.unchanged.ms, r.full.ms)}) | ` +
          `${seconds(r.oneChanged.ms)} s (${percent(r.oneChanged.ms, r.full.ms)}), ${mib(r.oneChanged.rssKiB)} MiB |`,
      ),
    );
    const lintCpu = median(r.sideBySide.lint.map((run) => run.cpuMs));
    const eleventyMs = median(r.sideBySide.eleventy.map((run) => run.ms));
    const eleventyCpu = median(r.sideBySide.eleventy.map((run) => run.cpuMs));
    ratioRows.push(
      `| ${fmt(r.count)} | ${seconds(web)} s (${seconds(webCpu)} s) | ${seconds(lint)} s (${seconds(lintCpu)} s) | ` +
        `${seconds(web - lint)} s (${seconds(webCpu - lintCpu)} s) | ${seconds(eleventyMs)} s (${seconds(eleventyCpu)} s) | ` +
        `${mib(median(r.sideBySide.eleventy.map((run) => run.rssKiB)))} MiB | ` +
        `**${fmt(median(r.sideBySide.ratio), 2)}** (${fmt(median(r.sideBySide.cpuRatio), 2)}) |`,
    );
  }
  const printed = m.results.find((r) => r.print);
  const perPdf = (time) =>
    printed && (printed.print.full[time] - median(printed.sideBySide.lint.map((run) => run[time]))) / printed.count;
  const pdfRate = perPdf('ms');
  return `
## Site build at scale (issue 16, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

Catalogs generated by \`node scripts/corpus.mjs --count N\`; \`baihua build <catalog> --out DIR --targets …
--site-url ${SITE_URL}\` as a user runs it, each in a process of its own under \`/usr/bin/time\` (peak
RSS: the largest process, the build's with its worker threads, not Chromium's added; CPU time: the
build's and, for print, Chromium's processes). Every
full build writes into a fresh directory; the rebuilds write into the full build's \`--out\`.

| guides | targets | full build | CPU (user + system) | peak RSS | rebuild, nothing changed | rebuild, one guide's summary changed |
| ---: | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
${
  pdfRate
    ? `\nPrint is measured on catalogs of up to ${fmt(m.printUpTo)} guides: ${fmt(pdfRate)} ms a PDF ` +
      `(the print build less the lint, over ${fmt(printed.count)} guides; CPU ${fmt(perPdf('cpuMs'))} ms), ` +
      `so ${fmt(10_000)} guides would take about ` +
      `${fmt((pdfRate * 10_000) / 60_000)} minutes of PDFs on this machine.\n`
    : ''
}
### The web target side by side with Eleventy

Eleventy ${JSON.parse(readFileSync(join(eleventyPackage, 'package.json'), 'utf8')).version} (\`eleventy --input=src --output=DIR --quiet\`,
a process of its own) renders the same Markdown bodies, with the fields the web page shows (title,
summary, key facts, conditions, materials, steps, time limits and fees, places, FAQ, department,
review date: as Baihua's \`guideView\` words them) as YAML front matter, through a Nunjucks layout
with the same head and sections and an index page by department and category. Baihua's build also
lints every guide first (the catalog rules included), writes the search index and JSON-LD.
${m.rounds} rounds, alternating which runs first; medians; wall time, CPU time in brackets; ratio = Baihua ÷
Eleventy, the median of the rounds' ratios (of CPU times in brackets).

| guides | \`baihua build --targets web\` | \`baihua lint\` alone | build less lint | Eleventy | Eleventy peak RSS | ratio |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${ratioRows.join('\n')}
${provinceReport(m.province, pdfRate)}
Load average (1 min) at the start and end of the run: ${fmt(m.load[0], 2)}, ${fmt(m.load[1], 2)}.

Command: \`pnpm -s build && node scripts/bench/site.mjs --sizes ${m.sizes.join(',')} --rounds ${m.rounds} --print-up-to ${m.printUpTo}${
    m.province ? ` --province --province-count ${m.province.count} --shards ${m.province.shards}` : ''
  }\` (\`pnpm bench:site\` with the defaults: \`--sizes 1000,10000 --rounds 3 --print-up-to 1000\`).
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      rounds: { type: 'string', default: '3' },
      'print-up-to': { type: 'string', default: '1000' },
      province: { type: 'boolean', default: false },
      'province-count': { type: 'string', default: '200000' },
      shards: { type: 'string', default: '20' },
    },
  });
  const measured = await measureSite({
    sizes: values.sizes.split(',').map(Number),
    rounds: Number(values.rounds),
    printUpTo: Number(values['print-up-to']),
    province: values.province && { count: Number(values['province-count']), shards: Number(values.shards) },
  });
  console.log(siteReport(measured));
}
