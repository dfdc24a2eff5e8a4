/**
 * `baihua build` at scale, as a user and a CI matrix run it: byte-identical builds however the
 * guides were rendered (one thread, worker threads, shards merged), a rebuild that renders only
 * what changed, a build killed while it renders, and progress lines in a log.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { TARGETS } from '@baihua/render';
import { describe, expect, it } from 'vitest';
import { guidesDir, repoRoot, runCli, scratch, startCli } from './helpers.js';
import { snapshotTree } from './cli-test-utils.js';

/** Every target: PDFs are compared in cli-build.test.ts; here the print pages are, without a browser. */
const ALL = ['--targets', TARGETS.join(',')];
const NO_BROWSER = (dir: string) => ({ BAIHUA_CHROMIUM: join(dir, 'no-such-browser') });
const CHROMIUM_MISSING =
  '✖ 生成打印版 PDF 需要 Chromium：请运行 apt-get install -y chromium fonts-noto-cjk，或者设置环境变量 BAIHUA_CHROMIUM 为浏览器的路径\n';

/** A project holding the example guides in guides/, or a generated catalog of `count` guides. */
function project(count?: number): string {
  const dir = scratch();
  mkdirSync(join(dir, '.git'));
  if (count === undefined) cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
  else
    execFileSync(process.execPath, [
      join(repoRoot, 'scripts/corpus.mjs'),
      '--count',
      String(count),
      '--out',
      join(dir, 'guides'),
    ]);
  return dir;
}

/** Every file of a site (the link `--out` followed) with its contents. */
function contents(site: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(site, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(site);
  return files;
}

/** The paths whose contents differ between two sites, or that only one has. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}

/** A guide's own files: its page of each target and its record. */
const guideFiles = (id: string) =>
  [
    `.baihua/guides/${id}.json`,
    `bundle/guides/${id}.json`,
    `mobile/${id}.html`,
    `print/${id}.html`,
    `web/guides/${id}.html`,
  ].sort();
const CATALOG_PAGES = ['bundle/manifest.json', 'web/index.html'];
const SEARCH_FOLDERS = /^(web|bundle)\/search\//;
/** The files that differ outside the search index; the index's own changes are checked apart. */
const changedOutsideSearch = (paths: string[]) => paths.filter((path) => !SEARCH_FOLDERS.test(path));

/** The summary of a build without a browser; `journeys` is how many 一件事 the catalog has. */
const summary = (guides: number, rendered: number, pages: string, out = 'dist', journeys = 0) =>
  `✔ 生成了 ${guides} 份指南（重新生成 ${rendered} 份，沿用 ${guides - rendered} 份）${journeys ? `和 ${journeys} 件一件事` : ''}：${pages} → ${out}\n${CHROMIUM_MISSING}`;

describe('two builds of the same guides', () => {
  it('are byte-identical in every file of every target, in one thread or on worker threads', () => {
    const dir = project();
    const env = NO_BROWSER(dir);
    const one = runCli(['build', 'guides', '--out', 'one', ...ALL, '--concurrency', 'off'], { cwd: dir, env });
    const two = runCli(['build', 'guides', '--out', 'two', ...ALL, '--concurrency', '2'], { cwd: dir, env });
    expect([one.code, one.stderr]).toEqual([1, '']);
    expect(two.stdout).toBe(summary(21, 21, 'web 24 页，mobile 23 页，print 23 页，bundle 21 份', 'two', 2));
    const site = contents(join(dir, 'one'));
    expect(Object.keys(site)).toContain('web/index.html');
    expect(Object.keys(site)).toContain('.baihua/guides/id-card-renewal.json');
    expect(Object.keys(site)).toContain('.baihua/journeys/newborn.json');
    expect(contents(join(dir, 'two'))).toEqual(site);
  });
});

describe('a rebuild after one guide changed', () => {
  const dir = project(48);
  const env = NO_BROWSER(dir);
  const build = () => runCli(['build', 'guides', '--out', 'dist', ...ALL], { cwd: dir, env });
  const pages = 'web 49 页，mobile 48 页，print 48 页，bundle 48 份';
  const guidePath = (id: string) => {
    const found = readdirSync(join(dir, 'guides'), { recursive: true, encoding: 'utf8' }).find(
      (path) => /\/[^/]+-\d+\.(md|yaml)$/.test(path) && path.replace(/\.(md|yaml)$/, '').endsWith(`/${id}`),
    );
    return join(dir, 'guides', found!);
  };
  const edit = (id: string, from: string, to: string) => {
    const text = readFileSync(guidePath(id), 'utf8');
    expect(text).toContain(from);
    writeFileSync(guidePath(id), text.replace(from, to));
  };

  it('renders nothing when nothing changed, and writes the same site', () => {
    expect(build().stdout).toBe(summary(48, 48, pages));
    const before = contents(join(dir, 'dist'));
    expect(build().stdout).toBe(summary(48, 0, pages));
    expect(contents(join(dir, 'dist'))).toEqual(before);
  });

  it('renders that guide again, and of the rest only the catalog pages change', () => {
    const before = contents(join(dir, 'dist'));
    edit('passport-application-2', '7个工作日内办好', '7个工作日内办好（加急3个工作日）');
    expect(build().stdout).toBe(summary(48, 1, pages));
    const after = contents(join(dir, 'dist'));
    expect(changedOutsideSearch(changed(before, after))).toEqual(
      [...guideFiles('passport-application-2'), ...CATALOG_PAGES].sort(),
    );
    // Of the search index, the chunks holding the new words change, the same in both copies, not the rest.
    const searchChanges = (folder: string) =>
      changed(before, after)
        .filter((path) => path.startsWith(folder))
        .map((path) => path.slice(folder.length));
    const webChanges = searchChanges('web/search/');
    expect(webChanges.some((path) => path.startsWith('terms/'))).toBe(true);
    expect(searchChanges('bundle/search/')).toEqual(webChanges);
    const chunks = Object.keys(after).filter((path) => path.startsWith('web/search/terms/'));
    expect(webChanges.filter((path) => path.startsWith('terms/')).length).toBeLessThan(chunks.length);
  });

  it('a new title renders again the guides that list it as related', () => {
    const before = contents(join(dir, 'dist'));
    const listing = Object.keys(before)
      .filter((path) => path.startsWith('.baihua/guides/'))
      .map((path) => path.slice('.baihua/guides/'.length, -'.json'.length))
      .filter((id) => readFileSync(guidePath(id), 'utf8').includes('id-card-renewal-2'))
      .filter((id) => id !== 'id-card-renewal-2');
    expect(listing.length).toBeGreaterThan(0);
    edit('id-card-renewal-2', 'title: 换领居民身份证', 'title: 换领第二代居民身份证');
    expect(build().stdout).toBe(summary(48, 1 + listing.length, pages));
    expect(changedOutsideSearch(changed(before, contents(join(dir, 'dist'))))).toEqual(
      [
        ...guideFiles('id-card-renewal-2'),
        // Related links are on every channel: each page of the guides that list it changes.
        ...listing.flatMap(guideFiles),
        ...CATALOG_PAGES,
      ].sort(),
    );
  });
});

describe('baihua build --shard and baihua merge', () => {
  const dir = project();
  const env = NO_BROWSER(dir);
  const shard = (index: number, out = `shard-${index}`, more: string[] = []) =>
    runCli(['build', 'guides', '--out', out, ...ALL, '--shard', `${index}/3`, ...more], { cwd: dir, env });

  it('three shards merged are byte-identical to a build on one machine, every file', () => {
    const single = runCli(['build', 'guides', '--out', 'single', ...ALL], { cwd: dir, env });
    expect(single.code).toBe(1);
    expect(shard(1).stdout).toBe(
      `✔ 生成了 第 1/3 片的 5 份指南（重新生成 5 份，沿用 0 份）和 2 件一件事：web 7 页，mobile 7 页，print 7 页，bundle 5 份 → shard-1\n${CHROMIUM_MISSING}`,
    );
    // The journeys are rendered once, by the first shard.
    expect([shard(2).stdout, shard(3).stdout]).toEqual(
      [2, 3].map(
        (index) =>
          `✔ 生成了 第 ${index}/3 片的 8 份指南（重新生成 8 份，沿用 0 份）：web 8 页，mobile 8 页，print 8 页，bundle 8 份 → shard-${index}\n${CHROMIUM_MISSING}`,
      ),
    );
    const merge = runCli(['merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'dist'], { cwd: dir });
    expect([merge.stdout, merge.stderr, merge.code]).toEqual([
      '✔ 合并了 3 片，共 21 份指南和 2 件一件事：web 24 页，mobile 23 页，print 23 页，bundle 21 份 → dist\n',
      '',
      0,
    ]);
    expect(contents(join(dir, 'dist'))).toEqual(contents(join(dir, 'single')));
  });

  const refusals: Array<[string, string[], string]> = [
    ['a missing shard', ['shard-1', 'shard-3'], '缺少第 2/3 片：请先用 baihua build --shard 生成，再一起合并'],
    [
      'a shard given twice',
      ['shard-1', 'shard-2', 'shard-2', 'shard-3'],
      '第 2/3 片给了两次：shard-2 和 shard-2，请每一片只给一次',
    ],
    [
      'a folder that is no shard',
      ['shard-1', 'single', 'shard-3'],
      'single 不是 baihua build --shard 生成的分片（里面没有 .baihua/shard.json）：请给出每一片的 --out 目录',
    ],
    [
      'a shard built with other targets',
      ['shard-1', 'web-only-2', 'shard-3'],
      'web-only-2 和 shard-1 生成时的模板、网站信息（site:）、--targets、--site-url 或 baihua 版本不同：请用同样的设置重新生成所有分片',
    ],
    [
      'a shard of another catalog',
      ['shard-1', 'other-2', 'shard-3'],
      'other-2 和 shard-1 不是同一批指南生成的分片：请在同一个提交上重新生成所有分片',
    ],
  ];
  it.each(refusals)('%s: exit 2, one line, nothing written', (_, shards, message) => {
    if (!existsSync(join(dir, 'web-only-2'))) {
      expect(
        runCli(['build', 'guides', '--out', 'web-only-2', '--targets', 'web', '--shard', '2/3'], { cwd: dir }).code,
      ).toBe(0);
      // Another catalog: one guide fewer, and no longer named as related by the guide that named it.
      cpSync(join(dir, 'guides'), join(dir, 'other'), { recursive: true });
      rmSync(join(dir, 'other/出入境/passport-application.md'));
      const idCard = join(dir, 'other/户籍/id-card-renewal.md');
      const text = readFileSync(idCard, 'utf8');
      expect(text).toContain('related: [passport-application, ');
      writeFileSync(idCard, text.replace('related: [passport-application, ', 'related: ['));
      const built = runCli(['build', 'other', '--out', 'other-2', ...ALL, '--shard', '2/3'], { cwd: dir, env });
      expect([built.code, built.stdout]).toEqual([
        1,
        `✔ 生成了 第 2/3 片的 7 份指南（重新生成 7 份，沿用 0 份）：web 7 页，mobile 7 页，print 7 页，bundle 7 份 → other-2\n${CHROMIUM_MISSING}`,
      ]);
    }
    const run = runCli(['merge', ...shards, '--out', 'merged'], { cwd: dir });
    expect([run.stdout, run.stderr, run.code]).toEqual(['', `baihua: ${message}\n`, 2]);
    expect(existsSync(join(dir, 'merged'))).toBe(false);
  });
});

describe('progress', () => {
  it('in a log (no terminal): a line at every tenth of a large catalog, then the summary', () => {
    const dir = project(120);
    const run = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(run.stderr).toBe(
      Array.from({ length: 10 }, (_, tenth) => `baihua: 已生成 ${(tenth + 1) * 12}/120 份指南\n`).join(''),
    );
    expect(run.stdout).toBe('✔ 生成了 120 份指南（重新生成 120 份，沿用 0 份）：web 121 页 → dist\n');
  });
});

describe('a build killed while it renders', () => {
  it('leaves the last site whole, and the next build removes what it wrote', async () => {
    const dir = project(240);
    const env = NO_BROWSER(dir);
    expect(runCli(['build', 'guides', '--out', 'dist', '--targets', 'web'], { cwd: dir }).code).toBe(0);
    const site = snapshotTree(join(dir, 'dist'));
    const builds = () => readdirSync(join(dir, '.dist.builds')).filter((name) => /^\d+-[0-9a-f]{8}$/.test(name));
    const [first] = builds();
    const killed = startCli(['build', 'guides', '--out', 'dist', ...ALL], { cwd: dir, env });
    // Midway: the new build has rendered some guides (their records are written), not all.
    const rendering = (): boolean => {
      const other = builds().find((name) => name !== first);
      const records = other && join(dir, '.dist.builds', other, '.baihua/guides');
      return records !== undefined && existsSync(records) && readdirSync(records).length > 0;
    };
    while (!rendering()) {
      expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
      expect(killed.child.exitCode, 'the build ended before it could be killed').toBeNull();
      await delay(10);
    }
    killed.child.kill('SIGKILL');
    await killed.finished;
    expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
    expect(builds()).toHaveLength(2);
    const next = runCli(['build', 'guides', '--out', 'dist', ...ALL], { cwd: dir, env });
    expect(next.stdout).toBe(summary(240, 240, 'web 241 页，mobile 240 页，print 240 页，bundle 240 份'));
    expect(builds()).toHaveLength(1);
  });
});
