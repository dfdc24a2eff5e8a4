import { dirname } from 'node:path';
import { glossaryTermUses, lintRun, type LintMemory, type LintResult, type LintRun } from '@baihua/lint';
import { cutForSearch } from '@baihua/plain';
import { findChromium, renderSite, type ReadabilityGrade, type Site, type Target } from '@baihua/render';
import { checkOutput, replaceSite } from './site-output.js';
import { sourceCommit } from './source-commit.js';
import { siteTemplates } from './templates.js';
import { writeSiteFiles } from './write-site.js';

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
  /** where to write the site (`baihua build`); without it the site is only rendered (`baihua serve`) */
  out?: { path: string; onWait: () => void };
}

export interface Publication {
  /** the lint run: every guide's result, and how many were linted or reused */
  run: LintRun;
  /** the guides with errors: when there are any, nothing is rendered or written */
  failed: LintResult[];
  site?: Site;
  /** with `out`: how many PDFs were printed anew (the others were copied from the previous site) */
  printed?: number;
  /** the print target was asked for and there is no Chromium: the PDFs were not made */
  chromiumMissing: boolean;
}

/**
 * The publish pipeline of `baihua build` and `baihua serve`: lint the guides once (with their
 * configuration, `ignores` and the catalog pass), choose the templates, check `--out`, and when
 * no guide has an error render the guides as lint parsed them and write the site in one switch.
 */
export async function publish(options: PublishOptions): Promise<Publication> {
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
  const inputs = { guides: patterns, templates, ...(configFile && { configFile }) };
  const output = options.out && checkOutput(options.out.path, inputs);
  const failed = run.results.filter((result) => result.errorCount > 0);
  if (failed.length) return { run, failed, chromiumMissing: false };
  const termMarks = new Map(run.guides.map(({ guide, config }) => [guide, glossaryTermUses(guide, config)]));
  const guides = run.guides.map(({ guide }) => guide);
  const siteUrl = options.siteUrl;
  const bundle = targets.includes('bundle') ? bundleOptions(run, options.toolVersion) : {};
  // The search index holds jieba's words (loading jieba is the cost of a target that ships it).
  const search = targets.includes('web') || targets.includes('bundle') ? { segment: cutForSearch } : {};
  const site = renderSite(guides, { targets, templates, termMarks, ...bundle, ...search, ...(siteUrl && { siteUrl }) });
  if (!output || !options.out) return { run, failed, site, chromiumMissing: false };
  // Without Chromium the other targets (and the print pages) are still built; the PDFs are not.
  const chromium = targets.includes('print') ? findChromium() : undefined;
  const write = (building: string, previousSite: string | undefined) =>
    writeSiteFiles(building, previousSite, site, chromium);
  const printed = await replaceSite(output, write, options.out.onWait);
  return { run, failed, site, printed, chromiumMissing: targets.includes('print') && !chromium };
}

/** What the bundle takes from the lint run: each guide's readability grade, and the guides' commit. */
function bundleOptions(run: LintRun, toolVersion: string | undefined) {
  if (!toolVersion) throw new Error('publish: the bundle target needs toolVersion');
  const grades = new Map<string, ReadabilityGrade>();
  for (const result of run.results) {
    const readability = result.stats?.readability;
    if (readability) grades.set(result.filePath, { score: readability.score, band: readability.band });
  }
  const readability = new Map(
    run.guides.flatMap(({ guide }) => {
      const grade = grades.get(guide.file.path);
      return grade ? [[guide, grade] as const] : [];
    }),
  );
  const first = run.guides[0]?.guide.file.path;
  const commit = first && sourceCommit(dirname(first));
  return { readability, bundle: { toolVersion, ...(commit && { sourceCommit: commit }) } };
}
