import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_GUIDE_BYTES, readBoundedStream } from '@baihua/core';
import {
  configForPath,
  configuredRuleDocsUrl,
  formatters,
  lintRun,
  lintStdin,
  markdown,
  writeFileAtomic,
  writeFixes,
  type Concurrency,
  type FormatterName,
  type LintResult,
  type MarkdownComparison,
} from '@baihua/lint';
import { changedGuides, changedSinceNote, comparisonAtBase, type ChangedGuides } from './changed-since.js';
import { UsageError } from './errors.js';
import { useBaseline, type BaselineOptions } from './lint-baseline.js';

export interface LintCommandOptions extends BaselineOptions {
  format: string;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  outputFile?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: string;
  /** `--changed-since REF`: lint only the guides added or changed since the git ref */
  changedSince?: string;
  /** `--debug`: also say on stderr how many guides the cache answered */
  debug?: boolean;
}

export interface CommandOutput {
  stdout: string;
  /** a report for the user on stderr (`--debug`) */
  stderr?: string;
  exitCode: number;
}

export function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1)
    throw new UsageError(`--concurrency 要写 auto、off 或一个正整数，现在是「${value}」`);
  return threads;
}

/** `baihua lint`: exit 0 clean, 1 errors (or too many warnings), 2 usage/config/internal. */
export async function runLint(
  patterns: string[],
  options: LintCommandOptions,
  version: string,
): Promise<CommandOutput> {
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings 要写一个不小于 0 的整数，现在是「${options.maxWarnings}」`);
  }
  if (options.stdin && options.fix)
    throw new UsageError(
      '--fix 不能和 --stdin 一起用：请改用 --fix-dry-run，修复后的内容在 --format json 的 output 里',
    );
  if (!options.stdin && options.stdinFilename) throw new UsageError('--stdin-filename 要和 --stdin 一起用');
  if (options.stdin && patterns.length)
    throw new UsageError('用了 --stdin 就不要再写文件路径；用 --stdin-filename 说明它是哪个文件');
  if (options.stdin && options.changedSince !== undefined)
    throw new UsageError('--changed-since 不能和 --stdin 一起用：它按 git 的改动选出要检查的文件');
  if (options.config && !existsSync(options.config)) throw new UsageError(`找不到配置文件 ${options.config}`);
  checkBaselineOptions(options);
  const fix = Boolean(options.fix || options.fixDryRun);
  const concurrency = parseConcurrency(options.concurrency ?? 'auto');

  let results: LintResult[];
  let debugReport = '';
  const sources = new Map<string, string>();
  let changes: ChangedGuides | undefined;
  let comparison: MarkdownComparison | undefined;
  if (options.stdin) {
    const filePath = resolve(options.stdinFilename ?? 'stdin.md');
    const config = configForPath(filePath, options.config);
    // Read with the guide's size limit: a guide piped in whole, never a stream that does not end.
    const input = await readBoundedStream(process.stdin, MAX_GUIDE_BYTES);
    sources.set(filePath, input.bytes.toString('utf8'));
    results = [await lintStdin(filePath, input, { config, fix })];
  } else {
    const targets = patterns.length ? patterns : defaultTargets();
    const cacheLocation =
      options.cache || options.cacheLocation ? (options.cacheLocation ?? '.baihuacache') : undefined;
    if (options.changedSince !== undefined) changes = await changedGuides(options.changedSince, process.cwd());
    const run = await lintRun({
      patterns: targets,
      fix,
      // Only the JSON and Markdown reports print each section's readability.
      readabilitySections: options.format === 'json' || options.format === 'markdown',
      ...(options.config && { configFile: options.config }),
      ...(cacheLocation && { cacheLocation }),
      ...(changes && { only: new Set(changes.files.keys()) }),
      concurrency,
    });
    results = run.results;
    if (changes && options.format === 'markdown') {
      comparison = await comparisonAtBase(changes, results, {
        references: run.outside,
        ...(options.config && { configFile: options.config }),
        ...(cacheLocation && { cacheLocation }),
      });
    }
    // As ESLint's --debug tells which files the cache answered: the cache is seen to work, not timed.
    if (options.debug && cacheLocation) {
      const journeys = results.filter((result) => result.kind === 'journey').length;
      debugReport =
        journeys === 0
          ? `baihua: 缓存命中 ${run.counts.reused}/${results.length} 份指南（重新检查 ${run.counts.linted} 份）\n`
          : `baihua: 缓存命中 ${run.counts.reused}/${results.length} 个文件（${results.length - journeys} 份指南和 ${journeys} 件一件事，重新检查 ${run.counts.linted} 个）\n`;
    }
    if (options.fix) results = writeFixes(results, options.config);
  }
  const baseline = useBaseline(results, options);
  results = baseline.results;
  if (comparison) comparison = { ...comparison, before: heldAtBase(comparison.before, baseline.hold) };

  const reported = options.quiet ? results.map(withoutWarnings) : results;
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !options.outputFile && !('NO_COLOR' in process.env));
  const ruleDocsUrl = configuredRuleDocsUrl(
    results.map((result) => result.filePath),
    options.config,
  );
  const context = { cwd: process.cwd(), color, version, sources, ...(ruleDocsUrl && { ruleDocsUrl }) };
  let text: string;
  if (options.format === 'markdown') {
    if (comparison && options.quiet) comparison = quietComparison(comparison);
    text = markdown(reported, { ...context, ...(comparison && { comparison }) });
  } else if (changes && options.format === 'stylish') {
    const note = changedSinceNote(changes, reported.length);
    text = reported.length ? formatters.stylish(reported, context) + note : note;
  } else {
    text = formatters[options.format as FormatterName](reported, context);
  }
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  let exitCode = errors > 0 ? 1 : 0;
  let stdout = text;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    exitCode = 1;
    if (options.format === 'stylish') stdout += `\n警告有 ${warnings} 个，超过了 --max-warnings ${maxWarnings}\n`;
  }
  if (options.outputFile) {
    writeFileAtomic(options.outputFile, text);
    stdout = '';
  }
  // Beside the stylish report; on stderr when stdout is a report for a machine, or goes to a file.
  let stderr = debugReport;
  if (options.format === 'stylish' && !options.outputFile) stdout += baseline.notes.map((note) => `${note}\n`).join('');
  else stderr += baseline.notes.map((note) => `baihua: ${note}\n`).join('');
  return { stdout, ...(stderr && { stderr }), exitCode };
}

/** The guides at the base compared with the baseline applied too: what it holds is neither fixed nor remaining. */
function heldAtBase(
  before: MarkdownComparison['before'],
  hold: (results: readonly LintResult[]) => LintResult[],
): MarkdownComparison['before'] {
  const entries = [...before];
  const held = hold(entries.map(([, guide]) => guide.result));
  return new Map(entries.map(([filePath, guide], index) => [filePath, { ...guide, result: held[index]! }]));
}

/** The baseline is of the guides as saved: not of standard input, nor of fixes not written. */
function checkBaselineOptions(options: LintCommandOptions): void {
  const writing = options.updateBaseline ? '--update-baseline' : options.pruneBaseline ? '--prune-baseline' : undefined;
  if (!writing) return;
  if (options.stdin)
    throw new UsageError(`${writing} 不能和 --stdin 一起用：基线记的是保存在磁盘上的指南，请检查文件本身`);
  if (options.fixDryRun)
    throw new UsageError(`${writing} 不能和 --fix-dry-run 一起用：修复没有写入，文件里的问题还在；要先修复请用 --fix`);
}

/** With no paths, lint the guides directory of the current project. */
function defaultTargets(): string[] {
  if (existsSync('guides')) return ['guides'];
  throw new UsageError('请写出要检查的文件或目录，如 baihua lint guides/');
}

function quietComparison(comparison: MarkdownComparison): MarkdownComparison {
  const before = new Map(
    [...comparison.before].map(([path, earlier]) => [path, { ...earlier, result: withoutWarnings(earlier.result) }]),
  );
  return { ...comparison, before };
}

function withoutWarnings(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
