/**
 * `baihua lint` options: exit codes, standard input, --fix/--fix-dry-run, --max-warnings, --quiet
 * and colours.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixturesDir, guidesDir, repoRoot, runCli, scratch } from './helpers.js';
import { brief, expectNoStackTrace, lintJson, snapshotTree } from './cli-test-utils.js';

const ORIGINAL = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');
/** the id-card guide with `copies: 一份` (schema/type, fixable) on line 29 */
const COPIES_FIXTURE = join(fixturesDir, 'options/户籍/id-card-renewal.md');
/** the id-card guide with `<b>免费</b>` on line 128: two markdown/no-html warnings */
const HTML_FIXTURE = join(fixturesDir, 'options/户籍/html-warning.md');
/** the id-card guide with an unknown key (75), a heading jump (126) and an h1 (132) */
const CONFIG_FIXTURE = join(fixturesDir, 'config/户籍/id-card-renewal.md');

const HTML_OPEN = '正文里不要写 HTML 标签（<b>）：生成网页时会被去掉。请改用 Markdown，如加粗写 **文字**';
const HTML_CLOSE = '正文里不要写 HTML 标签（</b>）：生成网页时会被去掉。请改用 Markdown，如加粗写 **文字**';

/** stylish output for the two no-html findings of HTML_FIXTURE (the first message padded to the second's width) */
function htmlReport(path: string, severity: 'error' | 'warning'): string {
  const level = severity.padEnd(7);
  const summary = severity === 'error' ? '✖ 2 个问题（2 个错误，0 个警告）' : '✖ 2 个问题（0 个错误，2 个警告）';
  return `${path}\n  128:5   ${level}  ${HTML_OPEN}   markdown/no-html\n  128:10  ${level}  ${HTML_CLOSE}  markdown/no-html\n\n${summary}\n`;
}

const ESC = '\u001b[';
const stripAnsi = stripVTControlCharacters;

describe('exit codes', () => {
  it('0 when no guide has errors', () => {
    const run = runCli(['lint', 'guides']);
    expect(run.stderr).toBe('');
    expect(run.report).toBe('✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n');
    expect(run.code).toBe(0);
  });

  it('0 when there are only warnings', () => {
    const run = runCli(['lint', HTML_FIXTURE]);
    expect(run.report).toBe(htmlReport('tests/fixtures/options/户籍/html-warning.md', 'warning'));
    expect(run.code).toBe(0);
  });

  it('1 when a guide has an error', () => {
    const run = runCli(['lint', COPIES_FIXTURE]);
    expect(run.stderr).toBe('');
    expect(run.report).toBe(
      'tests/fixtures/options/户籍/id-card-renewal.md\n' +
        '  29:13  error    材料「原居民身份证」的份数(copies)应为数字，现在是“一份”  schema/type\n' +
        '\n' +
        '✖ 1 个问题（1 个错误，0 个警告）\n' +
        '  其中 1 个错误、0 个警告可以用 --fix 自动修复\n',
    );
    expect(run.code).toBe(1);
  });

  const usageErrors: Array<{ name: string; args: string[]; stderr: string }> = [
    {
      name: 'an unknown option',
      args: ['lint', '--frobnicate', 'guides'],
      stderr: 'baihua: 不认识的选项 --frobnicate（加 --help 查看用法）\n',
    },
    {
      name: 'a bad --format',
      args: ['lint', '-f', 'xml', 'guides'],
      stderr:
        'baihua: 选项 -f, --format <格式> 的值「xml」不对，可用的有 stylish、json、sarif、github、markdown、junit、checkstyle、gitlab、rdjson（加 --help 查看用法）\n',
    },
    {
      name: 'an unknown command',
      args: ['check', 'guides'],
      stderr:
        'baihua: 不认识的命令 check，可用的有 lint、build、merge、serve、dict、stats、report、explain、lsp、init、import、export（加 --help 查看用法）\n',
    },
    {
      name: 'a path that does not exist',
      args: ['lint', 'guides/户籍/no-such-guide.md'],
      stderr: 'guides/户籍/no-such-guide.md: 找不到这个文件或目录\n',
    },
    {
      name: 'a file that is not a guide',
      args: ['lint', 'package.json'],
      stderr: 'package.json: 不是指南文件：指南应是 .md 或 .yaml 文件\n',
    },
    {
      name: 'a --config file that does not exist',
      args: ['lint', '-c', 'no-such.config.yaml', 'guides'],
      stderr: 'baihua: 找不到配置文件 no-such.config.yaml\n',
    },
    {
      name: 'a bad --max-warnings',
      args: ['lint', '--max-warnings', '两个', 'guides'],
      stderr: 'baihua: --max-warnings 要写一个不小于 0 的整数，现在是「两个」\n',
    },
    {
      name: 'a negative --max-warnings',
      args: ['lint', '--max-warnings', '-1', 'guides'],
      stderr: 'baihua: --max-warnings 要写一个不小于 0 的整数，现在是「-1」\n',
    },
    {
      name: '--stdin with paths',
      args: ['lint', '--stdin', 'guides'],
      stderr: 'baihua: 用了 --stdin 就不要再写文件路径；用 --stdin-filename 说明它是哪个文件\n',
    },
    {
      name: 'a bad --concurrency',
      args: ['lint', '--concurrency', '0', 'guides'],
      stderr: 'baihua: --concurrency 要写 auto、off 或一个正整数，现在是「0」\n',
    },
    {
      name: '--stdin-filename without --stdin',
      args: ['lint', '--stdin-filename', 'guides/户籍/x.md', 'guides'],
      stderr: 'baihua: --stdin-filename 要和 --stdin 一起用\n',
    },
  ];
  for (const usage of usageErrors) {
    it(`2 for ${usage.name}`, () => {
      const run = runCli(usage.args, { input: '' });
      expect(run.report).toBe('');
      expect(run.stderr).toBe(usage.stderr);
      expect(run.code).toBe(2);
      expectNoStackTrace(run);
    });
  }

  it('0 for --help and --version', () => {
    const help = runCli(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法： baihua lint \[选项\] \[路径\.\.\.\]\n/);
    expect(help.stdout).toContain('--max-warnings <n>');
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.report).toBe(
      `${JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')).version}\n`,
    );
  });
});

describe('--stdin', () => {
  /** A project whose 户籍 directory turns markdown/no-html into an error. */
  function project(): string {
    const dir = scratch();
    writeFileSync(join(dir, 'baihua.config.yaml'), 'root: true\nextends: [recommended]\n');
    mkdirSync(join(dir, 'guides/户籍'), { recursive: true });
    mkdirSync(join(dir, 'guides/交通'), { recursive: true });
    writeFileSync(join(dir, 'guides/户籍/baihua.config.yaml'), 'rules:\n  markdown/no-html: error\n');
    // A clean guide really at the stdin filename: it must not be what is linted.
    writeFileSync(join(dir, 'guides/户籍/x.md'), ORIGINAL);
    return dir;
  }

  it('lints standard input as if it were --stdin-filename, with that path’s configuration and the stdin text’s positions', () => {
    const dir = project();
    const before = snapshotTree(dir);
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'guides/户籍/x.md'], {
      cwd: dir,
      input: readFileSync(HTML_FIXTURE),
    });
    expect(run.stderr).toBe('');
    expect(run.report).toBe(htmlReport('guides/户籍/x.md', 'error'));
    expect(run.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('the same text named into another directory gets that directory’s configuration', () => {
    const dir = project();
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'guides/交通/x.md'], {
      cwd: dir,
      input: readFileSync(HTML_FIXTURE),
    });
    expect(run.report).toBe(htmlReport('guides/交通/x.md', 'warning'));
    expect(run.code).toBe(0);
  });

  it('positions count from the first line of standard input', () => {
    const dir = project();
    const text = '---\nid: id-card-renewal\n---\n\n请带<b>户口簿</b>。\n';
    const { run, results } = lintJson(['--stdin', '--stdin-filename', 'guides/户籍/x.md'], { cwd: dir, input: text });
    expect(run.code).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0]!.filePath).toBe(join(dir, 'guides/户籍/x.md'));
    const html = results[0]!.messages.filter((message) => message.ruleId === 'markdown/no-html');
    expect(
      html.map((message) => [message.line, message.column, message.endLine, message.endColumn, message.severity]),
    ).toEqual([
      [5, 3, 5, 6, 2],
      [5, 9, 5, 13, 2],
    ]);
  });

  it('--fix with --stdin is a usage error that points to --fix-dry-run', () => {
    const dir = project();
    const before = snapshotTree(dir);
    const run = runCli(['lint', '--stdin', '--fix', '--stdin-filename', 'guides/户籍/x.md'], {
      cwd: dir,
      input: readFileSync(COPIES_FIXTURE),
    });
    expect(run.code).toBe(2);
    expect(run.report).toBe('');
    expect(run.stderr).toBe(
      'baihua: --fix 不能和 --stdin 一起用：请改用 --fix-dry-run，修复后的内容在 --format json 的 output 里\n',
    );
    expect(run.stderr).toContain('--fix-dry-run');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--fix-dry-run -f json returns the fixed text in output and writes nothing', () => {
    const dir = project();
    const before = snapshotTree(dir);
    const { run, results } = lintJson(['--stdin', '--fix-dry-run', '--stdin-filename', 'guides/户籍/x.md'], {
      cwd: dir,
      input: readFileSync(COPIES_FIXTURE),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(results).toHaveLength(1);
    expect(results[0]!.output).toBe(ORIGINAL);
    expect(results[0]!.messages).toEqual([]);
    expect(results[0]!.errorCount).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--fix-dry-run without anything to fix has no output field', () => {
    const dir = project();
    const { run, results } = lintJson(['--stdin', '--fix-dry-run', '--stdin-filename', 'guides/交通/x.md'], {
      cwd: dir,
      input: ORIGINAL,
    });
    expect(run.code).toBe(0);
    expect(results[0]!.messages).toEqual([]);
    expect(results[0]).not.toHaveProperty('output');
  });
});

describe('--fix and --fix-dry-run on files', () => {
  it('--fix-dry-run on a file reports the fixed text and leaves the file alone', () => {
    const dir = scratch();
    cpSync(COPIES_FIXTURE, join(dir, 'id-card-renewal.md'));
    const before = snapshotTree(dir);
    const { run, results } = lintJson(['--fix-dry-run', 'id-card-renewal.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(results[0]!.output).toBe(ORIGINAL);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'id-card-renewal.md'))).toEqual(readFileSync(COPIES_FIXTURE));
  });

  it('--fix writes the fixed text back and exits 0', () => {
    const dir = scratch();
    cpSync(COPIES_FIXTURE, join(dir, 'id-card-renewal.md'));
    const run = runCli(['lint', '--fix', 'id-card-renewal.md'], { cwd: dir });
    expect(run.report).toBe('✔ 检查了 1 份指南，没有发现问题\n');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'id-card-renewal.md'), 'utf8')).toBe(ORIGINAL);
  });
});

describe('--max-warnings', () => {
  it('0 with warnings fails with exit 1 and says why', () => {
    const run = runCli(['lint', '--max-warnings', '0', HTML_FIXTURE]);
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      `${htmlReport('tests/fixtures/options/户籍/html-warning.md', 'warning')}\n警告有 2 个，超过了 --max-warnings 0\n`,
    );
  });

  it('is a limit: as many warnings as allowed pass, one more fails', () => {
    expect(runCli(['lint', '--max-warnings', '2', HTML_FIXTURE]).code).toBe(0);
    expect(runCli(['lint', '--max-warnings', '1', HTML_FIXTURE]).code).toBe(1);
  });

  it('0 on clean guides passes', () => {
    const run = runCli(['lint', '--max-warnings', '0', 'guides']);
    expect(run.code).toBe(0);
    expect(run.report).toBe('✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n');
  });

  it('with -f json, exits 1 and keeps stdout pure JSON', () => {
    const { run, results } = lintJson(['--max-warnings', '0', HTML_FIXTURE]);
    expect(run.code).toBe(1);
    expect(results[0]!.warningCount).toBe(2);
  });
});

describe('--quiet', () => {
  it('hides warnings and keeps errors', () => {
    const run = runCli(['lint', '--quiet', CONFIG_FIXTURE]);
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      'tests/fixtures/config/户籍/id-card-renewal.md\n' +
        '  132:1  error    正文不用一级标题（#）：页面标题来自 title 字段。请改成 ## 办理小贴士  markdown/no-h1\n' +
        '\n' +
        '✖ 1 个问题（1 个错误，0 个警告）\n',
    );
  });

  it('with only warnings, reports a clean guide and exits 0', () => {
    const run = runCli(['lint', '--quiet', HTML_FIXTURE]);
    expect(run.report).toBe('✔ 检查了 1 份指南，没有发现问题\n');
    expect(run.code).toBe(0);
  });

  it('leaves only errors in -f json', () => {
    const { results } = lintJson(['--quiet', CONFIG_FIXTURE]);
    expect(results[0]!.messages.map(brief)).toEqual([
      '132:1 error markdown/no-h1 正文不用一级标题（#）：页面标题来自 title 字段。请改成 ## 办理小贴士',
    ]);
    expect(results[0]!.warningCount).toBe(0);
  });
});

describe('colours', () => {
  it('none when stdout is not a TTY', () => {
    for (const args of [
      ['lint', CONFIG_FIXTURE],
      ['lint', 'guides'],
      ['explain', 'markdown/no-html'],
    ]) {
      const run = runCli(args);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toContain(ESC);
      expect(run.stderr).not.toContain(ESC);
    }
  });

  it('--color forces them, around the same text', () => {
    const plain = runCli(['lint', CONFIG_FIXTURE]);
    const colored = runCli(['lint', '--color', CONFIG_FIXTURE]);
    expect(colored.code).toBe(1);
    expect(colored.stdout).toContain(`${ESC}4mtests/fixtures/config/户籍/id-card-renewal.md${ESC}24m`);
    expect(colored.stdout).toContain(`${ESC}33mwarning${ESC}39m`);
    expect(colored.stdout).toContain(`${ESC}31merror  ${ESC}39m`);
    expect(stripAnsi(colored.stdout)).toBe(plain.stdout);
  });

  it('--color wins over NO_COLOR; --no-color turns them off', () => {
    const forced = runCli(['lint', '--color', 'guides'], { env: { NO_COLOR: '1' } });
    expect(forced.report).toBe(`${ESC}32m✔${ESC}39m 检查了 21 份指南和 2 件一件事，没有发现问题\n`);
    const off = runCli(['lint', '--no-color', CONFIG_FIXTURE]);
    expect(off.stdout).not.toContain(ESC);
  });
});
