/**
 * Files a careless or hostile pull request can bring: devices and FIFOs under a guide's name, an
 * endless standard input, symlinks that lead out of the project or round in a loop, templates that
 * are links to system files, and ids that would become paths. Each is refused with one line (or
 * one finding) and nothing is read from, or written to, outside the project.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidesDir, repoRoot, runCli, scratch, startCli } from './helpers.js';
import { expectNoStackTrace, lintJson, snapshotTree, stylishOne } from './cli-test-utils.js';

const GUIDE = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');
const CONFIG = 'baihua.config.yaml';

/** A project with one good guide in `guides/户籍/` and a `.git` directory, as a clone has. */
function project(): string {
  const dir = scratch();
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'guides/户籍'), { recursive: true });
  writeFileSync(join(dir, 'guides/户籍/id-card-renewal.md'), GUIDE);
  return dir;
}

describe('files that never end or never arrive', () => {
  it('a guide that is a symlink to /dev/zero is refused before a byte is read, in a directory or named', () => {
    const dir = project();
    symlinkSync('/dev/zero', join(dir, 'guides/户籍/zero.md'));
    const message =
      '这是指向项目以外的符号链接（/dev/zero）。为了不把项目以外的文件内容带进检查报告，不读取它：请把指南文件复制到项目里';
    for (const path of ['guides', 'guides/户籍/zero.md']) {
      const run = runCli(['lint', path], { cwd: dir });
      expect(run.stderr).toBe(`guides/户籍/zero.md: ${message}\n`);
      expect(run.code).toBe(2);
      expectNoStackTrace(run);
    }
  });

  it('a FIFO named on the command line is refused at once instead of waiting for a writer', () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, 'guides/户籍/pipe.md')]);
    const run = runCli(['lint', 'guides/户籍/pipe.md'], { cwd: dir });
    expect(run.stderr).toBe('guides/户籍/pipe.md: 这是一个管道（FIFO），不是普通文件：读它会一直等下去\n');
    expect(run.code).toBe(2);
  });

  it('a standard input that never ends is read up to the size limit and reported as too large', async () => {
    const dir = scratch();
    const { child, finished } = startCli(['lint', '--stdin', '--stdin-filename', 'x.md'], { cwd: dir });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const feed = () => {
      while (child.stdin.writable && child.stdin.write(chunk));
    };
    child.stdin.on('drain', feed);
    child.stdin.on('error', () => {}); // EPIPE once the reader has had enough
    feed();
    const run = await finished;
    expect(run.report).toBe(
      stylishOne(
        'x.md',
        '1:1',
        'error',
        '文件太大（超过 128 KB），指南文件不能超过 128 KB。一份指南通常不到 50 KB，请确认是不是放错了文件',
        'syntax/too-large',
      ),
    );
    expect(run.code).toBe(1);
  });
});

describe('the lint cache is only a speed-up', () => {
  it('a cache path that is a FIFO is not waited on, and a read-only cache does not stop the report', () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, '.baihuacache')]);
    const fifo = runCli(['lint', '--cache', 'guides'], { cwd: dir });
    expect([fifo.code, fifo.stderr, fifo.report]).toEqual([0, '', '✔ 检查了 1 份指南，没有发现问题\n']);
    expect(lstatSync(join(dir, '.baihuacache')).isFIFO()).toBe(true);
    const readOnly = join(dir, 'readonly-cache');
    writeFileSync(readOnly, '{}');
    chmodSync(readOnly, 0o444);
    const run = runCli(['lint', '--cache', '--cache-location', 'readonly-cache', 'guides'], { cwd: dir });
    expect([run.code, run.stderr, run.report]).toEqual([0, '', '✔ 检查了 1 份指南，没有发现问题\n']);
    expect(readFileSync(readOnly, 'utf8')).toBe('{}');
  });
});

describe('symlinks', () => {
  it('a symlink loop inside guides/ reads every guide once: no false duplicate ids', () => {
    const dir = project();
    symlinkSync('.', join(dir, 'guides/loop'));
    const { run, results } = lintJson(['guides'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(results.map((result) => result.filePath)).toEqual([join(dir, 'guides/户籍/id-card-renewal.md')]);
    expect(results[0]!.messages).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('a guide reached through a symlinked directory and by its own path is linted once, by its own path', () => {
    const dir = project();
    symlinkSync('户籍', join(dir, 'guides/hukou'));
    const { results } = lintJson(['guides'], { cwd: dir });
    expect(results.map((result) => result.filePath)).toEqual([join(dir, 'guides/户籍/id-card-renewal.md')]);
  });

  it('a guide that is a symlink to a file outside the project is refused, and its text is never printed', () => {
    const dir = project();
    const outside = scratch();
    writeFileSync(join(outside, 'secret.md'), '---\nid: 私钥内容-ABCDEF\n---\n');
    symlinkSync(join(outside, 'secret.md'), join(dir, 'guides/户籍/secret.md'));
    const run = runCli(['lint', 'guides'], { cwd: dir });
    expect(run.stderr).toBe(
      `guides/户籍/secret.md: 这是指向项目以外的符号链接（${join(outside, 'secret.md')}）。为了不把项目以外的文件内容带进检查报告，不读取它：请把指南文件复制到项目里\n`,
    );
    expect(run.stdout).not.toContain('ABCDEF');
    expect(run.code).toBe(2);
  });

  it('a symlink to another guide of the same repository is followed', () => {
    const dir = project();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/passport.md'), readFileSync(join(guidesDir, '出入境/passport-application.md')));
    symlinkSync('../../shared/passport.md', join(dir, 'guides/户籍/passport.md'));
    const { run, results } = lintJson(['guides'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(results.map((result) => result.filePath)).toEqual([
      join(dir, 'guides/户籍/id-card-renewal.md'),
      join(dir, 'guides/户籍/passport.md'),
    ]);
  });
});

describe('templates are read only from inside their directory', () => {
  /** A project whose configuration names a copy of the site templates. */
  function portal(): string {
    const dir = project();
    cpSync(join(repoRoot, 'templates/site'), join(dir, 'portal'), { recursive: true });
    writeFileSync(join(dir, CONFIG), 'root: true\nextends: [recommended]\ntemplates: portal\n');
    return dir;
  }

  it('a stylesheet in the templates that is a symlink to /etc/passwd is refused, and nothing is published', () => {
    const dir = portal();
    const css = join(dir, 'portal/assets/web.css');
    execFileSync('rm', [css]);
    symlinkSync('/etc/passwd', css);
    const run = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(run.stderr).toBe(
      'portal/assets/web.css: 模板目录里的这个文件指向模板目录以外（/etc/passwd），不会使用它：请把文件本身复制到模板目录里\n',
    );
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('a templates directory that is a symlink out of the configuration’s directory is a configuration error', () => {
    const dir = project();
    const elsewhere = scratch();
    cpSync(join(repoRoot, 'templates/site'), join(elsewhere, 'site'), { recursive: true });
    symlinkSync(join(elsewhere, 'site'), join(dir, 'portal'));
    writeFileSync(join(dir, CONFIG), 'root: true\nextends: [recommended]\ntemplates: portal\n');
    const run = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(run.stderr).toBe(
      `${join(dir, CONFIG)}:3:1: 配置错误：templates 要指向本配置文件所在目录里的模板目录，现在是「portal」\n`,
    );
    expect(run.code).toBe(2);
  });

  it('--templates that is a symlink out of the project is a usage error', () => {
    const dir = project();
    symlinkSync(join(repoRoot, 'templates/site'), join(dir, 'site'));
    const run = runCli(['build', 'guides', '--out', 'dist', '--templates', 'site', '--targets', 'web'], { cwd: dir });
    expect(run.stderr).toBe('baihua: --templates 要指向项目里的目录，现在是 site\n');
    expect(run.code).toBe(2);
  });
});

describe('a configuration names files only inside its project', () => {
  it('a preset path out of the project is refused, and the file it names is not read', () => {
    const dir = project();
    const outside = scratch();
    writeFileSync(join(outside, 'secrets.yaml'), 'DEPLOY_TOKEN: abc123\n');
    writeFileSync(
      join(dir, 'guides', CONFIG),
      `root: true\nextends: [recommended, ${join(outside, 'secrets.yaml')}]\n`,
    );
    const run = runCli(['lint', 'guides'], { cwd: dir });
    expect(run.stderr).toBe(
      `${join(dir, 'guides', CONFIG)}:2:24: 配置错误：预设「${join(outside, 'secrets.yaml')}」在项目以外（${join(outside, 'secrets.yaml')}）：只能继承项目里的文件、内置预设或 npm 包\n`,
    );
    expect(run.stderr).not.toContain('DEPLOY_TOKEN');
    expect(run.code).toBe(2);
  });

  it('a catalog that reaches out of the project is refused', () => {
    const dir = project();
    const outside = scratch();
    writeFileSync(join(outside, 'other.md'), GUIDE.replace('id: id-card-renewal', 'id: other'));
    writeFileSync(join(dir, 'guides', CONFIG), `root: true\nextends: [recommended]\ncatalog: ['.', '${outside}']\n`);
    const run = runCli(['lint', 'guides'], { cwd: dir });
    expect(run.stderr).toBe(
      `${join(dir, 'guides', CONFIG)}:3:1: 配置错误：catalog 找到的 ${join(outside, 'other.md')} 在项目以外：catalog 只能列出项目里的指南\n`,
    );
    expect(run.code).toBe(2);
  });
});

describe('ids become file names only when they are file names', () => {
  it('with schema/format off, an id that climbs out of --out is refused by the renderer and nothing is written', () => {
    const dir = project();
    writeFileSync(join(dir, CONFIG), 'root: true\nextends: [recommended]\nrules:\n  schema/format: off\n');
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    const escaping = `../../../../../../../..${victim}/PWNED`;
    writeFileSync(join(dir, 'guides/户籍/id-card-renewal.md'), GUIDE.replace('id: id-card-renewal', `id: ${escaping}`));
    const before = snapshotTree(dir);
    const run = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web,mobile,print'], {
      cwd: dir,
      env: { BAIHUA_CHROMIUM: '/nonexistent' },
    });
    expect(run.stderr).toBe(
      `guides/户籍/id-card-renewal.md:3:5: id「${escaping}」不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal\n`,
    );
    expect(run.code).toBe(2);
    expect(readdirSync(victim)).toEqual([]);
    // The lint ran before the renderer refused the id: its cache is kept, in Baihua's builds folder.
    expect(readdirSync(join(dir, '.dist.builds'))).toEqual(['lint-cache']);
    rmSync(join(dir, '.dist.builds'), { recursive: true });
    expect(snapshotTree(dir)).toEqual(before);
  });
});
