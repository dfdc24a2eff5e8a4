/**
 * Linting guides as they are edited (the language server): the unsaved text of a guide, checked
 * by the same `lintRead` and catalog pass as `baihua lint`, against a catalog kept in memory and
 * kept current as files change, instead of read again at every keystroke.
 */
import { dirname } from 'node:path';
import { decodeGuide, findGuideFiles, type JourneyService, type ParsedGuide, type ResolvedConfig } from '@baihua/core';
import { LintCache } from './cache.js';
import { runCatalogRules, servicesOf, type CatalogMember } from './catalog.js';
import { lintRead } from './check-guide.js';
import { configSource } from './config.js';
import { catalogFiles, catalogSummary, isIgnored } from './run.js';
import type { GuideSummary, LintResult } from './types.js';

export interface LiveLintOptions {
  /** the folder messages name other guides relative to (the workspace folder) */
  cwd: string;
  /** a lint cache to read the catalog's summaries from at start (`.baihuacache`); never written */
  cacheLocation?: string;
}

export interface LiveLinted {
  result: LintResult;
  /** the guide as parsed from the text linted */
  guide: ParsedGuide;
  config: ResolvedConfig;
  /**
   * whether what the other guides' catalog rules read of this one (its id, codes, related guides,
   * contacts, prose signature, the service a journey plans with) changed since it was last linted:
   * their findings may have changed
   */
  catalogChanged: boolean;
}

/** What no catalog rule reads: where values are written, the names kept for completion, the report's facts. */
const NOT_CATALOG_FACTS = new Set(['at', 'places', 'directives', 'materialNames', 'departments', 'issuers', 'facts']);

/** A summary as the other guides see it: the values, not where they are written. */
function catalogFacts(summary: GuideSummary): string {
  return JSON.stringify(summary, (key, value) => (NOT_CATALOG_FACTS.has(key) ? undefined : value));
}

/**
 * The guides a guide is compared with: those its configuration's `catalog` names, or else every
 * guide below its nearest configuration file, as `baihua lint` on that folder would see them.
 */
async function scopeFiles(config: ResolvedConfig): Promise<string[]> {
  if (config.catalog) return catalogFiles(config);
  const nearest = config.layers.at(-1)?.path;
  if (!nearest) return [];
  const files = await findGuideFiles([dirname(nearest)]).catch(() => []);
  return files.filter((filePath) => !isIgnored(filePath, config));
}

/** Names used across a catalog, each with the number of guides that use it. */
export interface CatalogValues {
  materialNames: Array<{ name: string; guides: number }>;
  departments: Array<{ name: string; guides: number }>;
  issuers: Array<{ name: string; guides: number }>;
  locationNames: Array<{ name: string; guides: number }>;
  /** the other guides (not journeys), by id */
  guides: Array<{ id: string; title?: string }>;
}

export class LiveLint {
  readonly #cwd: string;
  readonly #cache: LintCache | undefined;
  #configSource = configSource(undefined);
  /** each file's configuration, merged once (the catalog's are read at every keystroke) */
  readonly #configs = new Map<string, ResolvedConfig>();
  /** summaries of guides on disk, by path (as of when they were last read) */
  readonly #onDisk = new Map<string, GuideSummary>();
  /** summaries of the unsaved text of open guides, by path */
  readonly #unsaved = new Map<string, GuideSummary>();
  /** the guides of each scope, by the scope's key */
  readonly #scopes = new Map<string, Promise<string[]>>();

  constructor(options: LiveLintOptions) {
    this.#cwd = options.cwd;
    this.#cache = options.cacheLocation ? new LintCache(options.cacheLocation) : undefined;
  }

  /** The configuration of a guide; throws the `ConfigError` of a broken configuration file. */
  configFor(filePath: string): ResolvedConfig {
    let config = this.#configs.get(filePath);
    if (!config) {
      config = this.#configSource(filePath);
      this.#configs.set(filePath, config);
    }
    return config;
  }

  /** Whether a file is one of the guides of a configured project: not ignored, not a preset it extends. */
  isGuide(filePath: string): boolean {
    const config = this.configFor(filePath);
    const configured = config.layers.some((layer) => layer.path.includes('/') || layer.path.includes('\\'));
    return configured && !this.isPreset(filePath) && !isIgnored(filePath, config);
  }

  /** Whether a file is a preset that the configuration of its own folder extends. */
  isPreset(filePath: string): boolean {
    return this.configFor(filePath).layers.some((layer) => layer.path === filePath);
  }

  /**
   * Lints the text of a guide with its configuration and the catalog rules against every other
   * guide of its catalog (open guides as last linted, the others as on disk).
   */
  async lint(filePath: string, text: string): Promise<LiveLinted> {
    const config = this.configFor(filePath);
    const read = decodeGuide(filePath, Buffer.from(text, 'utf8'));
    const linted = lintRead(filePath, read.file, read.problem, { config, keepGuide: true });
    const { result, summary } = linted;
    let catalogChanged = false;
    if (summary) {
      const before = this.#unsaved.get(filePath) ?? this.#onDisk.get(filePath);
      // Unread before (no other guide has looked at it yet): nothing else can have changed.
      catalogChanged = before !== undefined && catalogFacts(before) !== catalogFacts(summary);
      this.#unsaved.set(filePath, summary);
      const members: CatalogMember[] = [{ result, summary, config }];
      for (const other of await this.#scope(config)) {
        if (other === filePath) continue;
        const member = this.#member(other);
        if (member) members.push(member);
      }
      runCatalogRules(members, this.#cwd);
    }
    return { result, guide: linted.guide!, config, catalogChanged };
  }

  /**
   * The names other guides of a guide's catalog use (open guides as last linted, the others as on
   * disk), each with how many guides use it, most used first, and their ids: for completion in the
   * editor.
   */
  async catalogValues(filePath: string): Promise<CatalogValues> {
    const names = (summary: GuideSummary) => ({
      materialNames: summary.materialNames ?? [],
      departments: summary.departments ?? [],
      issuers: summary.issuers ?? [],
      locationNames: [...new Set(summary.locations.map((location) => location.name))],
    });
    const counts = new Map<keyof ReturnType<typeof names>, Map<string, number>>();
    const guides: CatalogValues['guides'] = [];
    for (const other of await this.#scope(this.configFor(filePath))) {
      if (other === filePath) continue;
      const summary = this.#member(other)?.summary;
      if (!summary) continue;
      // A journey's id names no guide: it is never a guide's related id, nor a journey's step.
      if (summary.kind === 'journey') continue;
      if (summary.id) guides.push({ id: summary.id.value, ...(summary.title && { title: summary.title }) });
      for (const [field, values] of Object.entries(names(summary)) as Array<
        [keyof ReturnType<typeof names>, string[]]
      >) {
        const count = counts.get(field) ?? new Map<string, number>();
        counts.set(field, count);
        for (const name of values) count.set(name, (count.get(name) ?? 0) + 1);
      }
    }
    const ranked = (field: keyof ReturnType<typeof names>) =>
      [...(counts.get(field) ?? [])]
        .sort(([a, m], [b, n]) => n - m || a.localeCompare(b, 'zh'))
        .map(([name, guides]) => ({ name, guides }));
    return {
      materialNames: ranked('materialNames'),
      departments: ranked('departments'),
      issuers: ranked('issuers'),
      locationNames: ranked('locationNames'),
      guides: guides.sort((a, b) => a.id.localeCompare(b.id)),
    };
  }

  /**
   * What a journey needs of each guide of a file's catalog (open guides as last linted, the others
   * as on disk), by id: for the editor's preview of a journey, as `baihua build` renders it.
   */
  async journeyServices(filePath: string): Promise<Map<string, JourneyService>> {
    const scope = await this.#scope(this.configFor(filePath));
    return servicesOf(scope.flatMap((other) => this.#member(other)?.summary ?? []));
  }

  /** The guide's editor closed: the catalog reads it from disk again. */
  closed(filePath: string): void {
    this.#unsaved.delete(filePath);
    this.#onDisk.delete(filePath);
  }

  /** A guide changed on disk; `created` or deleted files change the catalog's membership. */
  fileChanged(filePath: string, membershipChanged: boolean): void {
    this.#onDisk.delete(filePath);
    if (membershipChanged) this.#scopes.clear();
  }

  /** A configuration file or preset changed: every configuration and summary is read again. */
  configChanged(): void {
    this.#configSource = configSource(undefined);
    this.#configs.clear();
    this.#onDisk.clear();
    this.#scopes.clear();
  }

  #scope(config: ResolvedConfig): Promise<string[]> {
    const key = JSON.stringify([config.catalog, config.layers.at(-1)?.path, config.ignores]);
    let files = this.#scopes.get(key);
    if (!files) {
      files = scopeFiles(config);
      this.#scopes.set(key, files);
      // A failed listing (a broken `catalog` entry) is tried again at the next lint.
      files.catch(() => this.#scopes.delete(key));
    }
    return files;
  }

  /** Another guide of the catalog, unless it is gone or its own configuration is broken. */
  #member(filePath: string): CatalogMember | undefined {
    try {
      const config = this.configFor(filePath);
      const summary = this.#unsaved.get(filePath) ?? this.#onDisk.get(filePath);
      if (summary) return { summary, config };
      const read = catalogSummary(filePath, config, this.#cache);
      this.#onDisk.set(filePath, read);
      return { summary: read, config };
    } catch {
      // Its problem is reported on that guide when it is open, not on this one.
      return undefined;
    }
  }
}
