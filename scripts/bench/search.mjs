#!/usr/bin/env node
// pnpm bench:search (and part of pnpm bench): the site's search on generated catalogs of 1,000 and
// 10,000 guides (scripts/corpus.mjs). The index is built as `baihua build` builds it (guide view,
// jieba's cut for search, searchIndexFiles); then: its size (total and the largest file), the
// bytes one query downloads (the module, meta.json, the term chunks and display groups it fetches,
// a fresh visitor each query: median and p95, raw and gzipped as a server would send JSON), and
// the time a query takes in headless Chromium (median and p95 over 100 queries, each from a cold
// module so it includes loading its files over HTTP from localhost, and again warm).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { findGuideFiles, parseGuide, SourceFile } from '@baihua/core';
import { cutForSearch } from '@baihua/plain';
import {
  CHROMIUM_FLAGS,
  createSearch,
  findChromium,
  guideView,
  searchDocument,
  searchIndexFiles,
  searchModuleSource,
} from '@baihua/render';
import { chromium } from 'playwright-core';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** 100 queries as citizens type them: the relevance tests' phrasings, the guides' aliases, common keywords. */
function benchQueries(guideFiles) {
  const phrasings = [
    '身份证换新',
    '孩子上学',
    '租房公积金',
    '个体户',
    '身份证',
    '户口',
    '换身份证',
    '身份证过期了怎么办',
    '身份证丢了',
    '办护照',
    '第一次出国要办什么',
    '驾照到期',
    '驾驶证换证',
    '12123',
    '开店办营业执照',
    '营业执照',
    '公积金付房租',
    '提取公积金',
    '外地看病报销',
    '异地就医',
    '医保备案',
    '低保',
    '生活困难补助',
    '结婚登记',
    '领结婚证需要什么材料',
    '扯证',
    '个税退税',
    '退税',
    '二手房过户',
    '买房交契税',
    '房产证过户',
    '养老保险',
    '农民交养老保险',
    '小孩读小学报名',
    '幼升小',
    '上小学要什么材料',
    '火锅',
    '钓鱼执照',
    '怎么办理护照',
    '新生儿落户',
  ];
  const aliases = [];
  for (const file of guideFiles) {
    const match = /^aliases: \[(.*)\]$/m.exec(readFileSync(file, 'utf8'));
    if (match) aliases.push(...match[1].split(', '));
  }
  const keywords = [
    '公积金',
    '护照',
    '结婚证',
    '养老金',
    '营业执照',
    '驾驶证',
    '医保',
    '契税',
    '学区',
    '低保金',
    '居住证',
    '体检',
    '工本费',
    '预约',
    '邮寄',
    '户口簿',
    '不动产登记',
    '社保卡',
    '退休',
    '住院',
    '出生证明',
    '租赁合同',
    '临时身份证',
    '网上办理',
  ];
  return [...new Set([...phrasings, ...aliases, ...keywords])].slice(0, 100);
}

/** The index files of a catalog, built one guide at a time (as the build's workers would). */
async function buildIndex(corpus) {
  const files = await findGuideFiles([corpus]);
  const titles = new Map();
  const started = performance.now();
  function* documents() {
    for (const file of files) {
      const view = guideView(parseGuide(new SourceFile(file, readFileSync(file, 'utf8'))), { titles });
      yield searchDocument(view, `guides/${view.id}.html`, cutForSearch);
    }
  }
  const index = searchIndexFiles(documents());
  index.set('search.js', searchModuleSource());
  return { index, guides: files.length, buildMs: performance.now() - started };
}

const percentile = (numbers, share) =>
  [...numbers].sort((a, b) => a - b)[Math.min(numbers.length - 1, Math.floor(numbers.length * share))];

/** Bytes each query fetches, a fresh visitor each time (the module and meta.json included). */
async function downloads(index, queries) {
  const moduleBytes = Buffer.byteLength(index.get('search.js'));
  const moduleGzip = gzipSync(index.get('search.js')).length;
  const raw = [];
  const gzip = [];
  const fetched = [];
  for (const query of queries) {
    let bytes = moduleBytes;
    let zipped = moduleGzip;
    let count = 1;
    const { search } = createSearch(async (path) => {
      const text = index.get(path);
      if (text === undefined) throw new Error(`404 ${path}`);
      bytes += Buffer.byteLength(text);
      zipped += gzipSync(text).length;
      count++;
      return JSON.parse(text);
    });
    await search(query, { limit: 10 });
    raw.push(bytes);
    gzip.push(zipped);
    fetched.push(count);
  }
  return { raw, gzip, fetched };
}

/** Query times in headless Chromium, the index served over HTTP from localhost. */
async function browserTimes(index, queries) {
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname).replace(/^\/search\//, '');
    const body = path === '/' ? '<!DOCTYPE html><title>bench</title>' : index.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    return await page.evaluate(async (queries) => {
      const module = await import('/search/search.js');
      const load = async (path) => (await fetch(`/search/${path}`)).json();
      const cold = [];
      const warm = [];
      for (const query of queries) {
        const { search } = module.createSearch(load);
        let started = performance.now();
        await search(query, { limit: 10 });
        cold.push(performance.now() - started);
        started = performance.now();
        await search(query, { limit: 10 });
        warm.push(performance.now() - started);
      }
      return { cold, warm };
    }, queries);
  } finally {
    await browser.close();
    server.close();
  }
}

export async function measureSearch(counts = [1000, 10000]) {
  const work = mkdtempSync(join(tmpdir(), 'baihua-bench-search-'));
  const queries = benchQueries(await findGuideFiles([join(root, 'guides')]));
  const rows = [];
  try {
    for (const count of counts) {
      const corpus = join(work, `corpus-${count}`);
      spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', corpus], {
        stdio: 'ignore',
      });
      const { index, guides, buildMs } = await buildIndex(corpus);
      const sizes = [...index.values()].map((text) => Buffer.byteLength(text));
      const { raw, gzip, fetched } = await downloads(index, queries);
      const { cold, warm } = await browserTimes(index, queries);
      rows.push({
        guides,
        buildMs,
        files: index.size,
        total: sizes.reduce((sum, size) => sum + size, 0),
        largest: Math.max(...sizes),
        chunks: [...index.keys()].filter((path) => path.startsWith('terms/')).length,
        raw,
        gzip,
        fetched,
        cold,
        warm,
      });
      rmSync(corpus, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { queries: queries.length, rows };
}

const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;

export function searchReport({ queries, rows }) {
  return `### Search (issue 16): index size, bytes per query, query time in Chromium

${queries} citizen queries (the relevance tests' phrasings, the example guides' aliases, common keywords), limit 10, each
from a fresh visitor (the module and meta.json counted). Bytes raw, and gzipped as a server sends JSON.
Chromium: headless, index served from localhost; cold = a new module instance per query (its files
fetched), warm = the same query again.

| guides | index build | files | index total | largest file | bytes/query median (gzip) | p95 (gzip) | files/query median | query cold median / p95 | warm median / p95 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows
  .map(
    (row) =>
      `| ${fmt(row.guides)} | ${fmt(row.buildMs / 1000, 1)} s | ${fmt(row.files)} | ${kb(row.total)} | ${kb(row.largest)} | ` +
      `${kb(median(row.raw))} (${kb(median(row.gzip))}) | ${kb(percentile(row.raw, 0.95))} (${kb(percentile(row.gzip, 0.95))}) | ` +
      `${median(row.fetched)} | ${fmt(median(row.cold), 1)} / ${fmt(percentile(row.cold, 0.95), 1)} ms | ` +
      `${fmt(median(row.warm), 2)} / ${fmt(percentile(row.warm, 0.95), 2)} ms |`,
  )
  .join('\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,10000' } } });
  const result = await measureSearch(values.counts.split(',').map(Number));
  console.log(searchReport(result));
}
