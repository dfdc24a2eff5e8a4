/** The lint cache answers a guide by its bytes and configuration, wherever the file now is. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintRun, type LintResult } from '@baihua/lint';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** the id-card guide with `copies: 一份` (schema/type) on line 29 */
const copiesFixture = join(repoRoot, 'tests/fixtures/options/户籍/id-card-renewal.md');

const scratch = mkdtempSync(join(tmpdir(), 'baihua-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const brief = (results: LintResult[]) =>
  results.map((result) => ({
    file: result.filePath,
    messages: result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
  }));

describe('the lint cache', () => {
  it('answers a renamed guide and a copy elsewhere from the entry of the same bytes', async () => {
    const dir = join(scratch, 'moved/户籍');
    mkdirSync(dir, { recursive: true });
    copyFileSync(copiesFixture, join(dir, 'a.md'));
    const cacheLocation = join(scratch, 'moved.json');
    const lint = (patterns: string[]) =>
      lintRun({ patterns, cwd: scratch, cacheLocation, concurrency: 'off', summaries: true });
    const first = await lint([dir]);
    expect(first.counts).toEqual({ linted: 1, reused: 0 });

    renameSync(join(dir, 'a.md'), join(dir, 'renamed.md'));
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(copiesFixture, join(elsewhere, 'copy.md'));
    // One at a time: together, the two copies would be each other's duplicate in the catalog pass.
    const renamed = await lint([dir]);
    const copied = await lint([elsewhere]);
    expect([renamed.counts, copied.counts]).toEqual([
      { linted: 0, reused: 1 },
      { linted: 0, reused: 1 },
    ]);
    expect(brief([...renamed.results, ...copied.results])).toEqual([
      { file: join(dir, 'renamed.md'), messages: ['29:13 schema/type'] },
      { file: join(elsewhere, 'copy.md'), messages: ['29:13 schema/type'] },
    ]);
    // Each summary names its own file, not the one the entry was made for.
    expect([...renamed.summaries, ...copied.summaries].map((summary) => summary.filePath)).toEqual([
      join(dir, 'renamed.md'),
      join(elsewhere, 'copy.md'),
    ]);
    // Kept under the new paths too.
    const entries = Object.keys(
      (JSON.parse(readFileSync(cacheLocation, 'utf8')) as { entries: object }).entries,
    ).sort();
    expect(entries).toEqual([join(dir, 'a.md'), join(dir, 'renamed.md'), join(elsewhere, 'copy.md')].sort());
  });

  it('does not answer the same bytes under another format, which the extension sets', async () => {
    const dir = join(scratch, 'format');
    mkdirSync(dir);
    const text = readFileSync(copiesFixture, 'utf8');
    writeFileSync(join(dir, 'guide.md'), text);
    const cacheLocation = join(scratch, 'format.json');
    await lintRun({ patterns: [dir], cwd: scratch, cacheLocation, concurrency: 'off' });
    // The same bytes as a YAML guide: its front matter delimiters make it another document.
    rmSync(join(dir, 'guide.md'));
    writeFileSync(join(dir, 'guide.yaml'), text);
    const again = await lintRun({ patterns: [dir], cwd: scratch, cacheLocation, concurrency: 'off' });
    expect(again.counts).toEqual({ linted: 1, reused: 0 });
  });
});
