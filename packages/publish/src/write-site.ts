import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PdfPrinter, type Site } from '@baihua/render';

const PDF_MANIFEST = 'print/pdf-manifest.json';

/**
 * The handouts as PDFs, one browser for the whole build. A PDF whose print page and stylesheet
 * are unchanged since the last build (same hash in the previous site's manifest) is copied, not
 * printed again.
 */
async function printHandouts(
  building: string,
  previousSite: string | undefined,
  site: Site,
  chromium: string,
): Promise<number> {
  const css = site.files.get('print/print.css') ?? '';
  const manifestPath = previousSite && join(previousSite, PDF_MANIFEST);
  const before =
    manifestPath && existsSync(manifestPath)
      ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>)
      : {};
  const manifest: Record<string, string> = {};
  let printer: PdfPrinter | undefined;
  let printed = 0;
  try {
    for (const handout of site.handouts) {
      const hash = createHash('sha256')
        .update(site.files.get(`print/${handout.id}.html`)!)
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
      await writeFile(
        target,
        await printer.print(join(building, 'print', `${handout.id}.html`), handout.title, handout.date),
      );
      printed++;
    }
  } finally {
    await printer?.close();
  }
  await writeFile(join(building, PDF_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return printed;
}

/**
 * Writes every file of the site into a build's folder and prints the handouts there (with
 * Chromium); resolves to how many PDFs were printed anew.
 */
export async function writeSiteFiles(
  building: string,
  previousSite: string | undefined,
  site: Site,
  chromium: string | undefined,
): Promise<number> {
  // Written without blocking, so the output lock stays fresh however large the catalog.
  const folders = new Set<string>();
  for (const [path, content] of site.files) {
    const file = join(building, path);
    if (!folders.has(dirname(file))) await mkdir(dirname(file), { recursive: true });
    folders.add(dirname(file));
    await writeFile(file, content);
  }
  return site.handouts.length && chromium ? printHandouts(building, previousSite, site, chromium) : 0;
}
