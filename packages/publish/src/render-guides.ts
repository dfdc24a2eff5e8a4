/**
 * Rendering a build's guides: each guide whose render key is the one it had in the previous build
 * is taken from that build (its files hard-linked or copied, its record reused); the others are
 * rendered, on worker threads for a large catalog, each worker writing its pages straight into
 * the build's folder and answering with the guide's record only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { availableParallelism, freemem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileAccessError, type ResolvedConfig, type SiteIdentity } from '@baihua/core';
import { runInWorkers, type Concurrency } from '@baihua/lint';
import { RENDER_MODULES, TARGETS, type GuideRecord, type JourneyMembership, type Target } from '@baihua/render';
import {
  recordPath,
  renderJob,
  type RenderAnswer,
  type RenderJob,
  type RenderSettings,
  type StoredRecord,
  withoutSearch,
} from './render-job.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Every regular file under a folder, names and contents, in name order. */
function hashFolder(digest: ReturnType<typeof createHash>, folder: string, recursive: boolean): void {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) {
      if (recursive) hashFolder(digest.update(`${name}/`), path, true);
    } else digest.update(name).update(readFileSync(path));
  }
}

let toolHash: string | undefined;

/** The renderer's own code (this package's and the render package's modules): a new version renders anew. */
function toolFingerprint(): string {
  if (!toolHash) {
    const digest = createHash('sha256');
    for (const folder of [RENDER_MODULES, fileURLToPath(new URL('.', import.meta.url))])
      hashFolder(digest, folder, false);
    toolHash = digest.digest('hex');
  }
  return toolHash;
}

/**
 * What every page of a build depends on: the renderer, the templates' contents, the targets, the
 * site's address and identity (a new name or 主办单位 in the configuration renders every page anew).
 */
export function buildOptionsHash(
  templates: string,
  targets: readonly Target[],
  siteUrl: string | undefined,
  site: SiteIdentity | undefined,
): string {
  const digest = createHash('sha256');
  hashFolder(digest, templates, true);
  const chosen = TARGETS.filter((target) => targets.includes(target));
  const identity = site ?? null;
  return sha256(
    JSON.stringify({ tool: toolFingerprint(), templates: digest.digest('hex'), chosen, siteUrl, identity }),
  );
}

/** A guide of the build, as the main thread knows it before rendering: from its lint summary and result. */
export interface BuildGuide {
  filePath: string;
  id: string;
  /** ids it names as related */
  related: string[];
  config: ResolvedConfig;
  readability?: GuideRecord['readability'];
  /** the journeys (一件事) it is a step of */
  journeys: JourneyMembership[];
}

/**
 * The render key of a guide: the build's options, its configuration's rules (the glossary's terms
 * are marked on the page), its bytes, the titles of the guides it links to, what the lint
 * measured of it and the journeys it is a step of (a journey's new title or steps re-render the
 * guides it names).
 */
function renderKey(guide: BuildGuide, optionsHash: string, related: Array<[string, string]>): string {
  const rules = [...guide.config.rules].map(([id, rule]) => [id, rule.severity, rule.options ?? null]);
  const bytes = sha256(readFileSync(guide.filePath));
  return sha256(JSON.stringify([optionsHash, rules, bytes, related, guide.readability ?? null, guide.journeys]));
}

/** How the guides of a build were had: rendered now, or taken from the previous build. */
export interface RenderedGuides {
  records: GuideRecord[];
  rendered: number;
  reused: number;
}

/**
 * Each worker loads the parsers, the templates and (for the glossary's term marks) jieba's
 * dictionary: about a second and 250 MB. Below this many guides a thread renders for less than
 * that, so small catalogs render in this thread.
 */
const GUIDES_PER_WORKER = 200;
const WORKER_MEMORY = 250 * 1024 * 1024;

/** Render threads: by cores, free memory and guides; 0 means this thread. */
export function renderThreads(concurrency: Concurrency, guides: number): number {
  if (concurrency === 'off' || guides < 2) return 0;
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, guides));
  const byMemory = Math.floor(freemem() / WORKER_MEMORY);
  const workers = Math.min(availableParallelism(), byMemory, Math.floor(guides / GUIDES_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/** Links a file of the previous build into the new one (same file system: no copy); copies where links fail. */
async function reuseFile(previous: string, folder: string, path: string): Promise<void> {
  const target = join(folder, path);
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(join(previous, path), target);
  } catch {
    await copyFile(join(previous, path), target);
  }
}

function previousRecord(previous: string | undefined, id: string, key: string): GuideRecord | undefined {
  if (!previous) return undefined;
  const path = join(previous, recordPath(id));
  if (!existsSync(path)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredRecord;
    if (stored.key !== key) return undefined;
    return stored.record.files.every((file) => existsSync(join(previous, file)))
      ? withoutSearch(stored.record)
      : undefined;
  } catch {
    // A record this version cannot read is rendered anew.
    return undefined;
  }
}

/**
 * Renders the guides of a build into `settings.folder`, taking from `previous` (the current site)
 * each guide whose key is unchanged. `titles` holds every guide of the catalog by id.
 * `onProgress` hears how many guides are done.
 */
export async function renderGuides(
  guides: readonly BuildGuide[],
  titles: ReadonlyMap<string, string>,
  settings: RenderSettings,
  previous: string | undefined,
  concurrency: Concurrency,
  onProgress: (done: number) => void,
): Promise<RenderedGuides> {
  const optionsHash = buildOptionsHash(settings.templates, settings.targets, settings.siteUrl, settings.site);
  const records: GuideRecord[] = [];
  const pending: RenderJob[] = [];
  for (const guide of guides) {
    const related = guide.related.flatMap(
      (id): Array<[string, string]> => (titles.has(id) ? [[id, titles.get(id)!]] : []),
    );
    const key = renderKey(guide, optionsHash, related);
    const reused = previousRecord(previous, guide.id, key);
    if (reused && previous) {
      for (const path of [...reused.files, recordPath(guide.id)]) await reuseFile(previous, settings.folder, path);
      records.push(reused);
      onProgress(records.length);
      continue;
    }
    pending.push({
      filePath: guide.filePath,
      key,
      related,
      ...(guide.readability && { readability: guide.readability }),
      ...(guide.journeys.length && { journeys: guide.journeys }),
    });
  }
  const threads = renderThreads(concurrency, pending.length);
  const take = (answer: RenderAnswer) => {
    if ('fileAccessError' in answer)
      throw new FileAccessError(answer.fileAccessError.path, answer.fileAccessError.message);
    records.push(answer);
    onProgress(records.length);
  };
  if (threads === 0) {
    for (const job of pending) {
      take(renderJob(job, settings));
      // The output's lock is refreshed on a timer: let it run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    await renderInWorkers(pending, settings, threads, take);
  }
  return { records, rendered: pending.length, reused: guides.length - pending.length };
}

async function renderInWorkers(
  jobs: RenderJob[],
  settings: RenderSettings,
  threads: number,
  take: (answer: RenderAnswer) => void,
): Promise<void> {
  // The worker runs the compiled files, also when this module runs from source under vitest.
  const worker = new URL('../dist/render-worker.js', import.meta.url);
  const message = (batch: RenderJob[]) => ({ jobs: batch, settings });
  await runInWorkers<RenderJob, RenderAnswer>(worker, jobs, threads, { maxBatch: 16, message }, (_start, answers) =>
    answers.forEach(take),
  );
}
