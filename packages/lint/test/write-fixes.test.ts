/**
 * Writing fixes back (`writeFixes`, what `baihua lint --fix` does after linting): a guide edited
 * between the lint and the write keeps the edit; a write that fails is a finding, not the end of
 * the run; a new file gets the usual mode.
 */
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileAccessError } from '@baihua/core';
import { lintBytes, lintFiles, recommendedConfig, writeFileAtomic, writeFixes, WriteSkipped } from '@baihua/lint';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const BEFORE = `${readFileSync(join(repoRoot, 'guides/户籍/id-card-renewal.md'), 'utf8')}\n工作人员会进行审核,审核通过后当场受理。\n`;
const AFTER = BEFORE.replace('进行审核,', '审核，');

const scratch = mkdtempSync(join(tmpdir(), 'baihua-write-fixes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const findings = (
  messages: Array<{ line: number; column: number; severity: number; ruleId: string; message: string }>,
) =>
  messages.map(
    (message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId} ${message.message}`,
  );

describe('writeFixes', () => {
  it('skips a guide that changed after it was linted, keeps the new text, and reports the text on disk', async () => {
    const path = join(scratch, 'edited.md');
    writeFileSync(path, BEFORE);
    const results = await lintFiles({ patterns: [path], fix: true, concurrency: 'off' });
    expect(results[0]!.output).toBe(AFTER);
    // The clerk's editor saves a new line while --fix runs.
    appendFileSync(path, '办好后短信通知您。\n');
    const written = writeFixes(results);
    expect(readFileSync(path, 'utf8')).toBe(`${BEFORE}办好后短信通知您。\n`);
    expect(written[0]!.output).toBeUndefined();
    expect(findings(written[0]!.messages)).toEqual([
      '1:1 1 fix/not-written 没有写入修复：文件在检查之后又被改过或删掉了（可能是编辑器保存了新内容），为了不覆盖新内容，没有写入',
      '146:6 1 plain/nominalization 「进行审核」多了一个虚化动词，直接用后面的动词更清楚：改为「审核」',
      '146:10 1 plain/typography 中文里要用全角标点：把「,」改为「，」',
    ]);
    expect([written[0]!.warningCount, written[0]!.errorCount, written[0]!.fixableWarningCount]).toEqual([3, 0, 2]);
  });

  it('writes the unchanged guide and passes its result through', async () => {
    const path = join(scratch, 'unchanged.md');
    writeFileSync(path, BEFORE);
    const results = await lintFiles({ patterns: [path], fix: true, concurrency: 'off' });
    const written = writeFixes(results);
    expect(readFileSync(path, 'utf8')).toBe(AFTER);
    expect(written).toEqual(results);
  });

  it('reports a guide that vanished before the write as not written, and goes on with the next', async () => {
    const gone = join(scratch, 'gone.md');
    const next = join(scratch, 'next.md');
    writeFileSync(gone, BEFORE.replace('id: id-card-renewal', 'id: gone'));
    writeFileSync(next, BEFORE.replace('id: id-card-renewal', 'id: next'));
    const results = await lintFiles({ patterns: [gone, next], fix: true, concurrency: 'off' });
    rmSync(gone);
    const written = writeFixes(results);
    expect(findings(written[0]!.messages)).toEqual([
      '1:1 1 fix/not-written 没有写入修复：文件在检查之后又被改过或删掉了（可能是编辑器保存了新内容），为了不覆盖新内容，没有写入',
    ]);
    expect(readFileSync(next, 'utf8')).toBe(AFTER.replace('id: id-card-renewal', 'id: next'));
  });
});

describe('writeFileAtomic', () => {
  it('gives a new file the mode any new file gets, and refuses to replace a read-only one', () => {
    const path = join(scratch, 'report.json');
    const umask = process.umask(0o027);
    try {
      writeFileAtomic(path, '[]');
    } finally {
      process.umask(umask);
    }
    expect(statSync(path).mode & 0o777).toBe(0o640);
    writeFileSync(path, 'old');
    chmodSync(path, 0o444);
    expect(() => writeFileAtomic(path, 'new')).toThrow(WriteSkipped);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('names the reason when it cannot write', () => {
    const path = join(scratch, 'no-such-dir/report.json');
    expect(() => writeFileAtomic(path, '[]')).toThrow(new FileAccessError(path, '无法写入：所在目录不存在'));
  });
});

describe('what --fix may rewrite', () => {
  it('offers no fix in a file that could not be read whole: text that looks like prose may be fields', () => {
    // A blank line before `---`: the front matter is not found, and the fields read as Markdown.
    const text = `\n${BEFORE}`;
    const result = lintBytes('guide.md', Buffer.from(text), { config: recommendedConfig(), fix: true });
    expect(result.output).toBeUndefined();
    expect(result.messages.filter((message) => message.fix)).toEqual([]);
    // The fields' colons read as Chinese prose: fixing them would break the front matter.
    const typography = new Set(
      result.messages.filter((message) => message.ruleId === 'plain/typography').map((message) => message.message),
    );
    expect([...typography].sort()).toEqual([
      '中文里要用全角标点：把「,」改为「，」',
      '中文里要用全角标点：把「:」改为「：」',
    ]);
  });

  it('keeps a second U+FEFF at the start as text while it fixes', () => {
    const text = `\ufeff\ufeff${BEFORE}`;
    const result = lintBytes('guide.md', Buffer.from(text), { config: recommendedConfig(), fix: true });
    expect(result.output).toBeUndefined(); // the second one hides the front matter: no fixes
    const once = lintBytes('guide.md', Buffer.from(`\ufeff${BEFORE}`), { config: recommendedConfig(), fix: true });
    expect(once.output).toBe(`\ufeff${AFTER}`);
  });
});
