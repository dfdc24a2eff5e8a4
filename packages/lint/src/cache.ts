import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '@baihua/core';
import type { LintResult } from './types.js';
import { writeFileAtomic } from './write.js';

/**
 * The lint cache (`--cache`): results, findings included, keyed by the file's bytes, the
 * configuration that applies to it and the tool (its version and its rule data), so an unchanged
 * catalog re-lints without parsing anything or loading the segmentation dictionary.
 */
interface CacheFile {
  tool: string;
  entries: Record<string, { key: string; result: Omit<LintResult, 'filePath'> }>;
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let toolFingerprint: string | undefined;

/** Version plus every rule data file and schema: editing a word list invalidates the cache. */
function tool(): string {
  if (!toolFingerprint) {
    const digest = createHash('sha256');
    const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    digest.update(version);
    const directories = [new URL('../configs/', import.meta.url), new URL('../../plain/data/', import.meta.url), new URL('../../../schema/', import.meta.url)];
    const visit = (directory: string) => {
      if (!existsSync(directory)) return;
      for (const name of readdirSync(directory).sort()) {
        const path = join(directory, name);
        if (statSync(path).isDirectory()) visit(path);
        else digest.update(name).update(readFileSync(path));
      }
    };
    for (const directory of directories) visit(fileURLToPath(directory));
    toolFingerprint = digest.digest('hex');
  }
  return toolFingerprint;
}

export function configKey(config: ResolvedConfig): string {
  return hash(JSON.stringify({ rules: [...config.rules].map(([id, rule]) => [id, rule.severity, rule.options ?? null]), ignores: config.ignores }));
}

export class LintCache {
  readonly #path: string;
  readonly #file: CacheFile;
  #dirty = false;

  constructor(path: string) {
    this.#path = path;
    let file: CacheFile | undefined;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    } catch {
      file = undefined; // no cache yet, or an unreadable one: start afresh
    }
    this.#file = file?.tool === tool() && file.entries ? file : { tool: tool(), entries: {} };
  }

  static key(bytes: Uint8Array, config: ResolvedConfig): string {
    return hash(`${hash(bytes)} ${configKey(config)}`);
  }

  get(filePath: string, key: string): LintResult | undefined {
    const entry = this.#file.entries[filePath];
    return entry?.key === key ? { filePath, ...entry.result } : undefined;
  }

  set(filePath: string, key: string, { filePath: _path, output: _output, ...result }: LintResult): void {
    this.#file.entries[filePath] = { key, result };
    this.#dirty = true;
  }

  save(): void {
    if (this.#dirty) writeFileAtomic(this.#path, JSON.stringify(this.#file));
  }
}
