/**
 * Linting in worker threads (`concurrency`): the same results, in the same order, as linting in
 * this thread, with fixes, the cache and the catalog rules; and errors that keep their meaning.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileAccessError } from '@baihua/core';
import { lintFiles, type LintResult } from '@baihua/lint';
import { afterAll, describe, expect, it } from 'vitest';
import { lintInWorkers, workerCount } from '../src/parallel.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const guidesDir = join(repoRoot, 'guides');
/** the id-card guide with `copies: 一份` (schema/type, fixable) on line 29 */
const copiesFixture = join(repoRoot, 'tests/fixtures/options/户籍/id-card-renewal.md');
/** the id-card guide with `<b>免费</b>` on line 128 (markdown/no-html) */
const htmlFixture = join(repoRoot, 'tests/fixtures/options/户籍/html-warning.md');

const scratch = mkdtempSync(join(tmpdir(), 'baihua-parallel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const brief = (results: LintResult[]) =>
  results.map((result) => ({
    file: result.filePath,
    messages: result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
  }));

describe('workerCount', () => {
  it('lints in this thread when asked to, or when there is one guide', () => {
    expect(workerCount('off', 5000)).toBe(0);
    expect(workerCount(4, 1)).toBe(0);
    expect(workerCount('auto', 1)).toBe(0);
  });

  it('takes a number as given, but never more threads than guides', () => {
    expect(workerCount(1, 100)).toBe(1);
    expect(workerCount(3, 100)).toBe(3);
    expect(workerCount(8, 5)).toBe(5);
  });

  it('starts one worker per 200 guides on its own, up to the number of cores, and never just one', () => {
    expect(workerCount('auto', 12)).toBe(0);
    expect(workerCount('auto', 399)).toBe(0);
    expect(workerCount('auto', 400)).toBe(availableParallelism() >= 2 ? 2 : 0);
    expect(workerCount('auto', 100_000)).toBe(availableParallelism() >= 2 ? availableParallelism() : 0);
  });
});

describe('lintFiles in worker threads', () => {
  const patterns = [guidesDir, htmlFixture, copiesFixture];

  it('gives the results of one thread, file by file and in order, catalog rules included', async () => {
    const inline = await lintFiles({ patterns, cwd: repoRoot, concurrency: 'off' });
    const threaded = await lintFiles({ patterns, cwd: repoRoot, concurrency: 3 });
    expect(threaded).toEqual(inline);
    // The fixtures are copies of an example guide: the catalog rules see it three times over.
    const copied = ['3:5 catalog/duplicate-id', '5:10 catalog/duplicate-code', '6:8 catalog/near-duplicate'];
    expect(brief(threaded).slice(-2)).toEqual([
      { file: htmlFixture, messages: [...copied, '128:5 markdown/no-html', '128:10 markdown/no-html'] },
      { file: copiesFixture, messages: [...copied, '29:13 schema/type'] },
    ]);
    expect(threaded.slice(0, 12).every((result) => result.stats?.readability.score !== undefined)).toBe(true);
  });

  it('fixes in the workers and hands the fixed text back', async () => {
    const fixed = async (concurrency: 2 | 'off') =>
      (await lintFiles({ patterns: [copiesFixture, htmlFixture], cwd: repoRoot, fix: true, concurrency })).find(
        (result) => result.filePath === copiesFixture,
      );
    const threaded = await fixed(2);
    const inline = await fixed('off');
    expect(threaded!.output).toBe(inline!.output);
    expect(threaded!.output).toContain('    copies: 1\n');
    expect(readFileSync(copiesFixture, 'utf8')).toContain('copies: 一份');
  });

  it('fills the cache from the workers, and a second run reads it', async () => {
    const dir = join(scratch, 'cached/户籍');
    mkdirSync(dir, { recursive: true });
    copyFileSync(copiesFixture, join(dir, 'a.md'));
    copyFileSync(htmlFixture, join(dir, 'b.md'));
    const cacheLocation = join(scratch, 'cache.json');
    const first = await lintFiles({ patterns: [dir], cwd: scratch, cacheLocation, concurrency: 2 });
    const cache = JSON.parse(readFileSync(cacheLocation, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries).sort()).toEqual([join(dir, 'a.md'), join(dir, 'b.md')]);
    const second = await lintFiles({ patterns: [dir], cwd: scratch, cacheLocation, concurrency: 2 });
    expect(second).toEqual(first);
    const copied = ['3:5 catalog/duplicate-id', '5:10 catalog/duplicate-code', '6:8 catalog/near-duplicate'];
    expect(brief(second).map((result) => result.messages)).toEqual([
      [...copied, '29:13 schema/type'],
      [...copied, '128:5 markdown/no-html', '128:10 markdown/no-html'],
    ]);
  });

  it('reports a guide that cannot be read as the same error as in one thread', async () => {
    const missing = join(scratch, 'gone.md');
    const failure = lintInWorkers([{ filePath: htmlFixture }, { filePath: missing }], 2, { fix: false }, () => {});
    await expect(failure).rejects.toBeInstanceOf(FileAccessError);
    await expect(failure).rejects.toMatchObject({ path: missing, message: '找不到这个文件' });
  });
});
