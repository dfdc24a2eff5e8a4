/**
 * Rendering one guide of a build into the build's folder, in the main thread or in a worker: the
 * guide is read and parsed here (never sent across threads), its pages are written straight to
 * disk, and only its record comes back, so the main thread never holds the pages.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseGuide, readGuideFile, type ResolvedConfig, type SiteIdentity } from '@baihua/core';
import { configSource, glossaryTermUses } from '@baihua/lint';
import { cutForSearch } from '@baihua/plain';
import {
  loadTemplates,
  renderGuide,
  type GuideRecord,
  type JourneyMembership,
  type SearchDocument,
  type SiteTemplates,
  type Target,
} from '@baihua/render';

/** Where a build keeps what its next build and `baihua merge` read: each guide's render key and record. */
export const STATE_FOLDER = '.baihua';
export const recordPath = (id: string) => `${STATE_FOLDER}/guides/${id}.json`;
/** A journey's record (its search document included), for \`baihua merge\`'s catalog pages. */
export const journeyRecordPath = (id: string) => `${STATE_FOLDER}/journeys/${id}.json`;

/** What a build keeps of a guide: the key it was rendered with, and its record. */
export interface StoredRecord {
  key: string;
  record: GuideRecord;
}

/** One guide to render. */
export interface RenderJob {
  filePath: string;
  key: string;
  /** the titles of the guides it names as related, by id */
  related: Array<[string, string]>;
  readability?: GuideRecord['readability'];
  /** the journeys (一件事) it is a step of */
  journeys?: JourneyMembership[];
}

/** What every job of a build shares. */
export interface RenderSettings {
  /** the build's folder */
  folder: string;
  targets: readonly Target[];
  templates: string;
  siteUrl?: string;
  configFile?: string;
  /** the configuration's `site:`, its logo absolute */
  site?: SiteIdentity;
}

export type RenderAnswer = GuideRecord | { fileAccessError: { path: string; message: string } };

/** A pool or a thread renders for one build: its templates and configurations are loaded once. */
let loaded: { settings: string; templates: SiteTemplates; configs: (filePath: string) => ResolvedConfig } | undefined;

export function renderJob(job: RenderJob, settings: RenderSettings): GuideRecord {
  const key = JSON.stringify([settings.templates, settings.configFile ?? null]);
  if (loaded?.settings !== key)
    loaded = {
      settings: key,
      templates: loadTemplates(settings.templates),
      configs: configSource(settings.configFile),
    };
  // The build has linted the guide: it has no fatal problem, so it parses.
  const { file } = readGuideFile(job.filePath);
  const guide = parseGuide(file);
  const termMarks = glossaryTermUses(guide, loaded.configs(job.filePath));
  const { files, record } = renderGuide(guide, {
    targets: settings.targets,
    templates: loaded.templates,
    titles: new Map(job.related),
    ...(settings.siteUrl && { siteUrl: settings.siteUrl }),
    ...(settings.site && { site: settings.site }),
    ...(termMarks.length && { termMarks }),
    ...(job.readability && { readability: job.readability }),
    ...(job.journeys && { journeys: job.journeys }),
    // jieba's words for the search index: loaded once per thread, only when a target ships the index
    segment: cutForSearch,
  });
  for (const [path, content] of files) writeFile(settings.folder, path, content);
  writeFile(settings.folder, recordPath(record.id), storedRecord({ key: job.key, record }));
  return withoutSearch(record);
}

export const storedRecord = (stored: StoredRecord) => `${JSON.stringify(stored)}\n`;

/**
 * A record as the main thread keeps it: without its search document (7–10 KB of terms, several
 * times that as objects), which stays in the stored record until the index is built.
 */
export function withoutSearch(record: GuideRecord): GuideRecord {
  const kept = { ...record };
  delete kept.search;
  return kept;
}

/** The search documents of stored records, read one at a time as the index takes them: a catalog never holds them all. */
export function* storedSearchDocuments(recordFiles: Iterable<string>): Generator<SearchDocument> {
  for (const file of recordFiles) {
    const { search } = (JSON.parse(readFileSync(file, 'utf8')) as StoredRecord).record;
    if (search) yield search;
  }
}

function writeFile(folder: string, path: string, content: string): void {
  const target = join(folder, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
