import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  displayPath,
  FileAccessError,
  isInside,
  readGuideModel,
  readRegularFile,
  realPath,
  type ParsedGuide,
} from '@baihua/core';
import Handlebars from 'handlebars';
import { withTermsMarked, type TermMark } from './body.js';
import {
  bundleGuide,
  bundleManifest,
  type ManifestEntry,
  type ManifestOptions,
  type ReadabilityGrade,
} from './bundle.js';
import { qrSvg } from './qr.js';
import { searchDocument, searchIndexFiles, searchModuleSource, type SearchSegment } from './search.js';
import { sitemapFiles } from './sitemap.js';
import { GUIDE_ID, guideView, type GuideView } from './view.js';

export type Target = 'web' | 'mobile' | 'print' | 'bundle';
export const TARGETS: readonly Target[] = ['web', 'mobile', 'print', 'bundle'];
/** The targets that make pages (the bundle is data): what `baihua serve` and the editor's preview show. */
export type PageTarget = Exclude<Target, 'bundle'>;
export const PAGE_TARGETS: readonly PageTarget[] = ['web', 'mobile', 'print'];

/** The templates shipped with Baihua; a portal copies the directory and names its copy in the configuration. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../../templates/site/', import.meta.url));

/** A mobile page must load on a weak connection: the page with its CSS inlined stays under this. */
export const MOBILE_PAGE_LIMIT = 50 * 1024;

export interface SiteOptions {
  targets: readonly Target[];
  /** a directory laid out like templates/site */
  templates?: string;
  /** where the web pages will be served, for links in print handouts and JSON-LD */
  siteUrl?: string;
  /** each guide's glossary terms where the linter finds their first use, marked on the page as definitions */
  termMarks?: ReadonlyMap<ParsedGuide, readonly TermMark[]>;
  /** each guide's readability as the lint run graded it, for the bundle */
  readability?: ReadonlyMap<ParsedGuide, ReadabilityGrade>;
  /** the tool's version and the guides' commit, for the bundle's manifest */
  bundle?: ManifestOptions;
  /** jieba's cut for search, for the search index's words (without it, character pairs only) */
  segment?: SearchSegment;
}

/** The files of a site: path relative to the output directory → contents. */
export type SiteFiles = Map<string, string>;

/** A print page to turn into a PDF: `print/<id>.html` → `print/<id>.pdf`, dated by the guide's review. */
export interface Handout {
  id: string;
  title: string;
  date: string;
}

export interface Site {
  files: SiteFiles;
  handouts: Handout[];
}

interface Templates {
  page(name: string): HandlebarsTemplateDelegate;
  asset(name: string): string;
}

/** A template or a stylesheet is a few kilobytes; this is far more. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * Reads a file of the templates directory. The directory may come from a portal or a pull request:
 * a file in it that is, or lies behind, a symlink leading out of the directory (to /etc/passwd,
 * to a key) would otherwise be published as a page or a stylesheet, so it is refused.
 */
function readTemplateFile(root: string, path: string): string {
  const real = realPath(path);
  if (!isInside(real, root))
    throw new FileAccessError(
      path,
      `模板目录里的这个文件指向模板目录以外（${real}），不会使用它：请把文件本身复制到模板目录里`,
    );
  const read = readRegularFile(path, MAX_TEMPLATE_BYTES);
  if (read.tooLarge) throw new FileAccessError(path, `模板文件太大，不能超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`);
  return read.bytes.toString('utf8');
}

/**
 * Templates from a directory: `*.hbs` pages, `partials/*.hbs`, `assets/*`. Names come from the
 * directory listing, never from guide data, so nothing a guide says can reach a file outside it.
 */
function loadTemplates(directory: string): Templates {
  const root = realPath(directory);
  const read = (path: string) => readTemplateFile(root, path);
  const handlebars = Handlebars.create();
  handlebars.registerHelper('concat', (...values: unknown[]) => values.slice(0, -1).map(String).join(''));
  handlebars.registerHelper('join', (values: unknown, separator: unknown) =>
    Array.isArray(values) ? values.map(String).join(String(separator)) : '',
  );
  for (const name of readdirSync(join(directory, 'partials'))) {
    if (name.endsWith('.hbs')) handlebars.registerPartial(name.slice(0, -4), read(join(directory, 'partials', name)));
  }
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  const assets = new Map(
    readdirSync(join(directory, 'assets')).map((name) => [name, read(join(directory, 'assets', name))]),
  );
  return {
    page(name) {
      let page = pages.get(name);
      if (!page) {
        page = handlebars.compile(read(join(directory, `${name}.hbs`)), { preventIndent: true });
        pages.set(name, page);
      }
      return page;
    },
    asset(name) {
      const asset = assets.get(name);
      if (asset === undefined)
        throw new FileAccessError(
          join(directory, 'assets', name),
          `模板目录里缺少这个文件：请从 templates/site/assets/ 复制 ${name}`,
        );
      return asset;
    },
  };
}

/** Where a target ships the search index, and the name of the module that queries it. */
const SEARCH_OUTPUTS: Partial<Record<Target, { folder: string; module: string }>> = {
  web: { folder: 'web/search/', module: 'search.js' },
  // for portals' own code as well (Node reads .mjs as a module)
  bundle: { folder: 'bundle/search/', module: 'search.mjs' },
};

interface IndexGroup {
  name: string;
  categories: Array<{ name: string; guides: GuideView[] }>;
}

/** The index page's groups: by department, then by category, in catalog order. */
function groups(views: GuideView[]): IndexGroup[] {
  const byDepartment = new Map<string, Map<string, GuideView[]>>();
  for (const view of views) {
    const categories = byDepartment.get(view.department) ?? new Map<string, GuideView[]>();
    const category = view.category || '其他';
    categories.set(category, [...(categories.get(category) ?? []), view]);
    byDepartment.set(view.department, categories);
  }
  return [...byDepartment].map(([name, categories]) => ({
    name,
    categories: [...categories].map(([category, guides]) => ({ name: category, guides })),
  }));
}

/** How to book, in one line: 可以预约办理：预约电话 0000-12345678。 */
function appointmentLine(appointment: NonNullable<GuideView['appointment']>): string {
  const ways = [
    ...(appointment.url ? [`网上预约 ${appointment.url}`] : []),
    ...(appointment.phone ? [`预约电话 ${appointment.phone}`] : []),
  ];
  return `可以预约办理${ways.length ? `：${ways.join('，')}` : ''}。${appointment.note ?? ''}`;
}

/** The mobile page's folding sections, in the order people act. */
function mobileSections(view: GuideView) {
  return [
    {
      title: '谁可以办',
      open: true,
      items: [
        ...view.conditions,
        ...view.exclusions.map((line) => `不能办：${line}`),
        ...(view.quantityLimit ? [`数量限制：${view.quantityLimit}`] : []),
      ],
    },
    {
      title: '要带的材料',
      open: true,
      items: view.materials.map(
        (material) =>
          `${material.name}（${[material.form, material.copies, material.exempt].filter(Boolean).join('，')}）`,
      ),
    },
    {
      title: '怎么办',
      items: view.steps.map((step, index) => `${index + 1}. ${step.title ? `${step.title}：` : ''}${step.how}`),
    },
    {
      title: '多久办好，要多少钱',
      items: [...view.timeLimit, ...view.fees, ...(view.express ? ['办理结果可以快递寄给您。'] : [])],
    },
    {
      title: '去哪里办',
      items: [
        ...(view.appointment ? [appointmentLine(view.appointment)] : []),
        ...view.contacts.map((contact) => `${contact.label}：${contact.phone}`),
      ],
      places: view.locations,
    },
    ...(view.faq.length
      ? [{ title: '常见问题', items: view.faq.map((entry) => `${entry.question} ${entry.answer}`) }]
      : []),
  ];
}

/**
 * Every id becomes a file name (`web/guides/<id>.html`), so each is checked here against the
 * schema's pattern, whatever the lint settings said (`schema/format: off` lets `../../x` through
 * lint), and two guides never write one file.
 */
function checkIds(guides: ParsedGuide[]): void {
  const seen = new Map<string, string>();
  for (const guide of guides) {
    const model = readGuideModel(guide);
    const { id } = model.fields;
    const written = model.rangeOf(['id']);
    const point = written ? guide.file.pointAt(written.value.start) : undefined;
    if (id === undefined || !GUIDE_ID.test(id)) {
      const shown = id === undefined ? '' : `「${id}」`;
      throw new FileAccessError(
        guide.file.path,
        `id${shown}不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal`,
        point,
      );
    }
    const other = seen.get(id);
    if (other !== undefined)
      throw new FileAccessError(
        guide.file.path,
        `id「${id}」和 ${displayPath(other)} 重复了，两份指南会写到同一个网页：请改用不同的 id`,
        point,
      );
    seen.set(id, guide.file.path);
  }
}

/** Renders guides (parsed, lint-clean) to the files of each target. */
export function renderSite(guides: ParsedGuide[], options: SiteOptions): Site {
  if (options.targets.includes('bundle') && !options.bundle)
    throw new Error('the bundle target needs SiteOptions.bundle: the tool version for the manifest');
  checkIds(guides);
  const templates = loadTemplates(options.templates ?? DEFAULT_TEMPLATES);
  const titles = new Map<string, string>();
  for (const guide of guides) {
    const { id, title } = readGuideModel(guide).fields;
    if (id !== undefined && title !== undefined) titles.set(id, title);
  }
  const webUrl = (id: string) =>
    options.siteUrl ? `${options.siteUrl.replace(/\/$/, '')}/web/guides/${id}.html` : undefined;
  const files: SiteFiles = new Map();
  const manifestEntries: ManifestEntry[] = [];
  const views = guides.map((guide) => {
    const id = readGuideModel(guide).fields.id ?? '';
    const pageUrl = webUrl(id);
    const marks = options.termMarks?.get(guide);
    const marked =
      marks?.length && guide.body
        ? { ...guide, body: { ...guide.body, tree: withTermsMarked(guide.body, marks) } }
        : guide;
    const view = guideView(marked, { titles, ...(pageUrl && { pageUrl }) });
    if (options.targets.includes('bundle')) {
      const readability = options.readability?.get(guide);
      const { siteUrl, targets } = options;
      const bundled = bundleGuide(guide, view, {
        targets,
        ...(siteUrl && { siteUrl }),
        ...(marks && { termMarks: marks }),
        ...(readability && { readability }),
      });
      files.set(bundled.path, bundled.content);
      manifestEntries.push(bundled.entry);
    }
    return view;
  });
  if (options.targets.includes('bundle') && options.bundle)
    files.set('bundle/manifest.json', bundleManifest(manifestEntries, options.bundle));
  if (options.targets.includes('web')) {
    for (const view of views) files.set(`web/guides/${view.id}.html`, templates.page('web-guide')({ guide: view }));
    files.set('web/index.html', templates.page('web-index')({ departments: groups(views) }));
    files.set('web/assets/web.css', templates.asset('web.css'));
    files.set('web/assets/search.js', templates.asset('search.js'));
    if (options.siteUrl) for (const [path, xml] of sitemapFiles(views, options.siteUrl)) files.set(path, xml);
  }
  // One search index for every target that ships it; links are relative to web/, as on the index page.
  const searchOutputs = options.targets.flatMap((target) => SEARCH_OUTPUTS[target] ?? []);
  if (searchOutputs.length) {
    const documents = views.map((view) => searchDocument(view, `guides/${view.id}.html`, options.segment));
    const index = searchIndexFiles(documents);
    for (const { folder, module } of searchOutputs) {
      for (const [path, content] of index) files.set(`${folder}${path}`, content);
      files.set(`${folder}${module}`, searchModuleSource());
    }
  }
  if (options.targets.includes('mobile')) {
    const css = templates.asset('mobile.css');
    for (const view of views) {
      const firstPhone = view.locations.find((location) => location.tel) ?? view.contacts[0];
      files.set(
        `mobile/${view.id}.html`,
        templates.page('mobile-guide')({ guide: view, css, sections: mobileSections(view), firstPhone }),
      );
    }
  }
  const handouts: Handout[] = [];
  if (options.targets.includes('print')) {
    for (const view of views) {
      const url = webUrl(view.id);
      files.set(
        `print/${view.id}.html`,
        templates.page('print-guide')({
          guide: view,
          webUrl: url,
          qr: url && qrSvg(url, `扫码查看「${view.title}」的网上指南`),
        }),
      );
      handouts.push({ id: view.id, title: view.title, date: view.reviewed });
    }
    files.set('print/print.css', templates.asset('print.css'));
  }
  // Template lines that hold only a block helper leave their indentation behind.
  for (const [path, content] of files) if (path.endsWith('.html')) files.set(path, content.replace(/[ \t]+$/gm, ''));
  return { files, handouts };
}
