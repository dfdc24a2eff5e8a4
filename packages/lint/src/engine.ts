import { relative, resolve } from 'node:path';
import {
  decodeGuide,
  decodeGuideRead,
  findGuideFiles,
  isInside,
  projectRoots,
  realPath,
  MAX_GUIDE_BYTES,
  parseGuide,
  readGuideFile,
  readRegularFile,
  type BoundedRead,
  SourceFile,
  type ParsedGuide,
  type ParseProblem,
  mergeLayers,
  ConfigError,
  FileAccessError,
  type ResolvedConfig,
} from '@baihua/core';
import picomatch from 'picomatch';
import { LintCache } from './cache.js';
import { catalogRulesOn, runCatalogRules, summarizeGuide, type CatalogMember } from './catalog.js';
import { builtinPresets, createConfigResolver } from './config.js';
import { applyDirectives } from './directives.js';
import { applyFixes } from './fix.js';
import { lintInWorkers, workerCount, type Concurrency } from './parallel.js';
import { guideReadability, readableForStyle } from './plain-analysis.js';
import { rules } from './rules/index.js';
import { byPosition, summarize } from './results.js';
import { contentDigest } from './write.js';
import type { Diagnostic, GuideSummary, LintResult, ReportInput } from './types.js';

/** Fixes can enable further fixes (ESLint does the same); ten passes is plenty for a guide. */
const MAX_FIX_PASSES = 10;

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** apply `fix`-level fixes and return the fixed text as `output` */
  fix?: boolean;
  /** only run these rules (the rule tester uses this) */
  only?: string[];
}

/** The recommended preset as a resolved config, for files with no configuration anywhere. */
export function recommendedConfig(): ResolvedConfig {
  return mergeLayers([{ path: 'recommended', data: builtinPresets.recommended!, locate: () => undefined }]);
}

function problemGuide(file: SourceFile, problem: ParseProblem): ParsedGuide {
  return { file, format: 'markdown', data: undefined, yaml: undefined, frontMatter: undefined, body: undefined, texts: [], problems: [problem] };
}

/** Runs every enabled rule over a parsed guide. */
export function checkGuide(guide: ParsedGuide, options: Pick<LintSourceOptions, 'config' | 'only'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A file that could not be read whole (no front matter found, broken YAML) gets no fixes: what
  // looks like prose there may be fields, and `--fix` would rewrite them.
  const fixable = guide.problems.length === 0;
  for (const rule of rules) {
    if (!('check' in rule)) continue;
    const { id, fatal } = rule.meta;
    if (options.only && !options.only.includes(id)) continue;
    const setting = options.config.rules.get(id);
    if (!fatal && (!setting || setting.severity === 'off')) continue;
    const severity = fatal || setting?.severity === 'error' ? 2 : 1;
    const report = (input: ReportInput) => {
      const start = guide.file.pointAt(input.range.start);
      const end = guide.file.pointAt(input.range.end);
      diagnostics.push({
        ruleId: id,
        severity: input.severity ? (input.severity === 'error' ? 2 : 1) : severity,
        message: input.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        range: [input.range.start, input.range.end],
        ...(input.fix && fixable && rule.meta.fixable === 'fix' && { fix: input.fix }),
        ...(input.suggestions?.length && { suggestions: input.suggestions }),
        ...(fatal && { fatal: true }),
      });
    };
    rule.check({ guide, options: setting?.options ?? {}, report });
  }
  return diagnostics.sort(byPosition);
}

function lintGuide(guide: ParsedGuide, options: LintSourceOptions): { messages: Diagnostic[]; suppressed: Diagnostic[] } {
  const { kept, suppressed } = applyDirectives(guide, checkGuide(guide, options));
  return { messages: kept, suppressed };
}

/**
 * Lints the bytes of one guide on its own, without the catalog rules (they need the other guides:
 * `lintTogether`, `lintStdin` and `lintFiles` run them).
 */
export function lintBytes(filePath: string, bytes: Uint8Array, options: LintSourceOptions): LintResult {
  const read = decodeGuide(filePath, bytes);
  return lintRead(filePath, read.file, read.problem, options).result;
}

/** Lints one guide file on disk on its own, without the catalog rules. */
export function lintFile(filePath: string, options: LintSourceOptions): LintResult {
  const read = readGuideFile(filePath);
  return lintRead(filePath, read.file, read.problem, options).result;
}

/** Lints guides held in memory as one catalog (the rule tester and `baihua explain` use it). */
export function lintTogether(sources: Array<{ filePath: string; text: string }>, options: LintSourceOptions & { cwd?: string }): LintResult[] {
  const members = sources.map(({ filePath, text }) => {
    const read = decodeGuide(filePath, Buffer.from(text, 'utf8'));
    return { ...lintRead(filePath, read.file, read.problem, options), config: options.config };
  });
  runCatalogRules(catalogMembers(members), options.cwd ?? process.cwd(), options.only);
  return members.map((member) => member.result);
}

/** Lints a guide read from standard input (with a bound) as `filePath`, with the catalog its configuration names. */
export async function lintStdin(filePath: string, input: BoundedRead, options: LintSourceOptions & { cwd?: string }): Promise<LintResult> {
  const read = decodeGuideRead(filePath, input);
  const linted = { ...lintRead(filePath, read.file, read.problem, options), config: options.config };
  const members = catalogMembers([linted]);
  if (members.length) await addCatalogReferences(members, undefined);
  runCatalogRules(members, options.cwd ?? process.cwd());
  return linted.result;
}

export interface Linted {
  result: LintResult;
  /** for the catalog rules; only when one of them is on */
  summary?: GuideSummary;
  /** the cache key of the bytes linted, when the job asked for it */
  key?: string;
}

function catalogMembers(linted: Array<Linted & { config: ResolvedConfig }>): CatalogMember[] {
  return linted.flatMap(({ result, summary, config }) => (summary ? [{ result, summary, config }] : []));
}

function lintRead(filePath: string, file: SourceFile, problem: ParseProblem | undefined, options: LintSourceOptions): Linted {
  let guide = problem ? problemGuide(file, problem) : parseGuide(file);
  let { messages, suppressed } = lintGuide(guide, options);
  let output: string | undefined;
  if (options.fix && !problem) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(guide.file.text, fixes);
      if (fixed.applied === 0 || fixed.text === guide.file.text) break;
      // With the file's BOM, so that a second U+FEFF at the start stays text, as it was read.
      guide = parseGuide(new SourceFile(filePath, file.withBom(fixed.text)));
      ({ messages, suppressed } = lintGuide(guide, options));
      output = file.withBom(fixed.text);
    }
  }
  const result = {
    ...summarize(filePath, messages, suppressed, output),
    ...(output !== undefined && { sourceDigest: contentDigest(file.withBom(file.text)) }),
    ...statsFor(guide, options.config),
  };
  const summary = catalogRulesOn(options.config, options.only) ? summarizeGuide(guide, options.config) : undefined;
  return detached({ result, ...(summary && { summary }) });
}

/**
 * A copy whose strings no longer point into the guide's text. V8 keeps a substring (a title cut
 * from the file, a message built around it) as a view of the string it came from, so results
 * and summaries kept for a whole catalog would otherwise keep every guide's text alive.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Readability is reported whenever the plain-language rules look at a guide. */
function statsFor(guide: ParsedGuide, config: ResolvedConfig): Pick<LintResult, 'stats'> {
  const plainEnabled = [...config.rules].some(([id, setting]) => id.startsWith('plain/') && setting.severity !== 'off');
  if (!plainEnabled || !readableForStyle(guide)) return {};
  return { stats: { readability: guideReadability(guide) } };
}

export interface LintFilesOptions {
  patterns: string[];
  cwd?: string;
  /** one configuration file instead of the directory cascade */
  configFile?: string;
  fix?: boolean;
  /** where to keep the lint cache; no cache when unset */
  cacheLocation?: string;
  /**
   * keep each section's readability in the results (default true); reports that print only a
   * guide's score turn it off, so a large catalog's results stay small while it is linted
   */
  readabilitySections?: boolean;
  /** worker threads: a number, 'off' (this thread only) or 'auto' (default: by cores and guides) */
  concurrency?: Concurrency;
}

/**
 * Finds the guides behind paths and globs and lints each with the configuration for its
 * directory, then runs the catalog rules across them (and the rest of the catalog their
 * configuration names). Only summaries are kept between the two passes, never the texts.
 * Large runs are spread over worker threads (see `workerCount`).
 */
export async function lintFiles(options: LintFilesOptions): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findGuideFiles(options.patterns, cwd);
  const configs = configSource(options.configFile);
  const cache = options.cacheLocation ? new LintCache(resolve(cwd, options.cacheLocation)) : undefined;
  const fix = Boolean(options.fix);
  const done: Array<{ linted: Linted; config: ResolvedConfig } | undefined> = [];
  const pending: Array<{ slot: number; job: LintJob; config: ResolvedConfig }> = [];
  for (const filePath of files) {
    const config = configs(filePath);
    if (isIgnored(filePath, config)) continue;
    const slot = done.push(undefined) - 1;
    if (!cache) {
      pending.push({ slot, job: { filePath }, config });
      continue;
    }
    const cached = cache.get(filePath, LintCache.key(keyBytes(filePath), config));
    // A cached result with fixable findings is linted again when fixing, to produce the output.
    if (cached?.result && !(fix && cached.result.fixableErrorCount + cached.result.fixableWarningCount > 0)) {
      const result = options.readabilitySections === false ? withoutSections(cached.result) : cached.result;
      done[slot] = { linted: { result, ...(cached.summary && { summary: cached.summary }) }, config };
    } else {
      pending.push({ slot, job: { filePath, keyed: true }, config });
    }
  }

  // Each result is cached whole, then trimmed as it arrives, so that a large run never holds
  // every guide's section scores at once.
  const finish = (index: number, linted: Linted) => {
    const { slot, config } = pending[index]!;
    if (cache && linted.key) {
      const savedKey = linted.result.output === undefined ? linted.key : LintCache.key(Buffer.from(linted.result.output), config);
      cache.set(linted.result.filePath, savedKey, linted.result, linted.summary);
    }
    if (options.readabilitySections === false) linted.result = withoutSections(linted.result);
    done[slot] = { linted, config };
  };
  const threads = workerCount(options.concurrency ?? 'auto', pending.length);
  if (threads > 0) {
    const workerOptions = { fix, ...(options.configFile && { configFile: options.configFile }) };
    await lintInWorkers(
      pending.map(({ job }) => job),
      threads,
      workerOptions,
      finish,
    );
  } else {
    pending.forEach(({ job, config }, index) => finish(index, lintJob(job, config, fix)));
  }

  const results: LintResult[] = [];
  const members: CatalogMember[] = [];
  for (const { linted, config } of done as Array<{ linted: Linted; config: ResolvedConfig }>) {
    results.push(linted.result);
    if (linted.summary) members.push({ result: linted.result, summary: linted.summary, config });
  }
  if (members.length) {
    await addCatalogReferences(members, cache);
    runCatalogRules(members, cwd);
  }
  cache?.save();
  return results;
}

/** One guide for `lintFiles` to lint. */
export interface LintJob {
  filePath: string;
  /** answer with the cache key of the bytes linted (read again, so that no run holds them all) */
  keyed?: boolean;
}

/** Lints one guide of a `lintFiles` run, in this thread or in a worker. */
export function lintJob(job: LintJob, config: ResolvedConfig, fix: boolean): Linted {
  const options = { config, ...(fix && { fix: true }) };
  if (!job.keyed) {
    const read = readGuideFile(job.filePath);
    return lintRead(job.filePath, read.file, read.problem, options);
  }
  const bytes = readRegularFile(job.filePath, MAX_GUIDE_BYTES);
  const read = decodeGuideRead(job.filePath, bytes);
  return { ...lintRead(job.filePath, read.file, read.problem, options), key: LintCache.key(cacheKeyBytes(bytes), config) };
}

function withoutSections(result: LintResult): LintResult {
  if (!result.stats) return result;
  const { sections: _sections, ...readability } = result.stats.readability;
  return { ...result, stats: { readability: { ...readability, sections: [] } } };
}

/** What the cache keys a file by: its bytes, or its size when it is too large to read. */
function cacheKeyBytes(read: BoundedRead): Buffer {
  return read.tooLarge ? Buffer.from(`too large: ${read.size ?? 'unknown'}`) : read.bytes;
}

function keyBytes(filePath: string): Buffer {
  return cacheKeyBytes(readRegularFile(filePath, MAX_GUIDE_BYTES));
}

/**
 * The rest of the catalog: guides named by the `catalog` setting of a linted guide's
 * configuration, read only for their summaries (from the cache when unchanged).
 */
async function addCatalogReferences(members: CatalogMember[], cache: LintCache | undefined): Promise<void> {
  const known = new Set(members.map((member) => member.summary.filePath));
  const settings = new Map<string, { base: string; patterns: string[]; config: ResolvedConfig }>();
  for (const { config } of members) {
    if (config.catalog) settings.set(JSON.stringify(config.catalog), { ...config.catalog, config });
  }
  for (const { base, patterns, config } of settings.values()) {
    // A problem with the catalog is one of the configuration that names it, at that entry.
    const layer = [...config.layers].reverse().find((candidate) => candidate.data.catalog);
    const catalogError = (message: string, index = -1) =>
      new ConfigError(message, layer?.path ?? base, layer?.locate(index === -1 ? '/catalog' : `/catalog/${index}`));
    let files: string[];
    try {
      files = await findGuideFiles(patterns, base);
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      throw catalogError(`catalog 里的「${error.path}」：${error.message}`, patterns.indexOf(error.path));
    }
    const roots = projectRoots(base);
    for (const filePath of files) {
      if (known.has(filePath) || isIgnored(filePath, config)) continue;
      const real = realPath(filePath);
      if (!roots.some((root) => isInside(real, root))) throw catalogError(`catalog 找到的 ${filePath} 在项目以外：catalog 只能列出项目里的指南`);
      known.add(filePath);
      const bytes = readRegularFile(filePath, MAX_GUIDE_BYTES);
      const key = LintCache.key(cacheKeyBytes(bytes), config);
      let summary = cache?.get(filePath, key)?.summary;
      if (!summary) {
        const read = decodeGuideRead(filePath, bytes);
        summary = summarizeGuide(read.problem ? problemGuide(read.file, read.problem) : parseGuide(read.file), config);
        cache?.setSummary(filePath, key, summary);
      }
      members.push({ summary, config });
    }
  }
}

/** The configuration for a guide read from standard input as if it were `filePath`. */
export function configForPath(filePath: string, configFile?: string): ResolvedConfig {
  return configSource(configFile)(filePath);
}

/** Each guide's configuration: the one file given, or the cascade of its directories. */
export function configSource(configFile: string | undefined): (filePath: string) => ResolvedConfig {
  const resolver = createConfigResolver();
  const fixed = configFile ? resolver.fromConfigFile(configFile) : undefined;
  return (filePath) => {
    if (fixed) return fixed;
    const config = resolver.forFile(filePath);
    return config.layers.length ? config : recommendedConfig();
  };
}

function isIgnored(filePath: string, config: ResolvedConfig): boolean {
  return config.ignores.some(({ base, patterns }) => {
    const path = relative(base, filePath).replaceAll('\\', '/');
    return !path.startsWith('..') && picomatch(patterns, { dot: true })(path);
  });
}

