/**
 * The catalog pages are computed from the guides' records alone: the same records, in any order,
 * after a trip through JSON (as from a worker, a previous build or another machine), give the
 * same bytes, and they are the pages `renderSite` writes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findGuideFiles, isJourneyPath, parseGuide, readGuideModel, SourceFile } from '@baihua/core';
import {
  DEFAULT_TEMPLATES,
  journeyServices,
  loadTemplates,
  renderCatalog,
  renderGuide,
  renderJourneys,
  renderSite,
  TARGETS,
} from '@baihua/render';
import { describe, expect, it } from 'vitest';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const files = (await findGuideFiles([guidesDir])).map((path) =>
  parseGuide(new SourceFile(path, readFileSync(path, 'utf8'))),
);
const guides = files.filter((file) => !isJourneyPath(file.file.path));
const templates = loadTemplates(DEFAULT_TEMPLATES);
const titles = new Map(guides.map((guide) => [readGuideModel(guide).fields.id!, readGuideModel(guide).fields.title!]));
// the example journeys are listed by the index and found by search: catalog pages read their records
const journeys = renderJourneys(
  files.filter((file) => isJourneyPath(file.file.path)),
  journeyServices(guides),
  { targets: TARGETS, templates },
).records;
const catalogOptions = { bundle: { toolVersion: '0.1.0' }, journeys };
const records = guides.map((guide) => renderGuide(guide, { targets: TARGETS, templates, titles }).record);

describe('catalog pages from records', () => {
  it('are the same bytes whatever order the records come in, and after a trip through JSON', () => {
    const pages = renderCatalog(records, TARGETS, templates, catalogOptions);
    const shuffled = JSON.parse(JSON.stringify([...records].reverse()));
    expect(renderCatalog(shuffled, TARGETS, templates, catalogOptions)).toEqual(pages);
    const inSearch = (folder: string) =>
      [...pages.keys()].filter((path) => path.startsWith(folder)).map((path) => path.slice(folder.length));
    expect([...pages.keys()].filter((path) => !/^(web|bundle)\/search\//.test(path)).sort()).toEqual(
      [
        'bundle/manifest.json',
        'print/print.css',
        'web/assets/search.js',
        'web/assets/web.css',
        'web/index.html',
      ].sort(),
    );
    // The search index, with its module, shipped the same by the web and the bundle.
    const index = inSearch('web/search/').filter((path) => path !== 'search.js');
    expect(index).toContain('meta.json');
    expect(index.some((path) => path.startsWith('terms/'))).toBe(true);
    expect(inSearch('bundle/search/').filter((path) => path !== 'search.mjs')).toEqual(index);
  });

  it('are the pages renderSite writes, and each record lists the files its guide wrote', () => {
    const site = renderSite(files, { targets: TARGETS, bundle: catalogOptions.bundle }).files;
    for (const [path, content] of renderCatalog(records, TARGETS, templates, catalogOptions))
      expect(site.get(path), path).toBe(content);
    const renewal = records.find((record) => record.id === 'id-card-renewal')!;
    expect(renewal).toMatchObject({
      title: '换领居民身份证',
      files: [
        'bundle/guides/id-card-renewal.json',
        'mobile/id-card-renewal.html',
        'print/id-card-renewal.html',
        'web/guides/id-card-renewal.html',
      ],
    });
  });
});
