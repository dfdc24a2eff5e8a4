/**
 * A build spread over machines: `baihua build --shard i/n` renders one slice of the catalog (its
 * guides' files and records, no catalog pages) and marks its output with which slice of which
 * catalog it is; `baihua merge` checks that the shards are the whole catalog, each once, built
 * alike, joins their files and computes the catalog pages from every record, through the same
 * atomic switch as a build. Catalog pages come from records alone, so the merged site is
 * byte-identical to a build on one machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, link, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { UsageError } from '@baihua/core';
import {
  loadTemplates,
  renderCatalog,
  TARGETS,
  type CatalogOptions,
  type GuideRecord,
  type JourneyRecord,
  type Target,
} from '@baihua/render';
import { buildOptionsHash } from './render-guides.js';
import {
  recordPath,
  STATE_FOLDER,
  storedSearchDocuments,
  withoutSearch,
  type RenderSettings,
  type StoredRecord,
} from './render-job.js';
import { checkOutput, MARKER, replaceSite } from './site-output.js';
import { PDF_MANIFEST, pagesPerTarget, pdfManifestText, writeSiteFiles } from './write-site.js';

/** `--shard i/n`: slice `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

const SHARD_FILE = `${STATE_FOLDER}/shard.json`;
/** The templates a shard was built with, for the catalog pages `baihua merge` computes. */
const SHARD_TEMPLATES = `${STATE_FOLDER}/templates`;

interface ShardMarker {
  shard: number;
  of: number;
  /** every guide of the catalog, by a hash of their sorted ids, and how many */
  catalog: { guides: number; hash: string };
  /** the renderer, the templates' contents, the targets and the site's address */
  options: string;
  targets: Target[];
  /** what the catalog pages need beyond the records: the site's address, the bundle manifest's versions */
  catalogOptions: CatalogOptions;
  /** the ids of this shard's guides, sorted */
  ids: string[];
}

const sortedIds = (ids: Iterable<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const catalogHash = (ids: Iterable<string>) => createHash('sha256').update(sortedIds(ids).join('\n')).digest('hex');

/** Reads `--shard i/n`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard 要写成「第几片/共几片」，如 --shard 2/3（从 1 数起），现在是「${text}」`);
  return { index, count };
}

/** Marks a shard's build folder: which slice of which catalog, built how; and keeps its templates for the merge. */
export async function writeShard(
  folder: string,
  shard: Shard,
  catalogIds: string[],
  settings: Omit<RenderSettings, 'folder'>,
  catalogOptions: CatalogOptions,
): Promise<void> {
  const records = join(folder, STATE_FOLDER, 'guides');
  const ids = existsSync(records) ? readdirSync(records).map((name) => name.slice(0, -'.json'.length)) : [];
  const marker: ShardMarker = {
    shard: shard.index,
    of: shard.count,
    catalog: { guides: catalogIds.length, hash: catalogHash(catalogIds) },
    options: buildOptionsHash(settings.templates, settings.targets, settings.siteUrl, settings.site),
    targets: TARGETS.filter((target) => settings.targets.includes(target)),
    catalogOptions,
    ids: sortedIds(ids),
  };
  await cp(settings.templates, join(folder, SHARD_TEMPLATES), { recursive: true, dereference: true });
  await writeFile(join(folder, SHARD_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

function readMarker(dir: string): ShardMarker {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(path))
    throw new UsageError(
      `${dir} 不是 baihua build --shard 生成的分片（里面没有 ${SHARD_FILE}）：请给出每一片的 --out 目录`,
    );
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ShardMarker;
  } catch {
    throw new UsageError(`${dir} 里的 ${SHARD_FILE} 读不懂：请重新运行这一片的 baihua build --shard`);
  }
}

/** Checks that the shards are one catalog's, built alike, each slice once, every guide once. */
function checkShards(dirs: string[]): ShardMarker[] {
  const markers = dirs.map(readMarker);
  const first = markers[0]!;
  const bySlice = new Map<number, string>();
  markers.forEach((marker, index) => {
    const dir = dirs[index]!;
    if (marker.of !== first.of)
      throw new UsageError(
        `${dir} 是 ${marker.shard}/${marker.of}，${dirs[0]} 是 ${first.shard}/${first.of}：所有分片要用同一个 n`,
      );
    if (marker.catalog.hash !== first.catalog.hash)
      throw new UsageError(`${dir} 和 ${dirs[0]} 不是同一批指南生成的分片：请在同一个提交上重新生成所有分片`);
    if (
      marker.options !== first.options ||
      JSON.stringify(marker.catalogOptions) !== JSON.stringify(first.catalogOptions)
    )
      throw new UsageError(
        `${dir} 和 ${dirs[0]} 生成时的模板、网站信息（site:）、--targets、--site-url 或 baihua 版本不同：请用同样的设置重新生成所有分片`,
      );
    const other = bySlice.get(marker.shard);
    if (other !== undefined)
      throw new UsageError(`第 ${marker.shard}/${marker.of} 片给了两次：${other} 和 ${dir}，请每一片只给一次`);
    bySlice.set(marker.shard, dir);
  });
  const missing = Array.from({ length: first.of }, (_, index) => index + 1).filter((shard) => !bySlice.has(shard));
  if (missing.length)
    throw new UsageError(
      `缺少第 ${missing.map((shard) => `${shard}/${first.of}`).join('、')} 片：请先用 baihua build --shard 生成，再一起合并`,
    );
  const owner = new Map<string, string>();
  markers.forEach((marker, index) => {
    for (const id of marker.ids) {
      const other = owner.get(id);
      if (other !== undefined)
        throw new UsageError(`指南 ${id} 同时在 ${other} 和 ${dirs[index]} 里：分片有重叠，请重新生成所有分片`);
      owner.set(id, dirs[index]!);
    }
  });
  if (owner.size !== first.catalog.guides || catalogHash(owner.keys()) !== first.catalog.hash)
    throw new UsageError(
      `分片里的指南不是完整的目录（有 ${owner.size} 份，应有 ${first.catalog.guides} 份）：请重新生成所有分片`,
    );
  return markers;
}

/** The journeys' records a shard holds (the first shard renders every journey). */
function storedJourneys(dir: string): JourneyRecord[] {
  const folder = join(dir, STATE_FOLDER, 'journeys');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as JourneyRecord);
}

/** What a merge wrote. */
export interface Merged {
  shards: number;
  guides: number;
  journeys: number;
  pages: Partial<Record<Target, number>>;
}

/** Whether a shard's file is one of its guides' (joined as is) rather than the shard's own. */
const isGuideFile = (path: string) =>
  path !== MARKER && path !== SHARD_FILE && path !== PDF_MANIFEST && !path.startsWith(`${SHARD_TEMPLATES}/`);

/** `baihua merge`: joins the shards into `out`, with the catalog pages of every record. */
export async function mergeShards(dirs: string[], out: string, onWait: () => void): Promise<Merged> {
  if (!dirs.length) throw new UsageError('请给出要合并的分片目录，如 baihua merge shard-1 shard-2 shard-3 --out dist');
  for (const dir of dirs) if (!existsSync(dir)) throw new UsageError(`分片目录 ${dir} 不存在`);
  const markers = checkShards(dirs);
  const { targets, catalogOptions } = markers[0]!;
  const templates = join(dirs[0]!, SHARD_TEMPLATES);
  const place = checkOutput(out, { guides: dirs, templates });
  return replaceSite(
    place,
    async (folder) => {
      const records: GuideRecord[] = [];
      const recordFiles: string[] = [];
      const pdfs: Record<string, string> = {};
      for (const dir of dirs) {
        const files = readdirSync(dir, { recursive: true, withFileTypes: true });
        for (const entry of files) {
          if (!entry.isFile()) continue;
          const path = relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/');
          if (!isGuideFile(path)) continue;
          const target = join(folder, path);
          await mkdir(dirname(target), { recursive: true });
          await link(join(dir, path), target).catch(() => copyFile(join(dir, path), target));
        }
        const manifest = join(dir, PDF_MANIFEST);
        if (existsSync(manifest)) Object.assign(pdfs, JSON.parse(readFileSync(manifest, 'utf8')));
        for (const id of readMarker(dir).ids) {
          const file = join(dir, recordPath(id));
          records.push(withoutSearch((JSON.parse(readFileSync(file, 'utf8')) as StoredRecord).record));
          recordFiles.push(file);
        }
      }
      const journeys = dirs.flatMap(storedJourneys);
      const catalog = renderCatalog(records, targets, loadTemplates(templates), {
        ...catalogOptions,
        journeys,
        searchDocuments: storedSearchDocuments(recordFiles),
      });
      await writeSiteFiles(folder, catalog);
      if (Object.keys(pdfs).length) await writeFile(join(folder, PDF_MANIFEST), pdfManifestText(pdfs));
      const journeyFiles = journeys.flatMap((journey) => journey.files);
      return {
        shards: dirs.length,
        guides: records.length,
        journeys: journeys.length,
        pages: pagesPerTarget(records, [...journeyFiles, ...catalog.keys()], targets),
      };
    },
    onWait,
  );
}
