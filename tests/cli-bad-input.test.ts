/**
 * Files that are not guides at all: empty, binary, wrongly encoded, huge, hostile YAML, directories
 * and missing paths. Each gives exactly one finding (or one stderr line), the right exit code,
 * without a stack trace, and without writing anything. How fast is measured by `pnpm bench` (bad
 * input), not here: a test never depends on how busy the machine is; `runCli`'s timeout guards hangs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, guidesDir, runCli, scratch } from './helpers.js';
import { expectNoStackTrace, lintJson, snapshotTree, stylishOne, type JsonResult } from './cli-test-utils.js';

const GUIDE = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'));

interface BadFile {
  name: string;
  /** path given on the command line, relative to the scratch directory */
  path: string;
  create(dir: string): void;
  /** exact stdout (stylish) for files that are linted */
  stdout?: string;
  /** exact stderr for paths that cannot be linted */
  stderr?: string;
  code: 1 | 2;
}

function put(dir: string, path: string, bytes: Uint8Array | string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), bytes);
}

const TEN_MB = 10 * 1024 * 1024;

const cases: BadFile[] = [
  {
    name: 'an empty file',
    path: '户籍/empty.md',
    create: (dir) => put(dir, '户籍/empty.md', ''),
    stdout: stylishOne(
      '户籍/empty.md',
      '1:1',
      'error',
      '文件是空的。可以运行 baihua init guide --id <标识> --title <事项名称> 生成一份指南模板',
      'syntax/empty',
    ),
    code: 1,
  },
  {
    name: 'a file of blank lines',
    path: '户籍/blank.yaml',
    create: (dir) => put(dir, '户籍/blank.yaml', '\n  \n\t\n'),
    stdout: stylishOne(
      '户籍/blank.yaml',
      '1:1',
      'error',
      '文件是空的。可以运行 baihua init guide --id <标识> --title <事项名称> 生成一份指南模板',
      'syntax/empty',
    ),
    code: 1,
  },
  {
    name: 'a binary file (0x00 at the start of line 3)',
    path: '户籍/photo.md',
    // 24 bytes of text, then a NUL: byte 25, line 3, column 1
    create: (dir) =>
      put(
        dir,
        '户籍/photo.md',
        Buffer.concat([Buffer.from('---\nid: id-card-renewal\n'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00])]),
      ),
    stdout: stylishOne(
      '户籍/photo.md',
      '3:1',
      'error',
      '这是二进制文件，不是文本（第 25 个字节是 0x00），不能作为指南检查',
      'syntax/encoding',
    ),
    code: 1,
  },
  {
    name: 'GBK bytes after valid UTF-8 on line 3',
    path: '户籍/gbk.md',
    // "title: 换领" is 7 + 6 bytes after 24 bytes of lines 1–2: the bad byte is byte 38, line 3 column 10
    create: (dir) =>
      put(
        dir,
        '户籍/gbk.md',
        Buffer.concat([
          Buffer.from('---\nid: id-card-renewal\ntitle: 换领'),
          Buffer.from([0xc7, 0xeb]),
          Buffer.from('居民身份证\n---\n\n## 办理前请确认\n'),
        ]),
      ),
    stdout: stylishOne(
      '户籍/gbk.md',
      '3:10',
      'error',
      '文件不是 UTF-8 编码（第 38 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码',
      'syntax/encoding',
    ),
    code: 1,
  },
  {
    name: 'a 10 MB file',
    path: '户籍/huge.md',
    create: (dir) => {
      const huge = Buffer.alloc(TEN_MB, 0x20);
      GUIDE.copy(huge, 0);
      for (let at = GUIDE.length; at + GUIDE.length < TEN_MB; at += GUIDE.length) GUIDE.copy(huge, at);
      put(dir, '户籍/huge.md', huge);
    },
    stdout: stylishOne(
      '户籍/huge.md',
      '1:1',
      'error',
      '文件太大（10.0 MB），指南文件不能超过 128 KB。一份指南通常不到 50 KB，请确认是不是放错了文件',
      'syntax/too-large',
    ),
    code: 1,
  },
  {
    name: 'a YAML alias bomb in the front matter',
    path: '户籍/alias-bomb.md',
    create: (dir) => put(dir, '户籍/alias-bomb.md', readFileSync(join(fixturesDir, 'bad-input/户籍/alias-bomb.md'))),
    // line 8 is `x-b: &b [*a, …]`: the first alias that expands
    stdout: stylishOne(
      '户籍/alias-bomb.md',
      '8:10',
      'error',
      '别名（*）展开的次数太多（超过 50 次），这个文件可能是恶意构造的。请直接写出内容，不要用 & 和 * 引用',
      'syntax/yaml',
    ),
    code: 1,
  },
  {
    name: 'a directory named x.md, given explicitly',
    path: 'x.md',
    create: (dir) => mkdirSync(join(dir, 'x.md')),
    stderr: 'x.md: 这个目录里没有指南文件（.md 或 .yaml）\n',
    code: 2,
  },
  {
    name: 'an empty directory',
    path: '草稿',
    create: (dir) => mkdirSync(join(dir, '草稿')),
    stderr: '草稿: 这个目录里没有指南文件（.md 或 .yaml）\n',
    code: 2,
  },
  {
    name: 'a path that does not exist',
    path: '户籍/no-such-guide.md',
    create: (dir) => mkdirSync(join(dir, '户籍')),
    stderr: '户籍/no-such-guide.md: 找不到这个文件或目录\n',
    code: 2,
  },
];

describe('bad input', () => {
  for (const bad of cases) {
    describe(bad.name, () => {
      it('gives exactly one finding or one stderr line, the right exit code, without a stack trace', () => {
        const dir = scratch();
        bad.create(dir);
        const run = runCli(['lint', bad.path], { cwd: dir });
        expect(run.code).toBe(bad.code);
        if (bad.stdout !== undefined) {
          expect(run.report).toBe(bad.stdout);
          expect(run.stderr).toBe('');
        } else {
          expect(run.report).toBe('');
          expect(run.stderr).toBe(bad.stderr);
        }
        expectNoStackTrace(run);
      });

      it('writes nothing, even with --fix', () => {
        const dir = scratch();
        bad.create(dir);
        const before = snapshotTree(dir);
        const plain = runCli(['lint', bad.path], { cwd: dir });
        const fix = runCli(['lint', '--fix', bad.path], { cwd: dir });
        expect(plain.code).toBe(bad.code);
        expect(fix.code).toBe(bad.code);
        expect(fix.report).toBe(plain.stdout);
        expect(fix.stderr).toBe(plain.stderr);
        expect(snapshotTree(dir)).toEqual(before);
      });
    });
  }

  it('reports encoding problems as fatal errors with the exact position in JSON', () => {
    const dir = scratch();
    cases.find((bad) => bad.path === '户籍/gbk.md')!.create(dir);
    const { run, results } = lintJson(['户籍/gbk.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0]!.messages).toEqual([
      {
        ruleId: 'syntax/encoding',
        severity: 2,
        message: '文件不是 UTF-8 编码（第 38 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 10,
        fatal: true,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    expect(results[0]!.fatalErrorCount).toBe(1);
  });

  it('lints the good guides in a directory and reports only the bad one', () => {
    const dir = scratch();
    put(dir, '户籍/id-card-renewal.md', GUIDE);
    cases.find((bad) => bad.path === '户籍/gbk.md')!.create(dir);
    mkdirSync(join(dir, '户籍/x.md'));
    const run = runCli(['lint', '户籍'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.report).toBe(
      stylishOne(
        '户籍/gbk.md',
        '3:10',
        'error',
        '文件不是 UTF-8 编码（第 38 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码',
        'syntax/encoding',
      ),
    );
  });

  it('a directory named x.md inside a linted directory is not taken for a guide', () => {
    const dir = scratch();
    put(dir, '户籍/id-card-renewal.md', GUIDE);
    mkdirSync(join(dir, '户籍/x.md'));
    const run = runCli(['lint', '户籍'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.report).toBe('✔ 检查了 1 份指南，没有发现问题\n');
    expect(run.code).toBe(0);
  });

  it('GBK bytes on standard input get the same finding, named after --stdin-filename', () => {
    const dir = scratch();
    const bytes = Buffer.concat([
      Buffer.from('---\nid: id-card-renewal\ntitle: 换领'),
      Buffer.from([0xc7, 0xeb]),
      Buffer.from('居民身份证\n---\n'),
    ]);
    const run = runCli(['lint', '--stdin', '--stdin-filename', '户籍/gbk.md'], { cwd: dir, input: bytes });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.report).toBe(
      stylishOne(
        '户籍/gbk.md',
        '3:10',
        'error',
        '文件不是 UTF-8 编码（第 38 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码',
        'syntax/encoding',
      ),
    );
    expect(snapshotTree(dir)).toEqual({});
  });

  it('10 MB on standard input is refused as too large', () => {
    const dir = scratch();
    const run = runCli(['lint', '--stdin', '--stdin-filename', '户籍/huge.md'], {
      cwd: dir,
      input: Buffer.alloc(TEN_MB, 0x61),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    // Read only up to the limit: how much more there was is not known.
    expect(run.report).toBe(
      stylishOne(
        '户籍/huge.md',
        '1:1',
        'error',
        '文件太大（超过 128 KB），指南文件不能超过 128 KB。一份指南通常不到 50 KB，请确认是不是放错了文件',
        'syntax/too-large',
      ),
    );
  });
});

/**
 * A real guide whose front matter has one field nested `depth` flow sequences deep (~2×depth bytes);
 * optionally with an ordinary inline directive on its last field, as real guides have.
 */
function deeplyNested(depth: number, withDirective = false): string {
  const text = GUIDE.toString('utf8').replace(
    'title: 换领居民身份证\n',
    `title: 换领居民身份证\nx-levels: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  );
  return withDirective
    ? text.replace('owner: 东湖分局户政科 陈立', 'owner: 东湖分局户政科 陈立 # baihua-disable-line schema/unknown-key')
    : text;
}

describe('deeply nested YAML (10 KB of brackets)', () => {
  for (const withDirective of [false, true]) {
    it(`is one syntax finding on that line, not an internal error${withDirective ? ' (with a baihua-disable-line comment)' : ''}`, () => {
      const dir = scratch();
      put(dir, '户籍/deep.md', deeplyNested(5000, withDirective));
      const before = snapshotTree(dir);
      const run = runCli(['lint', '-f', 'json', '户籍/deep.md'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const results = JSON.parse(run.stdout) as JsonResult[];
      expect(results[0]!.messages).toHaveLength(1);
      const [message] = results[0]!.messages;
      expect(message).toMatchObject({ ruleId: 'syntax/yaml', severity: 2, fatal: true, line: 7 });
      // somewhere in the value after `x-levels: `
      expect(message!.column).toBeGreaterThanOrEqual(11);
      expectNoStackTrace(run);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }
});

describe('hostile Markdown bodies', () => {
  const guide = GUIDE.toString('utf8');
  const lines = guide.split('\n').length;

  it('a run of thousands of * is refused at its place, and the fields are still checked', () => {
    const dir = scratch();
    put(dir, '户籍/stars.md', `${guide}\n${'*'.repeat(8000)}深${'*'.repeat(8000)}\n`);
    const run = runCli(['lint', '户籍/stars.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      stylishOne(
        '户籍/stars.md',
        `${lines + 1}:1`,
        'error',
        '这里连着写了 8000 个 * 或 _，正文无法解析。加粗只要两边各两个 *，请删去多余的符号',
        'syntax/markdown',
      ),
    );
  });

  it('a large body of nested lists that would make the parser crawl is refused at its 2,001st list item', () => {
    const dir = scratch();
    let body = '';
    while (Buffer.byteLength(guide + body) < 120 * 1024) body += `${'1. '.repeat(7)}办理\n`;
    put(dir, '户籍/lists.md', `${guide}\n${body}`);
    const before = snapshotTree(dir);
    const run = runCli(['lint', '户籍/lists.md'], { cwd: dir });
    expect(run.code).toBe(1);
    // The guide's own 12 items and 284 lines of 7 make 2,000: the next line's first marker is one too many.
    const message =
      '正文里的列表项超过了 2000 项，正文无法解析。一份指南通常不到 100 项，请检查是不是粘贴了数据或多写了列表符号';
    expect(run.report).toBe(stylishOne('户籍/lists.md', `${lines + 285}:1`, 'error', message, 'syntax/markdown'));
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a large ordinary body still parses', () => {
    const dir = scratch();
    const body = guide.split(/^---$/m).slice(2).join('---');
    let text = guide;
    while (Buffer.byteLength(text) < 50 * 1024) text += body;
    put(dir, '户籍/long.md', text);
    // Not bad input: it parses in full (the plain-language rules then load their dictionary),
    // however busy the machine: no limit on the body depends on time.
    const run = runCli(['lint', '户籍/long.md'], { cwd: dir });
    expect(run.report).toBe('✔ 检查了 1 份指南，没有发现问题\n');
  });
});
