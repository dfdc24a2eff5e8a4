import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isInside, parseGuide, readGuideFile, realPath } from '@baihua/core';
import { configForPath, formatters, lintFiles } from '@baihua/lint';
import { CHROMIUM_MISSING, DEFAULT_TEMPLATES, findChromium, PdfPrinter, renderSite, TARGETS, type Site, type Target } from '@baihua/render';
import { UsageError } from './errors.js';
import type { CommandOutput } from './lint-command.js';
import { checkOutput, replaceSite } from './site-output.js';

export interface BuildOptions {
  out: string;
  targets: string;
  templates?: string;
  siteUrl?: string;
  config?: string;
}

function parseTargets(list: string): Target[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !TARGETS.includes(name as Target));
  if (unknown.length || !names.length) throw new UsageError(`--targets 只能是 ${TARGETS.join('、')}（用逗号分开），现在是「${list}」`);
  return names as Target[];
}

/**
 * The templates: `--templates`, else the configuration's `templates`, else Baihua's own. A
 * directory given on the command line must be inside the project (the working directory), also
 * when its symlinks are followed.
 */
function templatesDirectory(option: string | undefined, configured: string | undefined): string {
  let directory = configured ?? DEFAULT_TEMPLATES;
  if (option) {
    directory = resolve(option);
    if (!isInside(realPath(directory), realPath(process.cwd()))) throw new UsageError(`--templates 要指向项目里的目录，现在是 ${option}`);
  }
  for (const part of ['partials', 'assets']) {
    if (!existsSync(join(directory, part)) || !statSync(join(directory, part)).isDirectory()) {
      throw new UsageError(`模板目录 ${relative(process.cwd(), directory) || '.'} 里缺少 ${part}/：请复制 templates/site 后再修改`);
    }
  }
  return directory;
}

const PDF_MANIFEST = 'print/pdf-manifest.json';

/**
 * The handouts as PDFs, one browser for the whole build. A PDF whose print page and stylesheet
 * are unchanged since the last build (same hash in the previous site's manifest) is copied, not
 * printed again.
 */
async function printHandouts(building: string, previousSite: string | undefined, site: Site, chromium: string): Promise<number> {
  const css = site.files.get('print/print.css') ?? '';
  const manifestPath = previousSite && join(previousSite, PDF_MANIFEST);
  const before = manifestPath && existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>) : {};
  const manifest: Record<string, string> = {};
  let printer: PdfPrinter | undefined;
  let printed = 0;
  try {
    for (const handout of site.handouts) {
      const hash = createHash('sha256').update(site.files.get(`print/${handout.id}.html`)!).update(css).update(handout.date).digest('hex');
      manifest[handout.id] = hash;
      const target = join(building, 'print', `${handout.id}.pdf`);
      const earlier = previousSite && join(previousSite, 'print', `${handout.id}.pdf`);
      if (earlier && before[handout.id] === hash && existsSync(earlier)) {
        await copyFile(earlier, target);
        continue;
      }
      printer ??= await PdfPrinter.launch(chromium);
      await writeFile(target, await printer.print(join(building, 'print', `${handout.id}.html`), handout.title, handout.date));
      printed++;
    }
  } finally {
    await printer?.close();
  }
  await writeFile(join(building, PDF_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return printed;
}

/** Writes every file of the site into the build's folder and prints the handouts there. */
async function writeSite(building: string, previousSite: string | undefined, site: Site, chromium: string | undefined): Promise<number> {
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

/** `baihua build`: lint, and when nothing is an error, render every target into `--out`. */
export async function runBuild(patterns: string[], options: BuildOptions, version: string): Promise<CommandOutput> {
  const targets = parseTargets(options.targets);
  const targetPaths = patterns.length ? patterns : ['guides'];
  const results = await lintFiles({ patterns: targetPaths, readabilitySections: false, ...(options.config && { configFile: options.config }) });
  const config = results[0] && configForPath(results[0].filePath, options.config);
  const templates = templatesDirectory(options.templates, config?.templates);
  const output = checkOutput(options.out, { guides: targetPaths, templates, ...(options.config && { configFile: options.config }) });
  const failed = results.filter((result) => result.errorCount > 0);
  if (failed.length) {
    const report = formatters.stylish(failed, { cwd: process.cwd(), color: false, version });
    return { stdout: `${report}\n有 ${failed.length} 份指南还有错误，没有生成网站（${options.out} 保持原样）。修好后再运行 baihua build\n`, exitCode: 1 };
  }
  const guides = results.map((result) => parseGuide(readGuideFile(result.filePath).file));
  const site = renderSite(guides, { targets, templates, ...(options.siteUrl && { siteUrl: options.siteUrl }) });
  // Without Chromium the other targets (and the print pages) are still built; the PDFs are not.
  const chromium = targets.includes('print') ? findChromium() : undefined;
  const waiting = () => process.stderr.write(`baihua: 另一个 baihua build 正在生成 ${options.out}，等它完成后再开始…\n`);
  const printed = await replaceSite(output, (building, previousSite) => writeSite(building, previousSite, site, chromium), waiting);
  const counts = targets.map((target) => `${target} ${[...site.files.keys()].filter((path) => path.startsWith(`${target}/`) && path.endsWith('.html')).length} 页`);
  const pdfs = site.handouts.length && chromium ? `，PDF ${site.handouts.length} 份（新打印 ${printed} 份）` : '';
  const stdout = `✔ 生成了 ${guides.length} 份指南：${counts.join('，')}${pdfs} → ${options.out}\n`;
  if (targets.includes('print') && !chromium) return { stdout: `${stdout}✖ ${CHROMIUM_MISSING}\n`, exitCode: 1 };
  return { stdout, exitCode: 0 };
}
