import { basename, posix } from 'node:path';
import { filePathOf } from './uri.js';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  displayPath,
  FileAccessError,
  isJourneyPath,
  readGuideModel,
  readJourneyModel,
  textOf,
  UsageError,
  type JourneyService,
  type ParsedGuide,
  type ResolvedConfig,
  type SiteIdentity,
} from '@baihua/core';
import { glossaryTermUses } from '@baihua/lint';
import {
  DEFAULT_TEMPLATES,
  escapeHtml,
  loadTemplates,
  PAGE_TARGETS,
  renderJourney,
  renderSite,
  type PageTarget,
  type SiteFiles,
} from '@baihua/render';
import type { Feature, ServerContext } from './feature.js';

/** One guide as a citizen would see it on each channel: whole pages, each needing nothing but itself. */
export interface GuidePreview {
  title: string;
  pages: Record<PageTarget, string>;
}

/** What the editor asks with `baihua/preview`: the guide open at `uri`, as it is in the editor now. */
export interface PreviewParams {
  uri: string;
}

export const PREVIEW_REQUEST = 'baihua/preview';

/**
 * `baihua/preview`: the open guide rendered from its unsaved text, as last linted (the same parse
 * and configuration as its diagnostics). Every answer is a preview: what cannot be shown is a page
 * that says why, so an editor has one thing to display.
 */
export const previewFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(PREVIEW_REQUEST, (params: Partial<PreviewParams> | undefined) =>
      previewOf(context, typeof params?.uri === 'string' ? params.uri : ''),
    );
  },
};

async function previewOf(context: ServerContext, uri: string): Promise<GuidePreview> {
  const filePath = filePathOf(uri);
  const name = basename(filePath ?? uri);
  try {
    if (!filePath || !context.documents.get(uri))
      return unrenderable(name, [{ message: '只能预览在编辑器里打开的指南文件：请先打开它，再预览' }]);
    if (CONFIG_FILE_NAMES.includes(name) || context.live.isPreset(filePath))
      return unrenderable(name, [
        { message: '这是白话的配置文件，不是指南：请打开一份指南（.md 或 .yaml 文件）再预览' },
      ]);
    const linted = await context.linted(uri);
    if (linted && isJourneyPath(filePath))
      return previewJourney(linted.guide, linted.config, await context.live.journeyServices(filePath));
    if (linted) return previewGuide(linted.guide, linted.config);
    // Not linted: a broken configuration (configFor throws its ConfigError), or not a guide.
    if (context.live.isGuide(filePath))
      return unrenderable(name, [
        { message: '检查这份指南时出了内部错误，没有生成预览：详见「问题」面板里这份指南的提示' },
      ]);
    return unrenderable(name, [{ message: NOT_A_GUIDE }]);
  } catch (error) {
    return unrenderable(name, [problemOf(error)]);
  }
}

const NOT_A_GUIDE =
  '这个文件不是白话项目里的指南：它所在的目录和上层目录里都没有 baihua.config.yaml，或者配置里的 ignores 排除了它。' +
  '请把指南放在有 baihua.config.yaml 的目录里';

/**
 * The guide rendered by the site's own templates (the configuration's `templates`, else Baihua's),
 * as `baihua build` would render it, each page with its stylesheets inlined so that an editor can
 * show it without reaching any file or address. Unlike `build`, a guide with lint errors is still
 * shown (the clerk is fixing them); one the parser could not read, or the renderer refuses, becomes
 * a page that says in Chinese what to fix.
 */
export function previewGuide(guide: ParsedGuide, config: ResolvedConfig): GuidePreview {
  const title = textOf(readGuideModel(guide).fields.title) ?? posix.basename(guide.file.path.replaceAll('\\', '/'));
  if (guide.problems.length) return unrenderable(title, parseProblems(guide));
  try {
    const termMarks = new Map([[guide, glossaryTermUses(guide, config)]]);
    // The site's name, 主办单位 and footer as the build shows them; not the logo, a file the
    // preview (which fetches nothing) cannot show.
    const site = renderSite([guide], {
      targets: PAGE_TARGETS,
      templates: config.templates ?? DEFAULT_TEMPLATES,
      termMarks,
      ...(config.site && { site: withoutLogo(config.site) }),
    });
    // renderSite has checked the id: it is a file name.
    const id = readGuideModel(guide).fields.id!;
    const paths: Record<PageTarget, string> = {
      web: `web/guides/${id}.html`,
      mobile: `mobile/${id}.html`,
      print: `print/${id}.html`,
    };
    const page = (target: PageTarget) => withStylesInlined(site.files.get(paths[target])!, paths[target], site.files);
    return { title, pages: { web: page('web'), mobile: page('mobile'), print: page('print') } };
  } catch (error) {
    return unrenderable(title, [problemOf(error)]);
  }
}

/**
 * A journey (一件事) rendered as `baihua build` renders it, from the facts of the guides of its
 * catalog (`services`, by id: open guides as last linted). Shown with lint errors too, as a guide
 * is: a service the catalog lacks reads 「这项服务的指南还没有发布」 and the totals 「说不准」.
 */
export function previewJourney(
  journey: ParsedGuide,
  config: ResolvedConfig,
  services: ReadonlyMap<string, JourneyService>,
): GuidePreview {
  const { fields } = readJourneyModel(journey);
  const title = textOf(fields.title) ?? posix.basename(journey.file.path.replaceAll('\\', '/'));
  if (journey.problems.length) return unrenderable(title, parseProblems(journey));
  try {
    const templates = loadTemplates(config.templates ?? DEFAULT_TEMPLATES);
    const { files } = renderJourney(journey, services, {
      targets: PAGE_TARGETS,
      templates,
      ...(config.site && { site: withoutLogo(config.site) }),
    });
    // The pages' stylesheets, where a build writes them.
    files.set('web/assets/web.css', templates.asset('web.css'));
    files.set('print/print.css', templates.asset('print.css'));
    // renderJourney has checked the id: it is a file name.
    const id = fields.id!;
    const page = (target: PageTarget) => {
      const path = `${target}/journeys/${id}.html`;
      return withStylesInlined(files.get(path)!, path, files);
    };
    return { title, pages: { web: page('web'), mobile: page('mobile'), print: page('print') } };
  } catch (error) {
    return unrenderable(title, [problemOf(error)]);
  }
}

function withoutLogo({ logo: _file, ...identity }: SiteIdentity): SiteIdentity {
  return identity;
}

interface PreviewProblem {
  place?: string;
  message: string;
  ruleId?: string;
}

/** What the parser could not read, each at its place. */
const parseProblems = (file: ParsedGuide): PreviewProblem[] =>
  file.problems.map((problem) => ({
    place: placeText(file.file.pointAt(problem.range.start)),
    message: problem.message,
    ruleId: problem.ruleId,
  }));

const placeText = (point: { line: number; column: number }) => `第 ${point.line} 行第 ${point.column} 列`;

/** What the renderer threw, in the words a clerk can act on; never a stack trace. */
function problemOf(error: unknown): PreviewProblem {
  if (error instanceof FileAccessError || error instanceof ConfigError) {
    const inFile = `${displayPath(error.path)}${error.point ? ` ${placeText(error.point)}` : ''}`;
    return { place: inFile, message: error.message };
  }
  if (error instanceof UsageError) return { message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { message: `生成预览时出了内部错误（${reason}）：请把这份指南和这句话发给维护白话的同事` };
}

/** The same page on every channel: nothing can be shown until the problems are fixed. */
function unrenderable(title: string, problems: PreviewProblem[]): GuidePreview {
  const items = problems
    .map(({ place, message, ruleId }) => {
      const where = place ? `<span class="place">${escapeHtml(place)}</span>` : '';
      const rule = ruleId ? ` <code>${escapeHtml(ruleId)}</code>` : '';
      return `<li>${where}${escapeHtml(message)}${rule}</li>`;
    })
    .join('\n');
  const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}｜暂时无法预览</title>
<style>
body { font: 16px/1.7 system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.25rem; color: #a4262c; }
li { margin: 0.5rem 0; }
.place { font-weight: 600; margin-right: 0.5em; }
code { color: #555; }
</style>
</head>
<body>
<main>
<h1>「${escapeHtml(title)}」暂时无法预览</h1>
<p>请先改正下面的问题，改好后预览会自动刷新：</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
  return { title, pages: { web: page, mobile: page, print: page } };
}

const LINK = /<link\b[^>]*>/gi;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find(Boolean);

/**
 * The page with each stylesheet of the site put in a `<style>` element. Every other `<link>` (an
 * icon, a web font, a stylesheet on a CDN that a portal's template names) is dropped: a preview
 * makes no request.
 */
function withStylesInlined(page: string, pagePath: string, files: SiteFiles): string {
  return page.replace(LINK, (tag) => {
    const href = attribute(tag, 'href');
    const css = href === undefined ? undefined : files.get(posix.join(posix.dirname(pagePath), href));
    if (attribute(tag, 'rel')?.toLowerCase() !== 'stylesheet' || css === undefined) return '';
    return `<style>\n${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
}
