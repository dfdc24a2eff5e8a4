import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  displayPath,
  FileAccessError,
  guideLifeEvents,
  isInside,
  isJourneyPath,
  journeyService,
  lifeEvents,
  readGuideModel,
  readJourneyModel,
  readRegularFile,
  realPath,
  textOf,
  type JourneyService,
  type ParsedGuide,
  type SiteIdentity,
} from '@baihua/core';
import Handlebars from 'handlebars';
import { headingsBelow, withTermsMarked, type TermMark } from './body.js';
import {
  bundleGuide,
  bundleJourney,
  bundleManifest,
  type JourneyManifestEntry,
  type ManifestEntry,
  type ManifestOptions,
  type ReadabilityGrade,
} from './bundle.js';
import { escapeHtml } from './html.js';
import { journeyMemberships, journeyView, type JourneyMembership } from './journey-view.js';
import { qrSvg } from './qr.js';
import {
  journeySearchDocument,
  searchDocument,
  searchIndexFiles,
  searchModuleSource,
  type SearchDocument,
  type SearchSegment,
} from './search.js';
import { sitemapFiles } from './sitemap.js';
import { GUIDE_ID, guideView, telUrl, type GuideView } from './view.js';

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
  /** whose site it is (the configuration's `site:`): header, footer, feedback link */
  site?: SiteIdentity;
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
  /** files the site copies as they are (the logo): path in the site → source file */
  copies: Array<[string, string]>;
}

/** A templates directory, loaded: its pages compiled on first use. */
export interface SiteTemplates {
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

/** A landline (0000-66230000), a mobile number or a short hotline (12345, 12315) within free text. */
const PHONE_IN_TEXT = /(?<![\d-])(?:\d{3,4}-\d{7,8}|1[3-9]\d{9}|12\d{3})(?![\d-])/g;

/** Free text (the site's 联系方式) escaped, with each phone number in it a tap-to-call link. */
const phoneLinks = (text: string) =>
  escapeHtml(text).replace(PHONE_IN_TEXT, (phone) => `<a href="${telUrl(phone)}">${phone}</a>`);

/**
 * Templates from a directory: `*.hbs` pages, `partials/*.hbs`, `assets/*`. Names come from the
 * directory listing, never from guide data, so nothing a guide says can reach a file outside it.
 */
export function loadTemplates(directory: string): SiteTemplates {
  const root = realPath(directory);
  const read = (path: string) => readTemplateFile(root, path);
  const handlebars = Handlebars.create();
  handlebars.registerHelper('concat', (...values: unknown[]) => values.slice(0, -1).map(String).join(''));
  handlebars.registerHelper('join', (values: unknown, separator: unknown) =>
    Array.isArray(values) ? values.map(String).join(String(separator)) : '',
  );
  handlebars.registerHelper('headingsBelow', (html: unknown, level: unknown) =>
    headingsBelow(String(html ?? ''), Number(level)),
  );
  handlebars.registerHelper('phoneLinks', (text: unknown) => new handlebars.SafeString(phoneLinks(String(text ?? ''))));
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
        const path = join(directory, `${name}.hbs`);
        // A portal's copy made before a page existed (the journey pages came later) says what to copy.
        if (!existsSync(path))
          throw new FileAccessError(path, `模板目录里缺少这个文件：请从 templates/site/ 复制 ${name}.hbs`);
        page = handlebars.compile(read(path), { preventIndent: true });
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

const searchOutputs = (targets: readonly Target[]) => targets.flatMap((target) => SEARCH_OUTPUTS[target] ?? []);

/** A guide as the index page lists it. */
interface IndexEntry {
  id: string;
  title: string;
  summary: string;
  department: string;
}

/** A heading of the index page: a topic or a life event, with its guides in id order. */
export interface IndexGroup {
  name: string;
  /** the fragment that leads to it from a guide's breadcrumbs (topics) or the page's own menu */
  anchor: string;
  description?: string;
  /** a life event's journeys (一件事), listed before its guides */
  journeys?: IndexEntry[];
  guides: IndexEntry[];
}

/** What the index page groups by: its ways of finding a service, and the journeys (一件事). */
export interface IndexGroups {
  topics: IndexGroup[];
  lifeEvents: IndexGroup[];
  journeys: IndexEntry[];
}

/** Topics read in pinyin order, as a citizen scans an A–Z list (出入境, 户籍与身份, … 住房). */
const BY_PINYIN = new Intl.Collator('zh-Hans-u-co-pinyin');

/** Guides without a category, or with no life event, are listed under this. */
const OTHER = '其他';

/** The index anchor of a topic: from the name alone, so that a guide page links to it without knowing the catalog. */
export const topicAnchor = (category: string) => `topic-${(category || OTHER).replace(/\s+/g, '-')}`;
const lifeEventAnchor = (name: string) => `event-${name.replace(/\s+/g, '-')}`;

/**
 * The index page's groups, by topic (the guides' categories, in pinyin order, 「其他」 last) and by life event (the guide's own `life_events`, else its category's in
 * data/life-events.yaml of @baihua/core; in the order of a life, 「其他」 last, empty events left
 * out). A guide under two life events is listed under both. Records come in id order.
 */
export function indexGroups(
  records: readonly Pick<GuideRecord, keyof IndexEntry | 'category' | 'lifeEvents'>[],
  journeys: readonly Pick<JourneyRecord, keyof IndexEntry | 'lifeEvent'>[] = [],
): IndexGroups {
  const byTopic = new Map<string, IndexEntry[]>();
  const byEvent = new Map<string, IndexEntry[]>();
  for (const record of records) {
    const entry = { id: record.id, title: record.title, summary: record.summary, department: record.department };
    const topic = record.category || OTHER;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), entry]);
    const events = guideLifeEvents(record.lifeEvents, record.category);
    for (const event of events.length ? events : [OTHER]) byEvent.set(event, [...(byEvent.get(event) ?? []), entry]);
  }
  const journeyEntries = [...journeys].sort(byId).map((journey) => ({
    entry: { id: journey.id, title: journey.title, summary: journey.summary, department: journey.department },
    event: journey.lifeEvent || OTHER,
  }));
  const topics = [...byTopic].sort(([a], [b]) => Number(a === OTHER) - Number(b === OTHER) || BY_PINYIN.compare(a, b));
  const known = lifeEvents().events;
  const described = [...known, { name: OTHER, description: undefined }];
  return {
    topics: topics.map(([name, guides]) => ({ name, anchor: topicAnchor(name), guides })),
    lifeEvents: described.flatMap(({ name, description }) => {
      const guides = byEvent.get(name) ?? [];
      const inEvent = journeyEntries.filter(({ event }) => event === name).map(({ entry }) => entry);
      if (!guides.length && !inEvent.length) return [];
      return [
        {
          name,
          anchor: lifeEventAnchor(name),
          ...(description && { description }),
          ...(inEvent.length && { journeys: inEvent }),
          guides,
        },
      ];
    }),
    journeys: journeyEntries.map(({ entry }) => entry),
  };
}

/** The logo's name in the site: each page target that shows it has a copy in its `assets/`. */
const logoName = (logo: string) => `site-logo${extname(logo).toLowerCase()}`;

/** The logo files a site needs copied in (the pages are text; the logo is not): output path → source file. */
export function siteLogoFiles(site: SiteIdentity | undefined, targets: readonly Target[]): Array<[string, string]> {
  const logo = site?.logo;
  if (!logo) return [];
  return (['web', 'mobile'] as const)
    .filter((target) => targets.includes(target))
    .map((target) => [`${target}/assets/${logoName(logo)}`, logo]);
}

/**
 * What the site header and footer show, for the templates: the identity's words, the logo by its
 * name in the site, the number of the 公安备案号 for the link to its record.
 */
function siteContext(site: SiteIdentity | undefined) {
  if (!site) return undefined;
  const { logo, ...words } = site;
  const policeCode = site.policeRecord?.match(/\d+/g)?.join('');
  return { ...words, ...(logo && { logo: logoName(logo) }), ...(policeCode && { policeCode }) };
}

/**
 * The guide's page on the portal's 好差评, when the configuration gives its address: {id} is the
 * guide's id, {code} its implementation code (else its basic code). A template that needs a code
 * the guide does not have gives no link rather than a wrong one.
 */
function feedbackUrl(site: SiteIdentity | undefined, guide: ParsedGuide, id: string): string | undefined {
  const template = site?.feedbackUrl;
  if (!template) return undefined;
  const { codes } = readGuideModel(guide).fields;
  const code = textOf(codes?.implementation) ?? textOf(codes?.basic);
  if (template.includes('{code}') && !code) return undefined;
  return template.replaceAll('{id}', encodeURIComponent(id)).replaceAll('{code}', encodeURIComponent(code ?? ''));
}

/**
 * Every id becomes a file name (`web/guides/<id>.html`), so it is checked here against the
 * schema's pattern, whatever the lint settings said (`schema/format: off` lets `../../x` through
 * lint).
 */
function checkId(guide: ParsedGuide): string {
  const model = readGuideModel(guide);
  const { id } = model.fields;
  if (id !== undefined && GUIDE_ID.test(id)) return id;
  const written = model.rangeOf(['id']);
  const shown = id === undefined ? '' : `「${id}」`;
  throw new FileAccessError(
    guide.file.path,
    `id${shown}不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal`,
    written ? guide.file.pointAt(written.value.start) : undefined,
  );
}

/** Two guides never write one file. */
function checkIds(guides: ParsedGuide[]): void {
  const seen = new Map<string, string>();
  for (const guide of guides) {
    const id = checkId(guide);
    const other = seen.get(id);
    if (other !== undefined) {
      const written = readGuideModel(guide).rangeOf(['id']);
      throw new FileAccessError(
        guide.file.path,
        `id「${id}」和 ${displayPath(other)} 重复了，两份指南会写到同一个网页：请改用不同的 id`,
        written ? guide.file.pointAt(written.value.start) : undefined,
      );
    }
    seen.set(id, guide.file.path);
  }
}

/**
 * What the catalog-wide pages need of one guide: small, JSON, and the same whichever thread or
 * machine rendered it, so that catalog pages computed from records alone are byte-identical
 * however the guides were rendered (one thread, workers, shards merged).
 */
export interface GuideRecord {
  id: string;
  title: string;
  summary: string;
  department: string;
  category: string;
  aliases: string[];
  keywords: string[];
  /** the life events the guide states (`life_events`); the index adds its category's when it states none */
  lifeEvents?: string[];
  /** the review date, YYYY-MM-DD: the handout's date */
  reviewed: string;
  /** from the lint: the guide's readability score and band, when measured */
  readability?: ReadabilityGrade;
  /** the guide as the search index holds it, when a target ships the index */
  search?: SearchDocument;
  /** the files this guide wrote, relative to the output, sorted */
  files: string[];
  /** what a target's catalog pages need beyond the above (a target's `guide` hook returns it) */
  targets: Partial<Record<Target, unknown>>;
}

/** A guide rendered: its files of every target asked for, and its record. */
export interface RenderedGuide {
  files: SiteFiles;
  record: GuideRecord;
}

export interface GuideRenderOptions {
  targets: readonly Target[];
  templates: SiteTemplates;
  /** titles of the other guides by id, for related links (only those this guide names are read) */
  titles: ReadonlyMap<string, string>;
  siteUrl?: string;
  /** the guide's glossary terms where the linter finds their first use */
  termMarks?: readonly TermMark[];
  readability?: GuideRecord['readability'];
  /** jieba's cut for search, for the search index's words (without it, character pairs only) */
  segment?: SearchSegment;
  /** whose site it is (the configuration's `site:`): header, footer, feedback link */
  site?: SiteIdentity;
  /** the journeys (一件事) the guide is a step of: its pages link to each */
  journeys?: readonly JourneyMembership[];
}

/** What the site's own parts of a page (header, breadcrumbs, footer, feedback link) show. */
interface Chrome {
  site: ReturnType<typeof siteContext>;
  /** 网站名称, or 「办事指南」 when the configuration has no `site:` */
  siteName: string;
  /** the index page, relative to the page; none on a mobile page when the web target is not built */
  home?: string;
  /** the topic's heading on the index page, relative to the page */
  topicUrl?: string;
  feedbackUrl?: string;
}

interface GuideContext {
  guide: ParsedGuide;
  view: GuideView;
  options: GuideRenderOptions;
  webUrl?: string;
  feedbackUrl?: string;
}

/** What the catalog pages need beyond the records. */
export interface CatalogOptions {
  siteUrl?: string;
  /** the tool's version and the guides' commit, for the bundle's manifest (needed with the bundle target) */
  bundle?: ManifestOptions;
  /** the guides' search documents, when the records do not carry them (read one at a time, in any order) */
  searchDocuments?: Iterable<SearchDocument>;
  /** whose site it is (the configuration's `site:`): header and footer */
  site?: SiteIdentity;
  /** the journeys (一件事), rendered: the index lists them, search finds them, the bundle's manifest names them */
  journeys?: readonly JourneyRecord[];
}

/** The site's parts of a page, for a page whose index page is at `home`. */
function chrome(
  site: SiteIdentity | undefined,
  home: string | undefined,
  category?: string,
  feedback?: string,
): Chrome {
  return {
    site: siteContext(site),
    siteName: site?.name ?? '办事指南',
    ...(home && { home, topicUrl: `${home}#${topicAnchor(category ?? '')}` }),
    ...(feedback && { feedbackUrl: feedback }),
  };
}

/**
 * What a target renders: `guide` the files of one guide (and what its catalog pages need of the
 * guide, kept in the record), `catalog` the pages computed from every guide's record, in id order.
 * A new target (a bundle, a chunked search) adds an entry here; the build, its workers, its cache
 * and `baihua merge` need no change.
 */
interface TargetRenderer {
  guide(context: GuideContext): { files: Array<[string, string]>; data?: unknown };
  catalog(records: readonly GuideRecord[], templates: SiteTemplates, options: CatalogOptions): Array<[string, string]>;
}

const RENDERERS: Record<Target, TargetRenderer> = {
  web: {
    guide: ({ view, options, feedbackUrl }) => {
      const page = options.templates.page('web-guide')({
        guide: view,
        journeyPath: '../journeys/',
        ...chrome(options.site, '../index.html', view.category, feedbackUrl),
      });
      return { files: [[`web/guides/${view.id}.html`, page]] };
    },
    catalog: (records, templates, { siteUrl, site, journeys }) => [
      [
        'web/index.html',
        templates.page('web-index')({
          ...indexGroups(records, journeys),
          ...chrome(site, 'index.html'),
          title: site ? `办事指南｜${site.name}` : '办事指南',
        }),
      ],
      ['web/assets/web.css', templates.asset('web.css')],
      ['web/assets/search.js', templates.asset('search.js')],
      ...(siteUrl
        ? sitemapFiles(
            [
              ...records,
              ...(journeys ?? []).map(({ id, reviewed }) => ({ id, reviewed, path: `journeys/${id}.html` })),
            ],
            siteUrl,
          )
        : []),
    ],
  },
  mobile: {
    guide: ({ view, options: { templates, site, targets }, feedbackUrl }) => {
      const firstPhone = view.locations.find((location) => location.tel) ?? view.contacts[0];
      const css = templates.asset('mobile.css');
      // The mobile pages have no index of their own: the web index works at 360 px.
      const home = targets.includes('web') ? '../web/index.html' : undefined;
      // `fold`: the same sections as the web page, each folded in a <details>.
      const page = templates.page('mobile-guide')({
        guide: view,
        css,
        fold: true,
        firstPhone,
        journeyPath: 'journeys/',
        ...chrome(site, home, view.category, feedbackUrl),
      });
      return { files: [[`mobile/${view.id}.html`, page]] };
    },
    catalog: () => [],
  },
  print: {
    guide: ({ view, options: { templates, site, siteUrl }, webUrl }) => ({
      files: [
        [
          `print/${view.id}.html`,
          // `print`: numbers as text, boxes to tick for what the citizen brings.
          templates.page('print-guide')({
            guide: view,
            print: true,
            webUrl,
            qr: webUrl && qrSvg(webUrl, `扫码查看「${view.title}」的网上指南`),
            ...chrome(site, undefined),
            // The handout names the site's front page in words: paper has no links.
            ...(siteUrl && { homeUrl: `${siteUrl.replace(/\/$/, '')}/web/index.html` }),
          }),
        ],
      ],
    }),
    catalog: (_records, templates) => [['print/print.css', templates.asset('print.css')]],
  },
  bundle: {
    guide: ({ guide, view, options }) => {
      const { targets, siteUrl, termMarks, readability } = options;
      const bundled = bundleGuide(guide, view, {
        targets,
        ...(siteUrl && { siteUrl }),
        ...(termMarks && { termMarks }),
        ...(readability && { readability }),
      });
      return { files: [[bundled.path, bundled.content]], data: bundled.entry };
    },
    catalog: (records, _templates, { bundle, journeys }) => {
      if (!bundle) throw new Error('the bundle target needs the tool version for the manifest (CatalogOptions.bundle)');
      const entries = records.flatMap((record) =>
        record.targets.bundle ? [record.targets.bundle as ManifestEntry] : [],
      );
      const journeyEntries = (journeys ?? []).flatMap((journey) => journey.bundle ?? []);
      return [['bundle/manifest.json', bundleManifest(entries, bundle, journeyEntries)]];
    },
  },
};

// Template lines that hold only a block helper leave their indentation behind.
const tidy = (path: string, content: string) => (path.endsWith('.html') ? content.replace(/[ \t]+$/gm, '') : content);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Renders one guide (parsed, lint-clean) to its files for each target, and its record. */
export function renderGuide(guide: ParsedGuide, options: GuideRenderOptions): RenderedGuide {
  const id = checkId(guide);
  const webUrl = options.siteUrl ? `${options.siteUrl.replace(/\/$/, '')}/web/guides/${id}.html` : undefined;
  const marks = options.termMarks;
  const marked =
    marks?.length && guide.body
      ? { ...guide, body: { ...guide.body, tree: withTermsMarked(guide.body, marks) } }
      : guide;
  const view = guideView(marked, {
    titles: options.titles,
    ...(webUrl && { pageUrl: webUrl }),
    ...(options.journeys && { journeys: options.journeys }),
  });
  const feedback = feedbackUrl(options.site, guide, id);
  const files: SiteFiles = new Map();
  const targets: GuideRecord['targets'] = {};
  for (const target of TARGETS.filter((name) => options.targets.includes(name))) {
    const context = { guide, view, options, ...(webUrl && { webUrl }), ...(feedback && { feedbackUrl: feedback }) };
    const rendered = RENDERERS[target].guide(context);
    for (const [path, content] of rendered.files) files.set(path, tidy(path, content));
    if (rendered.data !== undefined) targets[target] = rendered.data;
  }
  const stated = lifeEventsStated(guide);
  const record: GuideRecord = {
    id,
    title: view.title,
    summary: view.summary,
    department: view.department,
    category: view.category,
    aliases: view.aliases,
    keywords: view.keywords,
    ...(stated && { lifeEvents: stated }),
    reviewed: view.reviewed,
    ...(options.readability && { readability: options.readability }),
    // Links are relative to web/, as on the index page.
    ...(searchOutputs(options.targets).length && {
      search: searchDocument(view, `guides/${id}.html`, options.segment),
    }),
    files: [...files.keys()].sort(),
    targets,
  };
  return { files, record };
}

/**
 * What the catalog pages need of one journey (一件事): the index lists it, search finds it, the
 * bundle's manifest names it. Journeys are few and depend on several guides, so a build renders
 * them with the catalog pages, from the guides' facts.
 */
export interface JourneyRecord {
  id: string;
  title: string;
  summary: string;
  department: string;
  lifeEvent: string;
  reviewed: string;
  /** the files this journey wrote, relative to the output, sorted */
  files: string[];
  /** the ids of the guides its steps name: search files the journey under the city they share */
  guides: string[];
  search?: SearchDocument;
  bundle?: JourneyManifestEntry;
}

export interface JourneyRenderOptions {
  targets: readonly Target[];
  templates: SiteTemplates;
  siteUrl?: string;
  segment?: SearchSegment;
  site?: SiteIdentity;
}

/** A journey's id names its pages (`web/journeys/<id>.html`): checked as a guide's is. */
function checkJourneyId(journey: ParsedGuide): string {
  const model = readJourneyModel(journey);
  const { id } = model.fields;
  if (id !== undefined && GUIDE_ID.test(id)) return id;
  const written = model.rangeOf(['id']);
  const shown = id === undefined ? '' : `「${id}」`;
  throw new FileAccessError(
    journey.file.path,
    `id${shown}不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 newborn`,
    written ? journey.file.pointAt(written.value.start) : undefined,
  );
}

/**
 * Renders one journey (一件事) to its pages of each target and its record, from the facts of the
 * services it names (`journeyService` of each guide, by id): step-by-step navigation, one
 * checklist of materials and the totals, the same in every channel.
 */
export function renderJourney(
  journey: ParsedGuide,
  services: ReadonlyMap<string, JourneyService>,
  options: JourneyRenderOptions,
): { files: SiteFiles; record: JourneyRecord } {
  const id = checkJourneyId(journey);
  const { view, plan } = journeyView(journey, services);
  const { targets, templates, site, siteUrl } = options;
  const base = siteUrl?.replace(/\/$/, '');
  const webUrl = base && `${base}/web/journeys/${id}.html`;
  const files: SiteFiles = new Map();
  const add = (path: string, content: string) => files.set(path, tidy(path, content));
  let bundled: JourneyManifestEntry | undefined;
  if (targets.includes('web'))
    add(
      `web/journeys/${id}.html`,
      templates.page('web-journey')({ journey: view, guidePath: '../guides/', ...chrome(site, '../index.html') }),
    );
  if (targets.includes('mobile')) {
    const home = targets.includes('web') ? '../../web/index.html' : undefined;
    add(
      `mobile/journeys/${id}.html`,
      templates.page('mobile-journey')({
        journey: view,
        css: templates.asset('mobile.css'),
        fold: true,
        guidePath: '../',
        ...chrome(site, home),
      }),
    );
  }
  if (targets.includes('print'))
    add(
      `print/journeys/${id}.html`,
      templates.page('print-journey')({
        journey: view,
        print: true,
        webUrl,
        qr: webUrl && qrSvg(webUrl, `扫码查看「${view.title}」的网上清单`),
        ...chrome(site, undefined),
        ...(base && { homeUrl: `${base}/web/index.html` }),
      }),
    );
  if (targets.includes('bundle')) {
    const result = bundleJourney(journey, view, plan, { targets, ...(siteUrl && { siteUrl }) });
    files.set(result.path, result.content);
    bundled = result.entry;
  }
  const record: JourneyRecord = {
    id,
    title: view.title,
    summary: view.summary,
    department: view.department,
    lifeEvent: view.lifeEvent,
    reviewed: view.reviewed,
    files: [...files.keys()].sort(),
    guides: [...new Set(plan.steps.flatMap((step) => step.services.map((service) => service.id)))].sort(),
    ...(searchOutputs(targets).length && {
      search: journeySearchDocument(view, `journeys/${id}.html`, options.segment),
    }),
    ...(bundled && { bundle: bundled }),
  };
  return { files, record };
}

/** Every journey's pages and records; two journeys never write one page. */
export function renderJourneys(
  journeys: readonly ParsedGuide[],
  services: ReadonlyMap<string, JourneyService>,
  options: JourneyRenderOptions,
): { files: SiteFiles; records: JourneyRecord[] } {
  const files: SiteFiles = new Map();
  const records: JourneyRecord[] = [];
  const seen = new Map<string, string>();
  for (const journey of journeys) {
    const rendered = renderJourney(journey, services, options);
    const other = seen.get(rendered.record.id);
    if (other !== undefined)
      throw new FileAccessError(
        journey.file.path,
        `id「${rendered.record.id}」和 ${displayPath(other)} 重复了，两件事会写到同一个网页：请改用不同的 id`,
      );
    seen.set(rendered.record.id, journey.file.path);
    for (const [path, content] of rendered.files) files.set(path, content);
    records.push(rendered.record);
  }
  return { files, records: records.sort(byId) };
}

/** The facts journeys need of each guide, by id. */
export function journeyServices(guides: readonly ParsedGuide[]): Map<string, JourneyService> {
  const services = new Map<string, JourneyService>();
  for (const guide of guides) {
    const service = journeyService(readGuideModel(guide).fields);
    if (service) services.set(service.id, service);
  }
  return services;
}

/** The life events a guide states, if it states any. */
function lifeEventsStated(guide: ParsedGuide): string[] | undefined {
  const stated = readGuideModel(guide).fields.life_events?.flatMap((event) => textOf(event) ?? []);
  return stated?.length ? stated : undefined;
}

/** The catalog-wide pages of each target, from the records alone, in id order whatever order they come in. */
export function renderCatalog(
  records: readonly GuideRecord[],
  targets: readonly Target[],
  templates: SiteTemplates,
  options: CatalogOptions = {},
): SiteFiles {
  const sorted = [...records].sort(byId);
  const files: SiteFiles = new Map();
  for (const target of TARGETS.filter((name) => targets.includes(name))) {
    for (const [path, content] of RENDERERS[target].catalog(sorted, templates, options))
      files.set(path, tidy(path, content));
  }
  // One search index for every target that ships it.
  const outputs = searchOutputs(targets);
  if (outputs.length) {
    const guideDocuments = options.searchDocuments ?? sorted.flatMap((record) => record.search ?? []);
    const journeys = options.journeys ?? [];
    // The guides' documents may be streamed (a large build reads them from the records): their
    // places are noted on the way past, for the journeys that follow them.
    const named = new Set(journeys.flatMap((journey) => journey.guides));
    const places = new Map<string, Place>();
    const index = searchIndexFiles(
      (function* () {
        for (const document of guideDocuments) {
          if (named.has(document.id)) places.set(document.id, { city: document.city, district: document.district });
          yield document;
        }
        for (const journey of journeys) if (journey.search) yield inSharedCity(journey.search, journey.guides, places);
      })(),
    );
    for (const { folder, module } of outputs) {
      for (const [path, content] of index) files.set(`${folder}${path}`, content);
      files.set(`${folder}${module}`, searchModuleSource());
    }
  }
  return files;
}

/**
 * A journey's search document under the city (and district) all its guides name, so that a
 * citizen who filters by city still finds it; under none when they differ or name none.
 */
type Place = Pick<SearchDocument, 'city' | 'district'>;

function inSharedCity(
  journey: SearchDocument,
  guideIds: readonly string[],
  placeOf: Map<string, Place>,
): SearchDocument {
  const places = guideIds.flatMap((id) => placeOf.get(id) ?? []);
  const [first] = places;
  if (!first?.city || places.some((place) => place.city !== first.city)) return journey;
  const district = places.every((place) => place.district === first.district) ? first.district : '';
  return { ...journey, city: first.city, district };
}

/** The PDFs to print: one for each guide's print page, and each journey's (`print/journeys/<id>.pdf`). */
export const handoutsOf = (records: readonly GuideRecord[], journeys: readonly JourneyRecord[] = []): Handout[] => [
  ...[...records]
    .sort(byId)
    .filter((record) => record.files.includes(`print/${record.id}.html`))
    .map((record) => ({ id: record.id, title: record.title, date: record.reviewed })),
  ...[...journeys]
    .sort(byId)
    .filter((journey) => journey.files.includes(`print/journeys/${journey.id}.html`))
    .map((journey) => ({ id: `journeys/${journey.id}`, title: journey.title, date: journey.reviewed })),
];

/**
 * Renders guides and journeys (parsed, lint-clean; a journey is a file in a `journeys` folder) to
 * the files of each target, in memory (`baihua serve`, the editor's preview).
 */
export function renderSite(files: ParsedGuide[], options: SiteOptions): Site {
  if (options.targets.includes('bundle') && !options.bundle)
    throw new Error('the bundle target needs SiteOptions.bundle: the tool version for the manifest');
  const journeys = files.filter((file) => isJourneyPath(file.file.path));
  const guides = files.filter((file) => !isJourneyPath(file.file.path));
  checkIds(guides);
  const memberships = journeyMemberships(journeys);
  const templates = loadTemplates(options.templates ?? DEFAULT_TEMPLATES);
  const titles = new Map<string, string>();
  for (const guide of guides) {
    const { id, title } = readGuideModel(guide).fields;
    if (id !== undefined && title !== undefined) titles.set(id, title);
  }
  const site: SiteFiles = new Map();
  const records = guides.map((guide) => {
    const termMarks = options.termMarks?.get(guide);
    const readability = options.readability?.get(guide);
    const id = readGuideModel(guide).fields.id;
    const journeysOf = id === undefined ? undefined : memberships.get(id);
    const rendered = renderGuide(guide, {
      ...(journeysOf && { journeys: journeysOf }),
      ...(readability && { readability }),
      targets: options.targets,
      templates,
      titles,
      ...(options.siteUrl && { siteUrl: options.siteUrl }),
      ...(termMarks && { termMarks }),
      ...(options.segment && { segment: options.segment }),
      ...(options.site && { site: options.site }),
    });
    for (const [path, content] of rendered.files) site.set(path, content);
    return rendered.record;
  });
  const rendered = renderJourneys(journeys, journeyServices(guides), {
    targets: options.targets,
    templates,
    ...(options.siteUrl && { siteUrl: options.siteUrl }),
    ...(options.segment && { segment: options.segment }),
    ...(options.site && { site: options.site }),
  });
  for (const [path, content] of rendered.files) site.set(path, content);
  const catalogOptions = {
    ...(options.siteUrl && { siteUrl: options.siteUrl }),
    ...(options.bundle && { bundle: options.bundle }),
    ...(options.site && { site: options.site }),
    journeys: rendered.records,
  };
  for (const [path, content] of renderCatalog(records, options.targets, templates, catalogOptions))
    site.set(path, content);
  return {
    files: site,
    handouts: handoutsOf(records, rendered.records),
    copies: siteLogoFiles(options.site, options.targets),
  };
}

/** The folder of this package's modules: a build's cache is keyed by their contents. */
export const RENDER_MODULES = fileURLToPath(new URL('.', import.meta.url));
