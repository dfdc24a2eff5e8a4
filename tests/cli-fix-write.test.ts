/**
 * `baihua lint --fix` writes a guide back as it was, with only the fixed words changed: its mode,
 * BOM, line endings and symlinks stay; a read-only file, or a folder it may not write into, is
 * reported and skipped, and the run goes on.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, guidesDir, runCli, scratch } from './helpers.js';
import { brief, lintJson } from './cli-test-utils.js';

/** The example guide with one sentence that has two safe fixes, at line 146. */
const BEFORE = `${readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8')}\n工作人员会进行审核,审核通过后当场受理。\n`;
const AFTER = BEFORE.replace('工作人员会进行审核,审核通过后当场受理。', '工作人员会审核，审核通过后当场受理。');
const UNFIXED = [
  '146:6 warning plain/nominalization 「进行审核」多了一个虚化动词，直接用后面的动词更清楚：改为「审核」',
  '146:10 warning plain/typography 中文里要用全角标点：把「,」改为「，」',
];

const mode = (path: string) => statSync(path).mode & 0o7777;

describe('--fix keeps the file as it was', () => {
  it.each([
    ['0600', 0o600],
    ['0640', 0o640],
    ['0755', 0o755],
    ['0664', 0o664],
  ])('keeps mode %s (a private guide stays private)', (_name, fileMode) => {
    const dir = scratch();
    const path = join(dir, 'guide.md');
    writeFileSync(path, BEFORE);
    chmodSync(path, fileMode);
    const run = runCli(['lint', '--fix', 'guide.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(AFTER);
    expect(mode(path)).toBe(fileMode);
  });

  it('keeps the BOM and CRLF line endings', () => {
    const dir = scratch();
    const path = join(dir, 'guide.md');
    writeFileSync(path, `\ufeff${BEFORE.replaceAll('\n', '\r\n')}`);
    runCli(['lint', '--fix', 'guide.md'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe(`\ufeff${AFTER.replaceAll('\n', '\r\n')}`);
  });

  it('writes a symlinked guide through its link: the link stays, its target is fixed', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/guide.md'), BEFORE);
    symlinkSync('shared/guide.md', join(dir, 'guide.md'));
    const run = runCli(['lint', '--fix', 'guide.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'guide.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'guide.md'))).toBe('shared/guide.md');
    expect(readFileSync(join(dir, 'shared/guide.md'), 'utf8')).toBe(AFTER);
  });

  it('leaves a read-only (0444) guide alone with a warning, and fixes the others', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.md'), BEFORE);
    writeFileSync(join(dir, 'b.md'), BEFORE.replace('id: id-card-renewal', 'id: id-card-renewal-b'));
    chmodSync(join(dir, 'a.md'), 0o444);
    const { run, results } = lintJson(['--fix', 'a.md', 'b.md'], { cwd: dir, env: {} });
    expect(run.stderr).toBe('');
    expect(results[0]!.messages.filter((message) => !message.ruleId.startsWith('catalog/')).map(brief)).toEqual([
      '1:1 warning fix/not-written 没有写入修复：文件是只读的，没有写入。要写入请先取消只读（chmod u+w）',
      ...UNFIXED,
    ]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BEFORE);
    expect(mode(join(dir, 'a.md'))).toBe(0o444);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(AFTER.replace('id: id-card-renewal', 'id: id-card-renewal-b'));
    expect(results[1]!.messages.filter((message) => !message.ruleId.startsWith('catalog/'))).toEqual([]);
  });

  it('in a folder it may not write into, reports each guide as not written, goes on, and leaves no temporary file', () => {
    // Root may write anywhere: the run is made as `nobody` when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    const dir = scratch();
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    for (const name of ['a.md', 'b.md'])
      writeFileSync(join(locked, name), BEFORE.replace('id: id-card-renewal', `id: id-card-${name[0]}`));
    if (asRoot) {
      for (const name of ['a.md', 'b.md']) chownSync(join(locked, name), 65534, 65534);
    }
    chmodSync(locked, 0o555);
    const command = asRoot
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
      : [process.execPath];
    const result = spawnSync(command[0]!, [...command.slice(1), cliPath, 'lint', '-f', 'json', '--fix', 'locked'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as Array<{
      messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number }>;
    }>;
    for (const fileResult of results) {
      expect(
        fileResult.messages
          .filter((message) => !message.ruleId.startsWith('catalog/'))
          .map(
            (message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId} ${message.message}`,
          ),
      ).toEqual([
        '1:1 2 fix/not-written 没有写入修复：无法写入：没有写入权限（目录或文件不允许写）',
        ...UNFIXED.map((line) => line.replace(' warning ', ' 1 ')),
      ]);
    }
    expect(result.status).toBe(1);
    expect(readdirSync(locked).sort()).toEqual(['a.md', 'b.md']);
  });
});
