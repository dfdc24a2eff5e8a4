import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PdfPrinter, TARGETS, type GuideRecord, type Handout, type SiteFiles, type Target } from '@baihua/render';

export const PDF_MANIFEST = 'print/pdf-manifest.json';

/** The PDF manifest's text: each handout's hash, by id in order. */
export const pdfManifestText = (manifest: Record<string, string>) =>
  `${JSON.stringify(Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 2)}\n`;

/**
 * The handouts as PDFs, one browser for the whole build, from the print pages already written to
 * `building`. A PDF whose print page and stylesheet are unchanged since the last build (same hash
 * in the previous site's manifest) is copied, not printed again. Resolves to how many were printed.
 */
export async function printHandouts(
  building: string,
  previousSite: string | undefined,
  handouts: readonly Handout[],
  chromium: string,
): Promise<number> {
  const css = await readFile(join(building, 'print/print.css'), 'utf8').catch(() => '');
  const manifestPath = previousSite && join(previousSite, PDF_MANIFEST);
  const before =
    manifestPath && existsSync(manifestPath)
      ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>)
      : {};
  const manifest: Record<string, string> = {};
  let printer: PdfPrinter | undefined;
  let printed = 0;
  try {
    for (const handout of handouts) {
      const page = join(building, 'print', `${handout.id}.html`);
      const hash = createHash('sha256')
        .update(await readFile(page))
        .update(css)
        .update(handout.date)
        .digest('hex');
      manifest[handout.id] = hash;
      const target = join(building, 'print', `${handout.id}.pdf`);
      const earlier = previousSite && join(previousSite, 'print', `${handout.id}.pdf`);
      if (earlier && before[handout.id] === hash && existsSync(earlier)) {
        await copyFile(earlier, target);
        continue;
      }
      printer ??= await PdfPrinter.launch(chromium);
      await writeFile(target, await printer.print(page, handout.title, handout.date));
      printed++;
    }
  } finally {
    await printer?.close();
  }
  await writeFile(join(building, PDF_MANIFEST), pdfManifestText(manifest));
  return printed;
}

/** Writes files of a site into a build's folder, without blocking, so the output lock stays fresh. */
export async function writeSiteFiles(building: string, files: SiteFiles): Promise<void> {
  const folders = new Set<string>();
  for (const [path, content] of files) {
    const file = join(building, path);
    if (!folders.has(dirname(file))) await mkdir(dirname(file), { recursive: true });
    folders.add(dirname(file));
    await writeFile(file, content);
  }
}

/** Copies files into a build's folder (the site's logo): output path → source file. */
export async function copySiteFiles(building: string, files: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [path, source] of files) {
    await mkdir(dirname(join(building, path)), { recursive: true });
    await copyFile(source, join(building, path));
  }
}

/** HTML pages per target asked for (the guides' and the catalog's); for the bundle, its guides' files. */
export function pagesPerTarget(
  records: readonly GuideRecord[],
  catalog: Iterable<string>,
  targets: readonly Target[],
): Partial<Record<Target, number>> {
  const pages: Partial<Record<Target, number>> = {};
  for (const target of TARGETS.filter((name) => targets.includes(name))) pages[target] = 0;
  for (const path of [...records.flatMap((record) => record.files), ...catalog]) {
    const target = path.slice(0, path.indexOf('/')) as Target;
    const counted = target === 'bundle' ? path.startsWith('bundle/guides/') : path.endsWith('.html');
    if (counted && pages[target] !== undefined) pages[target]++;
  }
  return pages;
}
