#!/usr/bin/env node
// pnpm bench:pagefind (issue 16): Pagefind's Node API as Baihua's search index, measured the way
// the hand-built index is (scripts/bench/search.mjs), on the 12 example guides and on generated
// catalogs. Each guide's readable text goes in as a custom record, (a) as written, leaving the
// Chinese segmentation to pagefind_extended, and (b) pre-cut by Baihua's jieba into space-separated
// words; (c) is (b) as an HTML record, so that the title, aliases and keywords carry the hand-built
// index's weights (10, 8, 5; a custom record has none); (d) is (c) with the character bigrams of the
// text and of the query added, as the hand-built index does. Queries run in headless Chromium
// against a local server; every response is counted, pagefind.js and its wasm included. Prints a
// Markdown report for BENCHMARKS.md.
// Usage: node scripts/bench/pagefind.mjs [--counts 1000,10000] [--queries 100]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles, parseGuide, SourceFile } from '@baihua/core';
import { inProcessSegmenter } from '@baihua/plain';
import { CHROMIUM_FLAGS, findChromium } from '@baihua/render';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright-core';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    counts: { type: 'string', default: '1000,10000' },
    queries: { type: 'string', default: '100' },
    // A cold query opens a new browser context: on a busy machine, the first N of the queries are enough.
    cold: { type: 'string', default: '100' },
    // Pagefind takes 30–90 s here to index 1,000 guides with their bigrams (3–7 times the words alone).
    'bigram-limit': { type: 'string', default: '1000' },
  },
});
const counts = values.counts.split(',').filter(Boolean).map(Number);
const queryCount = Number(values.queries);
const coldCount = Math.min(Number(values.cold), queryCount);
const bigramLimit = Number(values['bigram-limit']);
const work = mkdtempSync(join(tmpdir(), 'baihua-pagefind-'));

/** A citizen's words and the guide that should come first (issue 16's four, then ours). */
const RELEVANCE = [
  ['身份证换新', 'id-card-renewal'],
  ['孩子上学', 'primary-school-enrollment'],
  ['租房公积金', 'housing-fund-rent-withdrawal'],
  ['个体户', 'individual-business-registration'],
  ['身份证', 'id-card-renewal'],
  ['身份证过期了怎么办', 'id-card-renewal'],
  ['护照', 'passport-application'],
  ['出国办护照', 'passport-application'],
  ['结婚', 'marriage-registration'],
  ['领结婚证要带什么', 'marriage-registration'],
  ['低保', 'minimum-living-allowance'],
  ['家里困难申请补助', 'minimum-living-allowance'],
  ['退休金', 'pension-enrollment'],
  ['养老保险', 'pension-enrollment'],
  ['农村养老保险怎么交', 'pension-enrollment'],
  ['个税退税', 'income-tax-annual-settlement'],
  ['退税', 'income-tax-annual-settlement'],
  ['驾照换证', 'driving-licence-renewal'],
  ['驾照到期了', 'driving-licence-renewal'],
  ['异地就医', 'offsite-medical-filing'],
  ['在外地看病报销', 'offsite-medical-filing'],
  ['二手房过户', 'second-hand-house-transfer'],
  ['买房交契税', 'second-hand-house-transfer'],
  ['营业执照', 'individual-business-registration'],
  ['开个小店', 'individual-business-registration'],
  ['公积金交房租', 'housing-fund-rent-withdrawal'],
  ['一年级报名', 'primary-school-enrollment'],
];

/** What a citizen reads of a guide and its search keywords, in the order the hand-built index weights them. */
function readGuide(path) {
  const parsed = parseGuide(new SourceFile(path, readFileSync(path, 'utf8')));
  const guide = parsed.data;
  const list = (items) =>
    (items ?? []).map((item) => (typeof item === 'string' ? item : Object.values(item).join(' ')));
  const parts = {
    title: guide.title,
    aliases: (guide.aliases ?? []).join(' '),
    keywords: (guide.keywords ?? []).join(' '),
    rest: [
      guide.summary,
      ...list(guide.conditions),
      ...(guide.materials ?? []).map((m) => [m.name, m.situation, m.note].filter(Boolean).join(' ')),
      ...(guide.steps ?? []).map((s) => [s.title, s.how, s.where].filter(Boolean).join(' ')),
      ...(guide.faq ?? []).map((f) => `${f.question} ${f.answer}`),
      ...parsed.texts.filter((span) => span.pointer === '/body').map((span) => span.text),
    ]
      .filter(Boolean)
      .join('\n'),
  };
  return { id: guide.id, department: guide.department, category: guide.category, parts };
}

/** jieba's words joined by spaces: Pagefind then splits on the spaces Baihua chose. */
function segmented(text) {
  return inProcessSegmenter
    .cut([text])[0]
    .filter((word) => word.trim() !== '')
    .join(' ');
}

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Every two adjacent Han characters of each Han run (a one-character run stays): 居民身份证 → 居民 民身 身份 份证. */
function bigrams(text) {
  return (text.match(/\p{Script=Han}+/gu) ?? [])
    .flatMap((run) =>
      run.length === 1 ? [run] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)),
    )
    .join(' ');
}

/**
 * How each variant cuts the indexed text and the query. Pagefind cuts a query with the browser's
 * Intl.Segmenter and wants every term found (AND); `query` runs before that, as a portal's page would.
 */
const MODES = {
  'as written': { segment: (text) => text, query: (text) => text, html: false },
  'jieba words': { segment: segmented, query: (text) => text, html: false },
  'jieba words, weighted': { segment: segmented, query: (text) => text, html: true },
  'jieba words + bigrams, weighted': {
    segment: (text) => `${segmented(text)} ${bigrams(text)}`,
    query: bigrams,
    html: true,
    bigrams: true,
  },
};

async function buildIndex(guides, mode, outputPath) {
  const { segment, html } = MODES[mode];
  segment('预热'); // jieba loads once per process (about a second), not per index
  const started = performance.now();
  const texts = guides.map(({ parts }) => ({
    title: segment(parts.title),
    aliases: segment(parts.aliases),
    keywords: segment(parts.keywords),
    rest: segment(parts.rest),
  }));
  const segmentMs = performance.now() - started;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(errors.join('\n'));
  for (const [position, guide] of guides.entries()) {
    const text = texts[position];
    const url = `/guides/${guide.id}/`;
    const response = html
      ? await index.addHTMLFile({
          url,
          content:
            `<html lang="zh"><body><main data-pagefind-body>` +
            `<h1 data-pagefind-weight="10" data-pagefind-meta="title">${escapeHtml(text.title)}</h1>` +
            `<p data-pagefind-weight="8">${escapeHtml(text.aliases)}</p>` +
            `<p data-pagefind-weight="5">${escapeHtml(text.keywords)}</p>` +
            `<p data-pagefind-filter="department">${escapeHtml(guide.department)}</p>` +
            `<p data-pagefind-filter="category">${escapeHtml(guide.category)}</p>` +
            `<p>${escapeHtml(text.rest)}</p></main></body></html>`,
        })
      : await index.addCustomRecord({
          url,
          language: 'zh',
          content: `${text.title}\n${text.aliases}\n${text.keywords}\n${text.rest}`,
          meta: { title: guide.parts.title },
          filters: { department: [guide.department], category: [guide.category] },
        });
    if (response.errors.length) throw new Error(response.errors.join('\n'));
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await index.deleteIndex();
  return { segmentMs, buildMs: performance.now() - started };
}

/** All files Pagefind wrote (its UI bundles included), and of them the index proper (`.pf_*`). */
function directorySize(dir) {
  const size = { bytes: 0, files: 0, indexBytes: 0, indexFiles: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const bytes = statSync(join(entry.parentPath, entry.name)).size;
    size.bytes += bytes;
    size.files += 1;
    if (/\.pf_\w+$/.test(entry.name)) {
      size.indexBytes += bytes;
      size.indexFiles += 1;
    }
  }
  return size;
}

const CONTENT_TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
/** A static server over `dir`, as a portal would host the index (no compression on top). */
function serve(dir) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const path = join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Search in the page the way a portal does: load the library, search, read the first five results. */
async function pageSearch(page, query) {
  return page.evaluate(async (text) => {
    const started = performance.now();
    window.pagefindModule ??= await import('/pagefind/pagefind.js');
    const search = await window.pagefindModule.search(text);
    const top = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
    return { ms: performance.now() - started, urls: top.map((data) => data.url) };
  }, query);
}

/** What a Pagefind file is for, by its name. */
function fileKind(url) {
  if (/\.pf_fragment$/.test(url)) return 'fragments';
  if (/\.pf_index$/.test(url)) return 'index chunks';
  if (/\.pf_(meta|filter)$/.test(url)) return 'metadata and filters';
  return 'library (pagefind.js, wasm, entry)';
}
const FILE_KINDS = ['library (pagefind.js, wasm, entry)', 'metadata and filters', 'index chunks', 'fragments'];

/** Bytes of every Pagefind response the page receives from now until `total()` is awaited, by kind. */
function countBodies(page) {
  const sizes = [];
  const listener = (response) => {
    const url = response.url();
    if (url.includes('/pagefind/')) sizes.push(response.body().then((body) => [fileKind(url), body.length]));
  };
  page.on('response', listener);
  return {
    async total() {
      page.off('response', listener);
      const byKind = Object.fromEntries(FILE_KINDS.map((kind) => [kind, 0]));
      for (const [kind, size] of await Promise.all(sizes)) byKind[kind] += size;
      return { bytes: Object.values(byKind).reduce((sum, size) => sum + size, 0), byKind };
    },
  };
}

const p95 = (numbers) => [...numbers].sort((a, b) => a - b)[Math.ceil(numbers.length * 0.95) - 1];

/**
 * Cold: a fresh browser context per query, as a citizen's first search (library, wasm, index
 * chunks and fragments all fetched). Warm: one page, the library loaded, the query's own chunks only.
 */
async function measureQueries(browser, origin, queries, transform) {
  const cold = { ms: [], bytes: [], byKind: [] };
  for (const query of queries.slice(0, coldCount)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = countBodies(page);
    await page.goto(`${origin}/`);
    const { ms } = await pageSearch(page, transform(query));
    const { bytes, byKind } = await bodies.total();
    cold.ms.push(ms);
    cold.bytes.push(bytes);
    cold.byKind.push(byKind);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await pageSearch(page, '预热');
  const warm = { ms: [], bytes: [] };
  for (const query of queries) {
    const bodies = countBodies(page);
    const { ms } = await pageSearch(page, transform(query));
    warm.ms.push(ms);
    warm.bytes.push((await bodies.total()).bytes);
  }
  await context.close();
  return { cold, warm };
}

async function measureRelevance(browser, origin, transform) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const misses = [];
  for (const [query, expected] of RELEVANCE) {
    const { urls } = await pageSearch(page, transform(query));
    // Generated catalogs suffix ids with the city's number: id-card-renewal-7 is still a hit.
    const first = urls[0]?.replace(/^\/guides\/(.*?)(-\d+)?\/$/, '$1');
    if (first !== expected) misses.push(`「${query}」→ ${first ?? '（无结果）'}`);
  }
  await context.close();
  return { hits: RELEVANCE.length - misses.length, misses };
}

/** The 100 timed queries: the relevance queries, then the example guides' aliases and keywords. */
function timedQueries(guides) {
  const words = new Set(RELEVANCE.map(([query]) => query));
  for (const path of guides) {
    const { data } = parseGuide(new SourceFile(path, readFileSync(path, 'utf8')));
    for (const word of [...(data.aliases ?? []), ...(data.keywords ?? [])]) words.add(word);
  }
  const all = [...words];
  return Array.from({ length: queryCount }, (_, index) => all[index % all.length]);
}

const examples = (await findGuideFiles([join(root, 'guides')])).sort();
const queries = timedQueries(examples);
const catalogs = [{ name: '12 example guides', files: examples }];
for (const count of counts) {
  const dir = join(work, `corpus-${count}`);
  spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', dir], {
    stdio: ['ignore', 'ignore', 'inherit'], // the report alone on standard output
  });
  catalogs.push({ name: `${fmt(count)} guides`, files: (await findGuideFiles([dir])).sort() });
}

const kb = (bytes) => fmt(bytes / 1024, bytes < 10240 ? 1 : 0);
const tableRow = (row) =>
  `| ${row.catalog} | ${row.mode} | ${fmt(row.buildMs / 1000, 1)} s | ${fmt(row.segmentMs / 1000, 1)} s | ` +
  `${kb(row.size.bytes)} KB (${fmt(row.size.files)}) | ` +
  `${kb(row.size.indexBytes)} KB (${fmt(row.size.indexFiles)}) | ` +
  `${kb(median(row.timing.cold.bytes))} / ${kb(p95(row.timing.cold.bytes))} KB | ` +
  `${fmt(median(row.timing.cold.ms))} / ${fmt(p95(row.timing.cold.ms))} ms | ` +
  `${kb(median(row.timing.warm.bytes))} / ${kb(p95(row.timing.warm.bytes))} KB | ` +
  `${fmt(median(row.timing.warm.ms), 1)} / ${fmt(p95(row.timing.warm.ms), 1)} ms | ` +
  `${row.relevance.hits}/${RELEVANCE.length} |`;
const kindRow = (row) =>
  `| ${row.catalog} | ${row.mode} | ` +
  `${FILE_KINDS.map((kind) => kb(median(row.timing.cold.byKind.map((byKind) => byKind[kind])))).join(' | ')} |`;
const missesLine = (row) => `- ${row.catalog}, ${row.mode}: ${row.relevance.misses.join('，') || '（全对）'}`;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
const rows = [];
for (const catalog of catalogs) {
  const guides = catalog.files.map(readGuide);
  for (const mode of Object.keys(MODES)) {
    if (MODES[mode].bigrams && guides.length > bigramLimit) continue;
    const site = join(work, 'site');
    rmSync(site, { recursive: true, force: true });
    const { segmentMs, buildMs } = await buildIndex(guides, mode, join(site, 'pagefind'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="zh"><meta charset="utf-8"><title>搜索</title>');
    const size = directorySize(join(site, 'pagefind'));
    const server = await serve(site);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const timing = await measureQueries(browser, origin, queries, MODES[mode].query);
    const relevance = await measureRelevance(browser, origin, MODES[mode].query);
    server.close();
    const row = { catalog: catalog.name, mode, segmentMs, buildMs, size, timing, relevance };
    rows.push(row);
    // Each row as soon as it is measured: a long run stopped midway still leaves its numbers.
    console.error(`${tableRow(row)}\n${kindRow(row)}\n${missesLine(row)}`);
  }
}
await browser.close();
await pagefind.close();
rmSync(work, { recursive: true, force: true });

const lines = [
  `Pagefind ${JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')).version} ` +
    '(pagefind_extended), headless Chromium, localhost. Cold = fresh browser context per query (library, ' +
    `wasm, index, first five results), first ${coldCount} queries; warm = same page, library loaded, ` +
    `${queries.length} queries.`,
  '',
  '| catalog | records | index build | of it jieba | all files written (count) | index `.pf_*` (count) | ' +
    'cold query: KB median / p95 | cold ms median / p95 | warm query: KB median / p95 | warm ms median / p95 | ' +
    'first result right |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(tableRow),
  '',
  'What a cold query downloads, by kind of file (KB, median over the queries):',
  '',
  `| catalog | records | ${FILE_KINDS.join(' | ')} |`,
  `| --- | --- | ${FILE_KINDS.map(() => '---:').join(' | ')} |`,
  ...rows.map(kindRow),
  '',
  'First results, where another guide came first:',
  '',
  ...rows.map(missesLine),
];
console.log(lines.join('\n'));
