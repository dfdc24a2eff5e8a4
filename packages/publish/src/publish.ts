import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  displayPath,
  FileAccessError,
  parseGuide,
  readGuideFile,
  unpublishedStatus,
  type GuideStatus,
} from '@baihua/core';
import {
  configSource,
  glossaryTermUses,
  lintRun,
  servicesOf,
  type Concurrency,
  type GuideSummary,
  type LintMemory,
  type LintResult,
  type LintRun,
} from '@baihua/lint';
import { cutForSearch } from '@baihua/plain';
import {
  findChromium,
  GUIDE_ID,
  handoutsOf,
  journeyMemberships,
  loadTemplates,
  renderCatalog,
  renderJourneys,
  renderSite,
  siteLogoFiles,
  type ManifestOptions,
  type ReadabilityGrade,
  type Site,
  type Target,
} from '@baihua/render';
import { journeyRecordPath, recordPath, storedSearchDocuments } from './render-job.js';
import { renderGuides, type BuildGuide } from './render-guides.js';
import { writeShard, type Shard } from './shard.js';
import { checkOutput, replaceSite } from './site-output.js';
import { sourceCommit } from './source-commit.js';
import { siteIdentity, siteTemplates } from './templates.js';
import { copySiteFiles, pagesPerTarget, printHandouts, writeSiteFiles } from './write-site.js';

export interface PublishOptions {
  /** the guides' paths and globs, as given on the command line */
  patterns: string[];
  targets: readonly Target[];
  /** `-c`: one configuration file instead of the cascade */
  configFile?: string;
  /** `--templates` */
  templates?: string;
  /** where the web pages will be served, for links in print handouts and JSON-LD */
  siteUrl?: string;
  /** Baihua's version, for the bundle's manifest (needed with the bundle target) */
  toolVersion?: string;
  /** the guides of earlier publications in this process (`baihua serve`): only changed guides are linted again */
  memory?: LintMemory;
  /** where to write the site (`baihua build`); without it the site is only rendered in memory (`baihua serve`) */
  out?: { path: string; onWait: () => void };
  /** worker threads for linting and rendering (`--concurrency`) */
  concurrency?: Concurrency;
  /** `--shard i/n` (from 1): build one slice of the catalog, without its catalog pages, for `baihua merge` */
  shard?: Shard;
  /** how many guides of the build are rendered (or taken from the previous build) so far */
  onProgress?: (done: number, total: number) => void;
}

/** What a build wrote. */
export interface Built {
  guides: number;
  /** journeys (一件事) rendered, with the catalog pages */
  journeys: number;
  rendered: number;
  reused: number;
  /** HTML pages per target asked for */
  pages: Partial<Record<Target, number>>;
  /** PDFs made, and how many of them printed anew (the others were copied from the previous site) */
  pdfs: number;
  printed: number;
}

/** A guide linted but left off the site by its status. */
export interface Unpublished {
  filePath: string;
  status: GuideStatus;
}

export interface Publication {
  /** the lint run: every guide's result, and how many were linted or reused */
  run: LintRun;
  /** the guides with errors: when there are any, nothing is rendered or written */
  failed: LintResult[];
  /**
   * the guides not published: drafts and cancelled services (`unpublishedStatus`). Their errors
   * do not stop the build, and links to them are left out as to any guide not on the site.
   */
  unpublished: Unpublished[];
  /** without `out`: the site rendered in memory */
  site?: Site;
  /** with `out`: what was written */
  built?: Built;
  /** the print target was asked for and there is no Chromium: the PDFs were not made */
  chromiumMissing: boolean;
}

/**
 * The publish pipeline of `baihua build` and `baihua serve`: lint the guides once (with their
 * configuration, `ignores` and the catalog pass), choose the templates, check `--out`, and when
 * no guide has an error render the guides and write the site in one switch.
 */
export async function publish(options: PublishOptions): Promise<Publication> {
  return options.out ? build(options, options.out) : preview(options);
}

/** `baihua serve`: every guide as lint parsed it (remembered between saves), rendered in memory. */
async function preview(options: PublishOptions): Promise<Publication> {
  const { patterns, targets, configFile } = options;
  const run = await lintRun({
    patterns,
    readabilitySections: false,
    keepGuides: true,
    ...(configFile && { configFile }),
    ...(options.memory && { memory: options.memory }),
  });
  const templates = siteTemplates({
    patterns,
    ...(options.templates && { option: options.templates }),
    ...(configFile && { configFile }),
  });
  const unpublished = run.guides.flatMap(({ guide }): Unpublished[] => {
    const status = unpublishedStatus(guide.data);
    return status ? [{ filePath: guide.file.path, status }] : [];
  });
  const failed = publishedFailures(run.results, unpublished);
  if (failed.length) return { run, failed, unpublished, chromiumMissing: false };
  const published = run.guides.filter(({ guide }) => !unpublishedStatus(guide.data));
  const termMarks = new Map(published.map(({ guide, config }) => [guide, glossaryTermUses(guide, config)]));
  const guides = published.map(({ guide }) => guide);
  const siteUrl = options.siteUrl;
  const identity = siteIdentity({ patterns, ...(configFile && { configFile }) });
  const bundle = targets.includes('bundle') ? bundleOptions(run, options.toolVersion) : {};
  // The search index holds jieba's words: renderGuide cuts only when a target ships the index.
  const site = renderSite(guides, {
    targets,
    templates,
    termMarks,
    segment: cutForSearch,
    ...bundle,
    ...(siteUrl && { siteUrl }),
    ...(identity && { site: identity }),
  });
  return { run, failed, unpublished, site, chromiumMissing: false };
}

/** The guides whose errors stop the build: those to be published. */
function publishedFailures(results: readonly LintResult[], unpublished: readonly Unpublished[]): LintResult[] {
  const left = new Set(unpublished.map(({ filePath }) => filePath));
  return results.filter((result) => result.errorCount > 0 && !left.has(result.filePath));
}

const gradeOf = (result: LintResult): ReadabilityGrade | undefined => {
  const readability = result.stats?.readability;
  return readability && { score: readability.score, band: readability.band };
};

/** The bundle manifest's versions: Baihua's, and the commit of the guides' repository when they are in one. */
function manifestOptions(firstGuide: string | undefined, toolVersion: string | undefined): ManifestOptions {
  if (!toolVersion) throw new Error('publish: the bundle target needs toolVersion');
  const commit = firstGuide && sourceCommit(dirname(firstGuide));
  return { toolVersion, ...(commit && { sourceCommit: commit }) };
}

/** What the bundle takes from the lint run: each guide's readability grade, and the guides' commit. */
function bundleOptions(run: LintRun, toolVersion: string | undefined) {
  const grades = new Map(run.results.map((result) => [result.filePath, gradeOf(result)]));
  const readability = new Map(
    run.guides.flatMap(({ guide }) => {
      const grade = grades.get(guide.file.path);
      return grade ? [[guide, grade] as const] : [];
    }),
  );
  return { readability, bundle: manifestOptions(run.guides[0]?.guide.file.path, toolVersion) };
}

/**
 * Every id becomes a file name, so each is checked against the schema's pattern whatever the lint
 * settings said (`schema/format: off` lets `../../x` through lint), and two guides never write one
 * file: from the lint's summaries, before anything is rendered.
 */
function checkIds(summaries: readonly GuideSummary[]): void {
  const seen = new Map<string, string>();
  for (const { filePath, id } of summaries) {
    const point = id && { line: id.at.line, column: id.at.column };
    if (!id || !GUIDE_ID.test(id.value)) {
      const shown = id ? `「${id.value}」` : '';
      throw new FileAccessError(
        filePath,
        `id${shown}不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal`,
        point,
      );
    }
    const other = seen.get(id.value);
    if (other !== undefined)
      throw new FileAccessError(
        filePath,
        `id「${id.value}」和 ${displayPath(other)} 重复了，两份指南会写到同一个网页：请改用不同的 id`,
        point,
      );
    seen.set(id.value, filePath);
  }
}

/**
 * `baihua build`: lint as `baihua lint` does (worker threads, the lint cache in Baihua's builds
 * folder beside `--out`), then, when no guide has an error, render the guides into a new build
 * folder (each unchanged guide taken from the current site), compute the catalog pages from the
 * guides' records, print the handouts and switch `--out` to the new build.
 */
async function build(options: PublishOptions, out: NonNullable<PublishOptions['out']>): Promise<Publication> {
  const { patterns, targets, configFile, siteUrl, shard } = options;
  const concurrency = options.concurrency ?? 'auto';
  const templates = siteTemplates({
    patterns,
    ...(options.templates && { option: options.templates }),
    ...(configFile && { configFile }),
  });
  const site = siteIdentity({ patterns, ...(configFile && { configFile }) });
  const place = checkOutput(out.path, { guides: patterns, templates, ...(configFile && { configFile }) });
  mkdirSync(place.builds, { recursive: true });
  const run = await lintRun({
    patterns,
    readabilitySections: false,
    summaries: true,
    cacheLocation: join(place.builds, 'lint-cache'),
    concurrency,
    ...(configFile && { configFile }),
    ...(shard && { slice: { index: shard.index - 1, count: shard.count } }),
  });
  const unpublished = run.summaries.flatMap(({ filePath, unpublished: status }) =>
    status ? [{ filePath, status }] : [],
  );
  const failed = publishedFailures(run.results, unpublished);
  if (failed.length) return { run, failed, unpublished, chromiumMissing: false };
  // Journeys (一件事) are few and depend on several guides: parsed here, rendered with the catalog pages.
  const catalogSummaries = [...run.summaries, ...run.outside];
  const guideSummaries = catalogSummaries.filter((summary) => summary.kind !== 'journey' && !summary.unpublished);
  checkIds(guideSummaries);
  const journeys = catalogSummaries
    .filter((summary) => summary.kind === 'journey')
    .map((summary) => parseGuide(readGuideFile(summary.filePath).file));
  // What the journeys need of each guide, from its summary: no guide is parsed for them.
  const services = servicesOf(guideSummaries);
  const memberships = journeyMemberships(journeys);
  const titles = new Map<string, string>();
  for (const summary of guideSummaries)
    if (summary.id && summary.title !== undefined) titles.set(summary.id.value, summary.title);
  const configs = configSource(configFile);
  const guides: BuildGuide[] = run.results.flatMap((result, index) => {
    const summary = run.summaries[index]!;
    if (result.kind === 'journey' || summary.unpublished) return [];
    const readability = gradeOf(result);
    const id = summary.id!.value;
    return [
      {
        filePath: result.filePath,
        id,
        related: summary.related.map((related) => related.value),
        config: configs(result.filePath),
        ...(readability && { readability }),
        journeys: memberships.get(id) ?? [],
      },
    ];
  });
  const bundle = targets.includes('bundle') ? manifestOptions(guides[0]?.filePath, options.toolVersion) : undefined;
  const catalogOptions = { ...(siteUrl && { siteUrl }), ...(bundle && { bundle }), ...(site && { site }) };
  // Without Chromium the other targets (and the print pages) are still built; the PDFs are not.
  const chromium = targets.includes('print') ? findChromium() : undefined;
  const settings = {
    targets,
    templates,
    ...(siteUrl && { siteUrl }),
    ...(configFile && { configFile }),
    ...(site && { site }),
  };
  const built = await replaceSite(
    place,
    async (folder, previous): Promise<Built> => {
      const progress = (done: number) => options.onProgress?.(done, guides.length);
      const rendered = await renderGuides(guides, titles, { ...settings, folder }, previous, concurrency, progress);
      const loaded = loadTemplates(templates);
      // Journeys need every guide's facts, which every shard has from the summaries: the first
      // shard renders them, and \`baihua merge\` takes their records for the catalog pages.
      const journeyPages =
        shard && shard.index !== 1
          ? { files: new Map<string, string>(), records: [] }
          : renderJourneys(journeys, services, {
              targets,
              templates: loaded,
              segment: cutForSearch,
              ...(siteUrl && { siteUrl }),
              ...(site && { site }),
            });
      const catalog = shard
        ? new Map<string, string>()
        : renderCatalog(rendered.records, targets, loaded, {
            ...catalogOptions,
            journeys: journeyPages.records,
            searchDocuments: storedSearchDocuments(rendered.records.map(({ id }) => join(folder, recordPath(id)))),
          });
      await writeSiteFiles(folder, journeyPages.files);
      await writeSiteFiles(
        folder,
        new Map(journeyPages.records.map((record) => [journeyRecordPath(record.id), `${JSON.stringify(record)}\n`])),
      );
      await writeSiteFiles(folder, catalog);
      // A shard copies the logo too: \`baihua merge\` takes every file of the shards.
      await copySiteFiles(folder, siteLogoFiles(site, targets));
      const handouts = chromium ? handoutsOf(rendered.records, journeyPages.records) : [];
      const printed = handouts.length && chromium ? await printHandouts(folder, previous, handouts, chromium) : 0;
      if (shard) {
        const ids = guideSummaries.map((summary) => summary.id!.value);
        await writeShard(folder, shard, ids, settings, catalogOptions);
      }
      return {
        guides: guides.length,
        journeys: journeyPages.records.length,
        rendered: rendered.rendered,
        reused: rendered.reused,
        pages: pagesPerTarget(rendered.records, [...journeyPages.files.keys(), ...catalog.keys()], targets),
        pdfs: handouts.length,
        printed,
      };
    },
    out.onWait,
  );
  return { run, failed, unpublished, built, chromiumMissing: targets.includes('print') && !chromium };
}
