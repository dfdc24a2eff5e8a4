import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  coreDataDirectory,
  FileAccessError,
  readRegularFile,
  schemaDirectory,
  today,
  type ResolvedConfig,
} from '@baihua/core';
import { rules as allRules } from './rules/index.js';
import { dataDirectory as plainDataDirectory, rulesDirectory as plainRulesDirectory } from '@baihua/plain';
import type { GuideSummary, LintResult } from './types.js';
import { writeFileAtomic } from './write.js';

/** A cache holds a few kilobytes a guide: a file over this is not a cache of Baihua's. */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/**
 * The lint cache (`--cache`): results, findings included, keyed by the file's bytes, the
 * configuration that applies to it and the tool (its version and its rule data), so an unchanged
 * catalog re-lints without parsing anything or loading the segmentation dictionary.
 */
interface CacheEntry {
  key: string;
  /** absent for guides only read for the catalog rules */
  result?: Omit<LintResult, 'filePath'>;
  summary?: GuideSummary;
}

interface CacheFile {
  tool: string;
  entries: Record<string, CacheEntry>;
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The shape of what an entry holds: raised when a result or a summary gains or loses a field, so
 * that entries written before (by the same version) are not read as complete.
 */
const ENTRY_FORMAT = 7;

let toolFingerprint: string | undefined;

/** Version plus every rule data file and schema: editing a word list invalidates the cache. */
function tool(): string {
  if (!toolFingerprint) {
    const digest = createHash('sha256');
    const version = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    digest.update(`${version} ${ENTRY_FORMAT}`);
    const own = [new URL('../configs/', import.meta.url), new URL('../data/', import.meta.url)].map((url) =>
      fileURLToPath(url),
    );
    const directories = [...own, plainDataDirectory, plainRulesDirectory, schemaDirectory, coreDataDirectory];
    const visit = (directory: string) => {
      if (!existsSync(directory)) return;
      for (const name of readdirSync(directory).sort()) {
        const path = join(directory, name);
        if (statSync(path).isDirectory()) visit(path);
        else digest.update(name).update(readFileSync(path));
      }
    };
    for (const directory of directories) visit(directory);
    toolFingerprint = digest.digest('hex');
  }
  return toolFingerprint;
}

export function configKey(config: ResolvedConfig): string {
  const rules = [...config.rules].map(([id, rule]) => [id, rule.severity, rule.options ?? null]);
  // Some findings depend on the day the guide is linted (meta.dependsOnDate).
  const isOn = (id: string) => (config.rules.get(id)?.severity ?? 'off') !== 'off';
  const datedRuleOn = allRules.some((rule) => rule.meta.dependsOnDate && isOn(rule.meta.id));
  const day = datedRuleOn ? today() : null;
  return hash(JSON.stringify({ rules, ignores: config.ignores, day }));
}

export class LintCache {
  readonly #path: string;
  readonly #file: CacheFile;
  #dirty = false;

  constructor(path: string) {
    this.#path = path;
    let file: CacheFile | undefined;
    try {
      // Bounded and regular files only, like a guide: a cache path can be a FIFO or a device too.
      const read = readRegularFile(path, MAX_CACHE_BYTES);
      file = read.tooLarge ? undefined : (JSON.parse(read.bytes.toString('utf8')) as CacheFile);
    } catch {
      file = undefined; // no cache yet, or an unreadable one: start afresh
    }
    this.#file = file?.tool === tool() && file.entries ? file : { tool: tool(), entries: {} };
  }

  static key(bytes: Uint8Array, config: ResolvedConfig): string {
    return hash(`${hash(bytes)} ${configKey(config)}`);
  }

  get(filePath: string, key: string): { result?: LintResult; summary?: GuideSummary } | undefined {
    let entry = this.#file.entries[filePath];
    if (entry?.key !== key) {
      entry = this.#elsewhere(filePath, key);
      if (!entry) return undefined;
      // Kept under this path too: the next run finds it directly.
      this.#file.entries[filePath] = entry;
      this.#dirty = true;
    }
    return {
      ...(entry.result && { result: { filePath, ...entry.result } }),
      ...(entry.summary && { summary: entry.summary }),
    };
  }

  /** Entries by key and file name extension, built on the first miss (`#elsewhere`). */
  #byContent: Map<string, string> | undefined;

  /**
   * The entry of the same bytes under the same configuration at another path: a renamed or moved
   * guide, or a commit's tree extracted elsewhere (`baihua report --history`). Findings depend on
   * the bytes, the configuration and the format, which the extension sets, not on the path; the
   * summary names its file, so it is given this path.
   */
  #elsewhere(filePath: string, key: string): CacheEntry | undefined {
    if (!this.#byContent) {
      this.#byContent = new Map();
      for (const [path, entry] of Object.entries(this.#file.entries))
        this.#byContent.set(`${extname(path)} ${entry.key}`, path);
    }
    const path = this.#byContent.get(`${extname(filePath)} ${key}`);
    const entry = path === undefined ? undefined : this.#file.entries[path];
    if (entry?.key !== key) return undefined;
    return { ...entry, ...(entry.summary && { summary: { ...entry.summary, filePath } }) };
  }

  /** Stores a result before the catalog pass adds its findings (those depend on the other guides). */
  set(
    filePath: string,
    key: string,
    { filePath: _path, output: _output, sourceDigest: _digest, ...result }: LintResult,
    summary: GuideSummary | undefined,
  ): void {
    this.#file.entries[filePath] = { key, result: structuredClone(result), ...(summary && { summary }) };
    this.#dirty = true;
  }

  setSummary(filePath: string, key: string, summary: GuideSummary): void {
    const entry = this.#file.entries[filePath];
    this.#file.entries[filePath] = entry?.key === key ? { ...entry, summary } : { key, summary };
    this.#dirty = true;
  }

  save(): void {
    if (!this.#dirty) return;
    try {
      writeFileAtomic(this.#path, JSON.stringify(this.#file));
    } catch (error) {
      // The cache only saves time: a run whose cache cannot be written (read-only) still reports.
      if (!(error instanceof FileAccessError)) throw error;
    }
  }
}
