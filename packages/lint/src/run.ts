/**
 * Running many guides: finding them, their configuration, `ignores`, the cache, worker threads,
 * and the catalog pass over the summaries. Each guide is checked by `check-guide.ts`.
 */
import { relative, resolve } from 'node:path';
import {
  ConfigError,
  decodeGuide,
  decodeGuideRead,
  FileAccessError,
  findGuideFiles,
  isInside,
  MAX_GUIDE_BYTES,
  parseGuide,
  projectRoots,
  readGuideFile,
  readRegularFile,
  realPath,
  type BoundedRead,
  type ParsedGuide,
  type ResolvedConfig,
} from '@baihua/core';
import picomatch from 'picomatch';
import { LintCache } from './cache.js';
import { runCatalogRules, summarizeGuide, type CatalogMember } from './catalog.js';
import { lintRead, problemGuide, type LintSourceOptions } from './check-guide.js';
import { configSource } from './config.js';
import { lintInWorkers, workerCount, type Concurrency } from './parallel.js';
import type { GuideSummary, Linted, LintJob, LintResult } from './types.js';

/** Lints guides held in memory as one catalog (the rule tester and `baihua explain` use it). */
export function lintTogether(
  sources: Array<{ filePath: string; text: string }>,
  options: LintSourceOptions & { cwd?: string },
): LintResult[] {
  const members = sources.map(({ filePath, text }) => {
    const read = decodeGuide(filePath, Buffer.from(text, 'utf8'));
    return { ...lintRead(filePath, read.file, read.problem, options), config: options.config };
  });
  runCatalogRules(catalogMembers(members), options.cwd ?? process.cwd(), options.only);
  return members.map((member) => member.result);
}

/** Lints a guide read from standard input (with a bound) as `filePath`, with the catalog its configuration names. */
export async function lintStdin(
  filePath: string,
  input: BoundedRead,
  options: LintSourceOptions & { cwd?: string },
): Promise<LintResult> {
  const read = decodeGuideRead(filePath, input);
  const linted = { ...lintRead(filePath, read.file, read.problem, options), config: options.config };
  const members = catalogMembers([linted]);
  if (members.length) await addCatalogReferences(members, undefined);
  runCatalogRules(members, options.cwd ?? process.cwd());
  return linted.result;
}

export interface LintTextsOptions {
  cwd?: string;
  /** one configuration file instead of the directory cascade */
  configFile?: string;
  /** where the lint cache is: the catalog's guides unchanged on disk are summarised from it (it is not written) */
  cacheLocation?: string;
  /** other guides of the catalog, read for the catalog rules only (a run's `outside`) */
  references?: readonly GuideSummary[];
  /** guides on disk that the catalog leaves out (added since the texts were written) */
  absent?: ReadonlySet<string>;
}

/**
 * Lints guides held in memory as they would be at `filePath` with today's configuration, against
 * the rest of the catalog (`references`, then what the `catalog` setting names on disk). `baihua
 * lint --changed-since` lints the guides' texts at the base commit this way.
 */
export async function lintTexts(
  sources: ReadonlyArray<{ filePath: string; input: BoundedRead }>,
  options: LintTextsOptions = {},
): Promise<LintResult[]> {
  const configs = configSource(options.configFile);
  const linted = sources.map(({ filePath, input }) => {
    const config = configs(filePath);
    const read = decodeGuideRead(filePath, input);
    return { ...lintRead(filePath, read.file, read.problem, { config }), config };
  });
  const members = catalogMembers(linted);
  for (const summary of options.references ?? []) members.push({ summary, config: configs(summary.filePath) });
  if (members.length) {
    const cwd = options.cwd ?? process.cwd();
    const cache = options.cacheLocation ? new LintCache(resolve(cwd, options.cacheLocation)) : undefined;
    await addCatalogReferences(members, cache, options.absent);
    runCatalogRules(members, cwd);
  }
  return linted.map(({ result }) => result);
}

function catalogMembers(linted: Array<Linted & { config: ResolvedConfig }>): CatalogMember[] {
  return linted.flatMap(({ result, summary, config }) => (summary ? [{ result, summary, config }] : []));
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

export interface LintRunOptions extends LintFilesOptions {
  /**
   * hand back every guide as parsed (`LintRun.guides`), so that a publisher does not parse it
   * again. A parsed guide cannot cross threads: such a run lints in this thread.
   */
  keepGuides?: boolean;
  /** what the earlier runs of this process kept (`baihua serve`); filled in by this run */
  memory?: LintMemory;
  /** every guide's summary in `LintRun.summaries`, also when no catalog rule is on (a publisher's ids and titles) */
  summaries?: boolean;
  /**
   * lint one slice of the guides found (`baihua build --shard`): the files sorted by their path
   * from `cwd`, cut into `count` contiguous parts, part `index` (from 0). The other guides are
   * read only for the catalog rules, as guides the `catalog` setting names are.
   */
  slice?: { index: number; count: number };
  /**
   * lint only these of the guides found (absolute paths; `baihua lint --changed-since`). As with
   * `slice`, the other guides found are read only for the catalog rules.
   */
  only?: ReadonlySet<string>;
}

export interface KeptGuide {
  guide: ParsedGuide;
  config: ResolvedConfig;
}

export interface LintRun {
  /** in the order the guides were found, ignored guides left out */
  results: LintResult[];
  /** with `keepGuides`: each result's guide and its configuration, in the same order; otherwise empty */
  guides: KeptGuide[];
  /** how many guides were checked by the rules, and how many answered from the cache or memory */
  counts: { linted: number; reused: number };
  /** with `summaries`: each result's summary, in the same order; otherwise empty */
  summaries: GuideSummary[];
  /** with `slice` or `only`: the summaries of the guides found outside them, in the order found */
  outside: GuideSummary[];
}

interface MemoryEntry {
  key: string;
  /** before the catalog pass, which adds to a result in place */
  result: LintResult;
  summary?: GuideSummary;
  guide: ParsedGuide;
}

/**
 * The guides of earlier runs in this process, parsed and linted, by the key of their bytes and
 * configuration: `baihua serve` re-lints only the guides that changed, and renders the others
 * from the guides it already has. The catalog pass still runs over every guide's summary.
 */
export class LintMemory {
  readonly #entries = new Map<string, MemoryEntry>();

  get(filePath: string, key: string): Linted | undefined {
    const entry = this.#entries.get(filePath);
    if (entry?.key !== key) return undefined;
    return {
      result: structuredClone(entry.result),
      ...(entry.summary && { summary: entry.summary }),
      guide: entry.guide,
    };
  }

  set(filePath: string, key: string, { result, summary, guide }: Linted): void {
    if (!guide) return;
    this.#entries.set(filePath, { key, result: structuredClone(result), ...(summary && { summary }), guide });
  }

  /** Forgets the guides a run no longer found (deleted, or now ignored). */
  keepOnly(filePaths: Set<string>): void {
    for (const filePath of this.#entries.keys()) if (!filePaths.has(filePath)) this.#entries.delete(filePath);
  }
}

/**
 * Finds the guides behind paths and globs and lints each with the configuration for its
 * directory, then runs the catalog rules across them (and the rest of the catalog their
 * configuration names). Only summaries are kept between the two passes, never the texts.
 * Large runs are spread over worker threads (see `workerCount`).
 */
export async function lintFiles(options: LintFilesOptions): Promise<LintResult[]> {
  return (await lintRun(options)).results;
}

/** `lintFiles`, with the parsed guides when asked for and how many guides were checked. */
export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findGuideFiles(options.patterns, cwd);
  const configs = configSource(options.configFile);
  const cache = options.cacheLocation ? new LintCache(resolve(cwd, options.cacheLocation)) : undefined;
  const fix = Boolean(options.fix);
  const keepGuides = Boolean(options.keepGuides || options.memory);
  // A remembered guide has no fixed text to hand back.
  const memory = fix ? undefined : options.memory;
  const done: Array<{ linted: Linted; config: ResolvedConfig } | undefined> = [];
  const pending: Array<{ slot: number; job: LintJob; config: ResolvedConfig }> = [];
  const found = new Set<string>();
  const outside: Array<{ filePath: string; config: ResolvedConfig }> = [];
  const inSlice = options.slice ? sliceOf(files, options.slice, cwd) : options.only;
  for (const filePath of files) {
    const config = configs(filePath);
    if (isIgnored(filePath, config)) continue;
    if (inSlice && !inSlice.has(filePath)) {
      outside.push({ filePath, config });
      continue;
    }
    found.add(filePath);
    const slot = done.push(undefined) - 1;
    if (!cache && !memory) {
      pending.push({ slot, job: { filePath }, config });
      continue;
    }
    const key = LintCache.key(keyBytes(filePath), config);
    const remembered = memory?.get(filePath, key);
    if (remembered) {
      done[slot] = { linted: remembered, config };
      continue;
    }
    const cached = cache?.get(filePath, key);
    // A cached result with fixable findings is linted again when fixing, to produce the output.
    if (cached?.result && !(fix && cached.result.fixableErrorCount + cached.result.fixableWarningCount > 0)) {
      const result = options.readabilitySections === false ? withoutSections(cached.result) : cached.result;
      // Parsed, not linted: the guide is wanted for rendering, its findings are in the cache.
      const guide = keepGuides ? parseFile(filePath) : undefined;
      const linted = { result, ...(cached.summary && { summary: cached.summary }), ...(guide && { guide }) };
      memory?.set(filePath, key, linted);
      done[slot] = { linted, config };
    } else {
      pending.push({ slot, job: { filePath, keyed: true }, config });
    }
  }
  memory?.keepOnly(found);

  // Each result is cached whole, then trimmed as it arrives, so that a large run never holds
  // every guide's section scores at once.
  const finish = (index: number, linted: Linted) => {
    const { slot, config } = pending[index]!;
    if (cache && linted.key) {
      const savedKey =
        linted.result.output === undefined ? linted.key : LintCache.key(Buffer.from(linted.result.output), config);
      cache.set(linted.result.filePath, savedKey, linted.result, linted.summary);
    }
    if (options.readabilitySections === false) linted.result = withoutSections(linted.result);
    if (memory && linted.key) memory.set(linted.result.filePath, linted.key, linted);
    done[slot] = { linted, config };
  };
  const threads = keepGuides ? 0 : workerCount(options.concurrency ?? 'auto', pending.length);
  if (threads > 0) {
    const workerOptions = { fix, ...(options.configFile && { configFile: options.configFile }) };
    await lintInWorkers(
      pending.map(({ job }) => job),
      threads,
      workerOptions,
      finish,
    );
  } else {
    for (const [index, { job, config }] of pending.entries()) finish(index, lintJob(job, config, fix, keepGuides));
  }

  const results: LintResult[] = [];
  const guides: KeptGuide[] = [];
  const members: CatalogMember[] = [];
  const summaries: GuideSummary[] = [];
  for (const { linted, config } of done as Array<{ linted: Linted; config: ResolvedConfig }>) {
    results.push(linted.result);
    if (linted.guide) guides.push({ guide: linted.guide, config });
    if (linted.summary) members.push({ result: linted.result, summary: linted.summary, config });
    if (options.summaries) summaries.push(linted.summary ?? catalogSummary(linted.result.filePath, config, cache));
  }
  const outsideSummaries = outside.map(({ filePath, config }) => catalogSummary(filePath, config, cache));
  for (const [index, { config }] of outside.entries()) members.push({ summary: outsideSummaries[index]!, config });
  if (members.length) {
    await addCatalogReferences(members, cache);
    runCatalogRules(members, cwd);
  }
  cache?.save();
  return {
    results,
    guides,
    counts: { linted: pending.length, reused: results.length - pending.length },
    summaries,
    outside: outsideSummaries,
  };
}

/** The guides of one slice of a run: sorted by path from `cwd`, cut into contiguous parts as even as can be. */
function sliceOf(files: string[], { index, count }: { index: number; count: number }, cwd: string): Set<string> {
  const sorted = files
    .map((filePath) => ({ filePath, key: relative(cwd, filePath).replaceAll('\\', '/') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const start = Math.floor((sorted.length * index) / count);
  const end = Math.floor((sorted.length * (index + 1)) / count);
  return new Set(sorted.slice(start, end).map(({ filePath }) => filePath));
}

/** Lints one guide of a `lintFiles` run, in this thread or in a worker. */
export function lintJob(job: LintJob, config: ResolvedConfig, fix: boolean, keepGuide = false): Linted {
  const options = { config, ...(fix && { fix: true }), ...(keepGuide && { keepGuide: true }) };
  if (!job.keyed) {
    const read = readGuideFile(job.filePath);
    return lintRead(job.filePath, read.file, read.problem, options);
  }
  const bytes = readRegularFile(job.filePath, MAX_GUIDE_BYTES);
  const read = decodeGuideRead(job.filePath, bytes);
  return {
    ...lintRead(job.filePath, read.file, read.problem, options),
    key: LintCache.key(cacheKeyBytes(bytes), config),
  };
}

function parseFile(filePath: string): ParsedGuide {
  const read = readGuideFile(filePath);
  return read.problem ? problemGuide(read.file, read.problem) : parseGuide(read.file);
}

function withoutSections(result: LintResult): LintResult {
  if (!result.stats) return result;
  const { sections: _sections, fields: _fields, ...readability } = result.stats.readability;
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
async function addCatalogReferences(
  members: CatalogMember[],
  cache: LintCache | undefined,
  absent: ReadonlySet<string> = new Set(),
): Promise<void> {
  const known = new Set([...members.map((member) => member.summary.filePath), ...absent]);
  const settings = new Map<string, ResolvedConfig>();
  for (const { config } of members) {
    if (config.catalog) settings.set(JSON.stringify(config.catalog), config);
  }
  for (const config of settings.values()) {
    for (const filePath of await catalogFiles(config)) {
      if (known.has(filePath)) continue;
      known.add(filePath);
      members.push({ summary: catalogSummary(filePath, config, cache), config });
    }
  }
}

/**
 * The guides the `catalog` setting of a configuration names, ignores left out. A problem with the
 * catalog is one of the configuration that names it, at that entry.
 */
export async function catalogFiles(config: ResolvedConfig): Promise<string[]> {
  if (!config.catalog) return [];
  const { base, patterns } = config.catalog;
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
  return files.filter((filePath) => {
    if (isIgnored(filePath, config)) return false;
    const real = realPath(filePath);
    if (!roots.some((root) => isInside(real, root)))
      throw catalogError(`catalog 找到的 ${filePath} 在项目以外：catalog 只能列出项目里的指南`);
    return true;
  });
}

/** The catalog summary of a guide on disk, from the cache when the file is unchanged. */
export function catalogSummary(filePath: string, config: ResolvedConfig, cache: LintCache | undefined): GuideSummary {
  const bytes = readRegularFile(filePath, MAX_GUIDE_BYTES);
  const key = LintCache.key(cacheKeyBytes(bytes), config);
  let summary = cache?.get(filePath, key)?.summary;
  if (!summary) {
    const read = decodeGuideRead(filePath, bytes);
    summary = summarizeGuide(read.problem ? problemGuide(read.file, read.problem) : parseGuide(read.file), config);
    cache?.setSummary(filePath, key, summary);
  }
  return summary;
}

export function isIgnored(filePath: string, config: ResolvedConfig): boolean {
  return config.ignores.some(({ base, patterns }) => {
    const path = relative(base, filePath).replaceAll('\\', '/');
    return !path.startsWith('..') && picomatch(patterns, { dot: true })(path);
  });
}
