/**
 * `baihua build --out` never destroys anything of the user's: an `--out` that is, contains or lies
 * in an input, the working directory or the repository is refused; a folder Baihua did not build
 * is never replaced; `--out` is a link switched atomically to a complete build, so a killed build
 * leaves the last site whole and the next build clears its debris; two builds of one `--out` take
 * turns.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmdirSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidesDir, repoRoot, runCli, runCliAsync, scratch, startCli } from './helpers.js';
import { snapshotTree } from './cli-test-utils.js';

const FAST = ['--targets', 'web,mobile'];
/** Whether a guide was rendered or reused depends on the previous build: the count is not what these tests check. */
const BUILT = /^✔ 生成了 21 份指南（重新生成 \d+ 份，沿用 \d+ 份）和 2 件一件事：web 24 页，mobile 23 页 → dist\n$/;
const WAITING = 'baihua: 另一个 baihua build 正在生成 dist，等它完成后再开始…\n';
const MARKER = '.baihua-build';

/** A project as a user has it: the example guides in guides/ and a git repository; inside a scratch folder. */
function project(): { root: string; dir: string } {
  const root = scratch();
  const dir = join(root, 'project');
  cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  return { root, dir };
}

/** The build folders Baihua keeps next to `dist` (and its lock), the lint cache it keeps there left out. */
function builds(dir: string): string[] {
  return readdirSync(join(dir, '.dist.builds'))
    .filter((name) => name !== 'lint-cache')
    .sort();
}

/** The files of the site a build of the example guides (web, mobile) writes, from a build elsewhere. */
let siteFiles: string[];
beforeAll(() => {
  const { dir } = project();
  expect(runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }).code).toBe(0);
  siteFiles = Object.keys(snapshotTree(join(dir, 'dist')));
});

describe('an --out that would replace an input or the project is refused', () => {
  const refusals: [string, string[], string][] = [
    [
      'the guides themselves',
      ['guides', '--out', 'guides'],
      '--out guides 就是输入的指南 guides，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'the working directory',
      ['guides', '--out', '.'],
      '--out . 就是当前目录，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'a folder holding the working directory',
      ['guides', '--out', '..'],
      '--out .. 包含了当前目录，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'a folder inside the guides',
      ['guides', '--out', 'guides/site'],
      '--out guides/site 在输入的指南 guides 里面，生成的网站会和输入混在一起：请换一个 guides 之外的目录，例如 --out dist',
    ],
    [
      'a folder inside the guides, through a symbolic link',
      ['guides', '--out', 'shortcut/site'],
      '--out shortcut/site 在输入的指南 guides 里面，生成的网站会和输入混在一起：请换一个 guides 之外的目录，例如 --out dist',
    ],
    [
      'the guides, through a symbolic link and ..',
      ['guides', '--out', 'into/..'],
      '--out into/.. 就是输入的指南 guides，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'the templates',
      ['guides', '--templates', 'portal', '--out', 'portal'],
      '--out portal 就是模板目录 portal，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'the folder of the configuration file',
      ['guides', '-c', 'config/baihua.config.yaml', '--out', 'config'],
      '--out config 就是配置文件所在的目录 config，生成网站会替换掉它：请换一个新的目录，例如 --out dist',
    ],
    [
      'a file',
      ['guides', '--out', 'notes.txt'],
      '--out notes.txt 是一个文件，不是目录：请换一个 --out，或者自己先删除它',
    ],
  ];
  it.each(refusals)('%s: exit 2, one line, nothing changed', (_, args, message) => {
    const { root, dir } = project();
    cpSync(join(repoRoot, 'templates/site'), join(dir, 'portal'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), '办事指南的修改记录\n');
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/baihua.config.yaml'), 'root: true\nextends: [recommended]\n');
    // Paths that read as folders of the project but are the guides: `into/..` is the parent of
    // the link's target, as the system resolves it, not `.`.
    symlinkSync('guides', join(dir, 'shortcut'));
    symlinkSync('guides/户籍', join(dir, 'into'));
    const before = snapshotTree(root);
    const run = runCli(['build', ...args, ...FAST], { cwd: dir });
    expect(run.stderr).toBe(`baihua: ${message}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('the repository root, from outside it', () => {
    const { root } = project();
    const before = snapshotTree(root);
    const run = runCli(['build', 'project/guides', '--out', 'project', ...FAST], { cwd: root });
    expect(run.stderr).toBe(
      'baihua: --out project 就是仓库的根目录 project（里面有 .git），生成网站会替换掉它：请换一个新的目录，例如 --out dist\n',
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a folder in the project, when the guides are the whole project (baihua build . --out dist)', () => {
    const { dir } = project();
    const run = runCli(['build', '.', '--out', 'dist', ...FAST], { cwd: join(dir, 'guides') });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(BUILT);
    expect(run.code).toBe(0);
  });
});

describe('a folder Baihua did not build is never replaced', () => {
  it('a folder of the user’s: refused, untouched', () => {
    const { root, dir } = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), '<h1>青禾市政务服务</h1>\n');
    const before = snapshotTree(root);
    const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    expect(run.stderr).toBe(
      'baihua: --out dist 不是 baihua build 生成的目录（里面没有标记文件 .baihua-build），为了不删掉您的文件，没有覆盖它：请换一个 --out，或者自己先删除它\n',
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a symbolic link to it: refused, link and folder untouched', () => {
    const { root, dir } = project();
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site/index.html'), '<h1>青禾市政务服务</h1>\n');
    symlinkSync('site', join(dir, 'dist'));
    const before = snapshotTree(root);
    const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    expect(run.stderr).toBe(
      'baihua: --out dist 是一个符号链接，不是 baihua build 建立的，为了不动它指向的文件，没有替换它：请换一个 --out，或者自己先删除这个链接\n',
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
    expect(readlinkSync(join(dir, 'dist'))).toBe('site');
  });

  it('a builds folder that is a link elsewhere: refused, since builds are removed from it', () => {
    const { root, dir } = project();
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(dir, '.dist.builds'));
    const before = snapshotTree(root);
    const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    expect(run.stderr).toBe(
      'baihua: --out dist 旁边的 .dist.builds 不是 baihua build 建立的目录：请换一个 --out，或者自己先删除它\n',
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('an empty folder is taken: nothing in it can be lost', () => {
    const { dir } = project();
    mkdirSync(join(dir, 'dist'));
    const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    expect(run.stdout).toMatch(BUILT);
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(Object.keys(snapshotTree(join(dir, 'dist')))).toEqual(siteFiles);
  });
});

describe('the switch from one build to the next', () => {
  it('a rebuild replaces the site and keeps exactly one build folder, the one --out links to', () => {
    const { root, dir } = project();
    for (let round = 0; round < 2; round++) {
      const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(BUILT);
      expect(run.code).toBe(0);
    }
    const [current, ...others] = builds(dir);
    expect(others).toEqual([]);
    expect(readlinkSync(join(dir, 'dist'))).toBe(join('.dist.builds', current!));
    expect(existsSync(join(dir, 'dist', MARKER))).toBe(true);
    expect(Object.keys(snapshotTree(join(dir, 'dist')))).toEqual(siteFiles);
    expect(readdirSync(dir).sort()).toEqual(['.dist.builds', '.git', 'dist', 'guides']);
    expect(readdirSync(root)).toEqual(['project']);
  });

  it('a build killed while it prints: the last site stays whole at every moment, and the next build clears the debris', async () => {
    const { dir } = project();
    expect(runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }).code).toBe(0);
    const site = snapshotTree(join(dir, 'dist'));
    const [first] = builds(dir);
    const killed = startCli(['build', 'guides', '--out', 'dist'], { cwd: dir });
    // Watch the folder until the new build has printed its first PDF, checking the site each time.
    const printing = (): boolean => {
      const other = builds(dir).find((name) => name !== first && name !== '.lock');
      return (
        other !== undefined &&
        existsSync(join(dir, '.dist.builds', other, 'print')) &&
        readdirSync(join(dir, '.dist.builds', other, 'print')).some((name) => name.endsWith('.pdf'))
      );
    };
    while (!printing()) {
      expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
      expect(killed.child.exitCode, 'the build ended before it could be killed').toBeNull();
      await delay(10);
    }
    killed.child.kill('SIGKILL');
    await killed.finished;
    expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
    expect(builds(dir)).toHaveLength(3); // the site, the killed build, and its lock

    const next = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    // The killed build's lock is taken over once it is stale: the build may say it waits.
    expect(['', WAITING]).toContain(next.stderr);
    expect(next.stdout).toMatch(BUILT);
    expect(next.code).toBe(0);
    expect(builds(dir)).toHaveLength(1);
    expect(readlinkSync(join(dir, 'dist'))).toBe(join('.dist.builds', builds(dir)[0]!));
    expect(Object.keys(snapshotTree(join(dir, 'dist')))).toEqual(siteFiles);
  });

  it('debris of a killed build and its stale lock are cleared; a folder without the marker is left alone', () => {
    const { dir } = project();
    expect(runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }).code).toBe(0);
    const stale = join(dir, '.dist.builds/4242-deadbeef');
    mkdirSync(join(stale, 'web'), { recursive: true });
    writeFileSync(join(stale, MARKER), '');
    writeFileSync(join(stale, 'web/index.html'), '<h1>办事指南</h1>\n');
    mkdirSync(join(dir, '.dist.builds/notes'));
    writeFileSync(join(dir, '.dist.builds/notes/todo.txt'), '不是白话生成的\n');
    mkdirSync(join(dir, '.dist.builds/.lock'));
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, '.dist.builds/.lock'), longAgo, longAgo);
    const run = runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(BUILT);
    expect(run.code).toBe(0);
    const [current] = builds(dir).filter((name) => name !== 'notes');
    expect(builds(dir)).toEqual([current, 'notes'].sort());
    expect(readdirSync(join(dir, '.dist.builds/notes'))).toEqual(['todo.txt']);
  });

  it('a build whose Chromium fails leaves the last site as it was and removes its own folder', () => {
    const { dir } = project();
    expect(runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }).code).toBe(0);
    const site = snapshotTree(join(dir, 'dist'));
    const before = builds(dir);
    const run = runCli(['build', 'guides', '--out', 'dist'], { cwd: dir, env: { BAIHUA_CHROMIUM: '/bin/false' } });
    expect(run.stderr).toBe(
      '/bin/false: Chromium 启动失败，没有生成 PDF：请运行 apt-get install -y chromium fonts-noto-cjk，或者设置环境变量 BAIHUA_CHROMIUM 为浏览器的路径\n',
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
    expect(builds(dir)).toEqual(before);
  });
});

describe('builds of one --out take turns', () => {
  it('two builds started together: both succeed, the site is whole, no debris', async () => {
    const { dir } = project();
    const [one, two] = await Promise.all([
      runCliAsync(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }),
      runCliAsync(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }),
    ]);
    for (const run of [one!, two!]) {
      expect(['', WAITING]).toContain(run.stderr);
      expect(run.stdout).toMatch(BUILT);
      expect(run.code).toBe(0);
    }
    expect(builds(dir)).toHaveLength(1);
    expect(Object.keys(snapshotTree(join(dir, 'dist')))).toEqual(siteFiles);
    expect(readdirSync(dir).sort()).toEqual(['.dist.builds', '.git', 'dist', 'guides']);
  });

  it('a build that finds the output locked says so once, changes nothing, and builds when the lock is released', async () => {
    const { dir } = project();
    expect(runCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir }).code).toBe(0);
    const site = snapshotTree(join(dir, 'dist'));
    const [first] = builds(dir);
    // Hold the lock as a running build does: a folder whose modification time is kept fresh.
    const lock = join(dir, '.dist.builds/.lock');
    mkdirSync(lock);
    const refresh = setInterval(() => utimesSync(lock, new Date(), new Date()), 1000);
    try {
      const waiting = startCli(['build', 'guides', '--out', 'dist', ...FAST], { cwd: dir });
      await expect.poll(waiting.stderr, { timeout: 120_000 }).toBe(WAITING);
      expect(snapshotTree(join(dir, 'dist'))).toEqual(site);
      expect(builds(dir)).toEqual(['.lock', first].sort());
      clearInterval(refresh);
      rmdirSync(lock);
      const run = await waiting.finished;
      expect(run.stderr).toBe(WAITING);
      expect(run.stdout).toMatch(BUILT);
      expect(run.code).toBe(0);
      expect(builds(dir)).toHaveLength(1);
      expect(builds(dir)).not.toEqual([first]);
    } finally {
      clearInterval(refresh);
    }
  });
});
