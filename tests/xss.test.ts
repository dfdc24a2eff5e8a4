/**
 * Guide text comes from pull requests and ends up in citizens' browsers. Every vector of the XSS
 * corpus (tests/fixtures/xss/vectors.yaml) goes into every prose field of real-looking guides and
 * into their bodies; `baihua build` (web, mobile, print and the PDFs) must then give pages that
 * run none of them.
 *
 * Each page is served over HTTP and opened in headless Chromium (one browser, one page), and
 * checked twice: as written (the file parsed by Chromium's parser without running it) and as run
 * (after `load`, with every <details> opened and every element hovered and focused, which is what
 * `ontoggle`, `onmouseover` and `onfocus` wait for; nothing is clicked, since a click on a real
 * link leaves the page: a link's scheme is checked instead). It fails on any dialog, console
 * message, page error, request other than the page's own files, extra frame or navigation; on
 * any script, event-handler or style attribute, comment, element that loads, embeds or reparses
 * something, or URL with a scheme other than http, https, mailto and tel that the templates did
 * not write; when the title, the meta description, the QR code's label or the JSON-LD differ
 * from the guide's values; and when a page shows a vector as text fewer or more times than it
 * shows the same field on a reference rendering with plain placeholders: a field let through
 * raw shows less text, whatever the vector does. A server records any request to the vectors'
 * beacon address, also while the build prints the handouts in Chromium.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseGuide, SourceFile } from '@baihua/core';
import { CHROMIUM_FLAGS, findChromium, renderSite } from '@baihua/render';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import * as YAML from 'yaml';
import { fixturesDir, guidesDir, repoRoot, runCliAsync, scratch, serveDirectory, type CliRun } from './helpers.js';

interface Vector {
  /** `xss001`: also what the vector logs, alerts, sets or requests when it runs */
  marker: string;
  text: string;
}

const corpus: Vector[] = Object.entries(
  YAML.parse(readFileSync(join(fixturesDir, 'xss/vectors.yaml'), 'utf8')) as Record<string, string>,
).map(([marker, text]) => ({ marker, text }));

/** Vectors per guide: a guide holds each of its vectors about 50 times and stays far below 128 KiB. */
const VECTORS_PER_GUIDE = 16;
const guideCount = Math.ceil(corpus.length / VECTORS_PER_GUIDE);
const ids = Array.from({ length: guideCount }, (_, index) => `xss-corpus-${String(index + 1).padStart(2, '0')}`);
const SITE_URL = 'https://guides.example.gov.cn';
/** Every guide's department starts with it, so the index page's search lists them all. */
const SEARCH_QUERY = '公安局';

/** Lint only what a guide must be to build (the schema); the point is what the renderer does with the rest. */
const SCHEMA_ONLY_CONFIG = `root: true
rules:
  schema/required: error
  schema/type: error
  schema/enum: error
  schema/format: error
  schema/range: error
  schema/unknown-key: error
`;

const base = YAML.parse(readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8').split(/^---$/m)[1]!) as Record<
  string,
  unknown
>;

/** Vectors the schema takes as a web address: https:// and the characters of RFC 3986. */
const WEB_ADDRESS = /^https:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+$/;

/** Vectors the schema lets into a title: one line of at most 40 characters. */
const fitsTitle = (vector: Vector) => !vector.text.includes('\n') && vector.text.length <= 40;

interface HostileGuide {
  id: string;
  file: string;
  data: Record<string, unknown>;
  vectors: Vector[];
  body: string;
}

/**
 * The guides: vector n goes to guide n mod `guideCount`, into every string field of the schema
 * that takes free text (lists get one item per vector, single values all the guide's vectors),
 * and into the body, both inline in a list item and as a block of its own. Titles (40 characters,
 * one line) and summaries (120) take the short vectors. Fields with an enum, a pattern, a date or
 * a number keep the example guide's values: the schema refuses anything else. `write` gives what
 * goes where a vector goes: the vector itself, or a plain placeholder for the reference pages.
 */
function hostileGuides(vectors: Vector[], write: (vector: Vector) => string = (vector) => vector.text): HostileGuide[] {
  const short = vectors.filter(fitsTitle);
  return ids.map((id, index) => {
    const group = vectors.filter((_, position) => position % guideCount === index);
    const texts = group.map(write);
    const all = texts.join(' ');
    const address = group.find((vector) => WEB_ADDRESS.test(vector.text));
    const summary: Vector[] = [];
    for (const vector of short.filter((_, position) => position % guideCount === index)) {
      if ([...summary, vector].map((fit) => fit.text).join(' ').length <= 120) summary.push(vector);
    }
    const data: Record<string, unknown> = {
      id,
      title: write(short[index]!),
      aliases: texts,
      summary: summary.map(write).join(' '),
      type: base.type,
      level: base.level,
      department: `青禾市公安局东湖分局 ${all}`,
      category: all,
      audience: base.audience,
      legal_basis: texts.flatMap((text) => [`《${text}》${text}`, { name: `《${text}》`, article: text }]),
      conditions: texts,
      exclusions: texts,
      materials: texts.map((text) => ({
        name: text,
        need: '情形必要',
        situation: text,
        form: '原件',
        copies: 1,
        source: '政府部门核发',
        issuer: text,
        requirements: text,
        exempt: { source: text, note: text },
        basis: text,
        fill_notes: text,
        note: text,
      })),
      steps: texts.map((text) => ({ title: text, how: text, where: text, duration: text })),
      handling: base.handling,
      time_limit: {
        statutory: { days: 60, unit: '自然日', note: all },
        promised: { days: 10, unit: '工作日', note: all },
      },
      special_procedures: [{ name: all, duration: { days: 7, unit: '自然日', note: all } }],
      fees: texts.map((text) => ({ item: text, amount: 20, unit: text, basis: text, waiver: text })),
      visits: 1,
      visits_reason: all,
      online: { level: '预约办理', url: address ? write(address) : (base.online as { url: string }).url, mobile: all },
      locations: texts.map((text) => ({
        name: text,
        address: text,
        window: text,
        transit: text,
        hours: text,
        holiday: text,
        phone: text,
      })),
      contacts: { consult: all, complaint: all },
      result: { name: all, type: '证照', delivery: ['邮寄', '窗口领取'], validity: all },
      faq: texts.map((text) => ({ question: text, answer: text })),
      related: ids.filter((other) => other !== id),
      keywords: texts,
      access: { offline: all, assisted: all },
      alert: { text: all, until: '2027-02-17' },
      status: '在办',
      owner: all,
      change_note: all,
      reviewed: base.reviewed,
    };
    return {
      id,
      file: index === guideCount - 1 ? `${id}.yaml` : `${id}.md`,
      data,
      vectors: group,
      body: hostileBody(texts),
    };
  });
}

/** The body: each vector inline in a list item (one-line vectors), then as a block of its own in a blockquote, so that no vector swallows the next. */
function hostileBody(texts: string[]): string {
  const lines = ['## 办理须知', ''];
  for (const text of texts) if (!text.includes('\n')) lines.push(`- 注意：${text}`, `- ${text}`);
  lines.push('');
  for (const text of texts) lines.push(...text.split('\n').map((line) => (line ? `> ${line}` : '>')), '');
  return lines.join('\n');
}

function guideFileText(guide: HostileGuide): string {
  if (guide.file.endsWith('.yaml')) return YAML.stringify({ ...guide.data, body: guide.body }, { lineWidth: 0 });
  return `---\n${YAML.stringify(guide.data, { lineWidth: 0 })}---\n\n${guide.body}`;
}

/** What stands for a vector on the reference pages: text that every layer leaves alone. */
const placeholder = (vector: Vector) => `⟦${vector.marker}⟧`;
const withPlaceholders = (vectors: Vector[]) =>
  vectors.map((vector) => ({ ...vector, placeholder: placeholder(vector) }));

/** What a page must hold, checked in the page by `findHazards`. */
interface PageExpectation {
  title: string;
  h1: string;
  description?: string;
  jsonLd?: { name: string; description: string; alternateName: string[]; provider: string; category: string };
  /** `ld+json`, `src:<src attribute>` or `inline:<text>`, one per script element */
  scripts: string[];
  /** href attributes of the <link rel="stylesheet"> elements */
  stylesheets: string[];
  /** <style> elements in the head (the mobile page inlines its CSS) */
  styles: number;
  /** the handout's QR code (an SVG in figure.qr) and its label */
  qrLabel?: string;
  /** the index page's search form */
  searchForm: boolean;
  /** search results the page lists once it has run */
  results?: number;
  /** the vectors every field must show as text, as often as the reference page shows their placeholders */
  texts: Array<Vector & { placeholder: string }>;
}

/**
 * Runs in the page, on the page's file parsed without running it (`html`) or on the live document
 * (`html` null). Self-contained: Playwright sends its source to the browser.
 */
const findHazards = ({
  html,
  reference,
  expected,
}: {
  html: string | null;
  reference: string;
  expected: PageExpectation;
}): string[] => {
  const doc = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
  const problems: string[] = [];
  // The text of the fields: the Markdown body (which drops raw HTML), the search results and the
  // search filters' choices (the page's script writes them) are left out.
  const fieldText = (root: Document) => {
    const body = root.body.cloneNode(true) as HTMLElement;
    for (const region of Array.from(body.querySelectorAll('section.body, #results, form.search .filters')))
      region.remove();
    for (const details of Array.from(body.querySelectorAll('details')))
      if (details.querySelector('summary')?.textContent === '更多说明') details.remove();
    return body.textContent ?? '';
  };
  const count = (text: string, part: string) => text.split(part).length - 1;
  const show = (element: Element) => element.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
  const SVG = 'http://www.w3.org/2000/svg';
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  // Elements that load, embed, run or reparse something; none of them is in the templates.
  const denied = new Set([
    'applet',
    'audio',
    'base',
    'canvas',
    'embed',
    'fencedframe',
    'frame',
    'frameset',
    'iframe',
    'image',
    'img',
    'listing',
    'marquee',
    'noembed',
    'noframes',
    'noscript',
    'object',
    'param',
    'picture',
    'plaintext',
    'portal',
    'source',
    'template',
    'track',
    'video',
    'xmp',
  ]);
  const formControls = new Set([
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'keygen',
    'isindex',
    'label',
    'fieldset',
  ]);
  const urlAttributes = new Set([
    'href',
    'xlink:href',
    'src',
    'srcset',
    'srcdoc',
    'data',
    'poster',
    'background',
    'action',
    'formaction',
    'ping',
    'codebase',
    'manifest',
    'lowsrc',
    'dynsrc',
  ]);
  const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);
  const scripts: string[] = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    const tag = element.localName;
    const inHead = element.parentElement === doc.head;
    const inSearchForm = expected.searchForm && element.closest('form.search') !== null;
    if (element.namespaceURI === SVG) {
      if (!(expected.qrLabel !== undefined && element.closest('figure.qr') && ['svg', 'rect', 'path'].includes(tag)))
        problems.push(`SVG element: ${show(element)}`);
    } else if (element.namespaceURI === MATHML) {
      problems.push(`MathML element: ${show(element)}`);
    } else if (tag === 'script') {
      const type = element.getAttribute('type');
      scripts.push(
        element.hasAttribute('src')
          ? `src:${element.getAttribute('src')}`
          : type === 'application/ld+json'
            ? 'ld+json'
            : `inline:${element.textContent}`,
      );
    } else if (tag === 'style') {
      if (!inHead) problems.push(`style element: ${show(element)}`);
    } else if (tag === 'link') {
      if (
        !(
          inHead &&
          element.getAttribute('rel') === 'stylesheet' &&
          expected.stylesheets.includes(element.getAttribute('href') ?? '')
        )
      )
        problems.push(`link element: ${show(element)}`);
    } else if (tag === 'meta') {
      const known =
        element.hasAttribute('charset') || ['viewport', 'description'].includes(element.getAttribute('name') ?? '');
      if (!inHead || element.hasAttribute('http-equiv') || !known) problems.push(`meta element: ${show(element)}`);
    } else if (formControls.has(tag)) {
      // GFM task lists give a disabled checkbox; the index page has its search form.
      const taskBox =
        tag === 'input' &&
        element.getAttribute('type') === 'checkbox' &&
        element.hasAttribute('disabled') &&
        !element.closest('form');
      if (!inSearchForm && !taskBox) problems.push(`form control: ${show(element)}`);
    } else if (denied.has(tag)) {
      problems.push(`${tag} element: ${show(element)}`);
    }
    for (const { name, value } of Array.from(element.attributes)) {
      if (name.startsWith('on')) problems.push(`event handler ${name}="${value}" on ${show(element)}`);
      else if (name === 'style') problems.push(`style attribute "${value}" on ${show(element)}`);
      else if (urlAttributes.has(name)) {
        const expectedUrl =
          (tag === 'a' && name === 'href') ||
          (tag === 'link' && name === 'href') ||
          (tag === 'script' && name === 'src') ||
          (inSearchForm && tag === 'form' && name === 'action');
        let scheme = '';
        try {
          scheme = new URL(value, doc.baseURI).protocol;
        } catch {
          scheme = 'unparsable';
        }
        if (!expectedUrl) problems.push(`URL attribute ${name}="${value}" on ${show(element)}`);
        else if (!safeSchemes.has(scheme)) problems.push(`${scheme} URL in ${name}="${value}" on ${show(element)}`);
      }
    }
  }
  if (JSON.stringify([...scripts].sort()) !== JSON.stringify([...expected.scripts].sort()))
    problems.push(
      `scripts ${JSON.stringify(scripts).slice(0, 400)}, expected ${JSON.stringify(expected.scripts).slice(0, 400)}`,
    );
  if (doc.head.querySelectorAll('style').length !== expected.styles)
    problems.push(
      `${doc.head.querySelectorAll('style').length} style elements in the head, expected ${expected.styles}`,
    );
  if (doc.title !== expected.title) problems.push(`title "${doc.title}", expected "${expected.title}"`);
  const h1 = doc.querySelector('h1')?.textContent;
  if (h1 !== expected.h1) problems.push(`h1 "${h1}", expected "${expected.h1}"`);
  const description = doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? undefined;
  if (description !== expected.description)
    problems.push(`meta description "${description}", expected "${expected.description}"`);
  if (expected.jsonLd) {
    const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
    try {
      const data = JSON.parse(blocks[0]?.textContent ?? '') as {
        name: string;
        description: string;
        alternateName: string[];
        provider: { name: string };
        category: string;
      };
      const found = {
        name: data.name,
        description: data.description,
        alternateName: data.alternateName,
        provider: data.provider.name,
        category: data.category,
      };
      if (JSON.stringify(found) !== JSON.stringify(expected.jsonLd))
        problems.push(`JSON-LD ${JSON.stringify(found).slice(0, 400)}`);
    } catch (error) {
      problems.push(`JSON-LD does not parse: ${String(error)}`);
    }
  }
  if (expected.qrLabel !== undefined) {
    const label = doc.querySelector('figure.qr svg')?.getAttribute('aria-label');
    if (label !== expected.qrLabel) problems.push(`QR code label "${label}", expected "${expected.qrLabel}"`);
  }
  const comments = doc.createTreeWalker(doc, NodeFilter.SHOW_COMMENT);
  while (comments.nextNode()) problems.push(`comment <!--${comments.currentNode.textContent!.slice(0, 120)}`);
  if (doc.querySelectorAll('title').length !== 1 || doc.querySelector('title')!.parentElement !== doc.head)
    problems.push('a title element outside the head');
  const shown = fieldText(doc);
  const shownOnReference = fieldText(new DOMParser().parseFromString(reference, 'text/html'));
  for (const vector of expected.texts) {
    const times = count(shown, vector.text);
    const expectedTimes = count(shownOnReference, vector.placeholder);
    if (times !== expectedTimes || times === 0)
      problems.push(`${vector.marker} shown as text ${times} times, expected ${expectedTimes}`);
  }
  if (html === null) {
    if (expected.results !== undefined && doc.querySelectorAll('#results a').length !== expected.results)
      problems.push(`${doc.querySelectorAll('#results a').length} search results, expected ${expected.results}`);
    const globals = Object.getOwnPropertyNames(window).filter((name) => /xss\d{3}/.test(name));
    if (globals.length) problems.push(`window globals ${globals.join(', ')}`);
    if (doc.cookie) problems.push(`cookie ${doc.cookie}`);
    // The one key the pages write: the reader's choice of 大字版 (partials/size-script.hbs), 0 or 1.
    const stored = Object.keys(localStorage).filter(
      (key) => key !== 'baihua-large-text' || !['0', '1'].includes(localStorage.getItem(key)!),
    );
    if (stored.length || sessionStorage.length) problems.push('web storage written');
  }
  return problems;
};

/** What a vector may wait for: every <details> opened (awaiting its toggle), every element hovered and focused. */
const exercise = async (): Promise<void> => {
  // An HTML <details> fires `toggle` when opened; one that a vector put in SVG or MathML never does.
  const closed = Array.from(document.querySelectorAll('details')).filter(
    (details) => details instanceof HTMLDetailsElement && !details.open,
  );
  await Promise.all(
    closed.map(
      (details) =>
        new Promise((resolve) => {
          details.addEventListener('toggle', resolve, { once: true });
          details.open = true;
        }),
    ),
  );
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove'])
      element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    element.dispatchEvent(new FocusEvent('focus'));
    element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    if (element instanceof HTMLElement || element instanceof SVGElement) element.focus();
  }
};

/** The inline script of every page but the handout (大字版 from ?large=1 or the choice remembered), as the partial writes it. */
const sizeScript = /<script>(.*?)<\/script>/s.exec(
  readFileSync(join(repoRoot, 'templates/site/partials/size-script.hbs'), 'utf8'),
)![1]!;

interface PageCase {
  path: string;
  /** the files the page itself loads, relative to the site (a folder, ending in /, for all its files) */
  assets: string[];
  print?: boolean;
  expected: (guides: Map<string, HostileGuide>) => PageExpectation;
}

const field = (value: unknown) => value as string;

function guidePages(id: string): PageCase[] {
  const common = (guide: HostileGuide) => ({
    h1: field(guide.data.title),
    texts: withPlaceholders(guide.vectors),
    searchForm: false,
  });
  return [
    {
      path: `web/guides/${id}.html`,
      assets: ['web/assets/web.css'],
      expected: (guides) => {
        const guide = guides.get(id)!;
        return {
          ...common(guide),
          title: `${field(guide.data.title)}｜办事指南`,
          description: field(guide.data.summary),
          jsonLd: {
            name: field(guide.data.title),
            description: field(guide.data.summary),
            alternateName: guide.data.aliases as string[],
            provider: field(guide.data.department),
            category: field(guide.data.category),
          },
          scripts: ['ld+json', `inline:${sizeScript}`],
          stylesheets: ['../assets/web.css'],
          styles: 0,
        };
      },
    },
    ...['', '?large=1'].map((query) => ({
      path: `mobile/${id}.html${query}`,
      assets: [],
      expected: (guides: Map<string, HostileGuide>) => ({
        ...common(guides.get(id)!),
        title: field(guides.get(id)!.data.title),
        scripts: [`inline:${sizeScript}`],
        stylesheets: [],
        styles: 1,
      }),
    })),
    {
      path: `print/${id}.html`,
      assets: ['print/print.css'],
      print: true,
      expected: (guides) => {
        const guide = guides.get(id)!;
        return {
          ...common(guide),
          title: `${field(guide.data.title)}｜一次性告知单`,
          scripts: [],
          stylesheets: ['print.css'],
          styles: 0,
          qrLabel: `扫码查看「${field(guide.data.title)}」的网上指南`,
        };
      },
    },
  ];
}

const pages: PageCase[] = [
  {
    path: `web/index.html?q=${encodeURIComponent(SEARCH_QUERY)}`,
    // web/search/: the search module and the index files a query loads
    assets: ['web/assets/web.css', 'web/assets/search.js', 'web/search/'],
    expected: (guides) => ({
      title: '办事指南',
      h1: '办事指南',
      scripts: ['src:assets/search.js', `inline:${sizeScript}`],
      stylesheets: ['assets/web.css'],
      styles: 0,
      searchForm: true,
      results: guides.size,
      // The index shows each guide's title and summary and groups them by department and category.
      texts: withPlaceholders([...guides.values()].flatMap((guide) => guide.vectors)),
    }),
  },
  ...ids.flatMap(guidePages),
];

let beacon: Server;
const beaconHits: string[] = [];
let site: { server: Server; url: string };
let dist: string;
let build: CliRun;
let guides: Map<string, HostileGuide>;
/** The same guides with a placeholder wherever a vector goes, rendered here: how often each page shows each field. */
let reference: Map<string, string>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The page being checked: where the listeners write, and what it may load. */
let current: { problems: string[]; allowed: Set<string> } = { problems: [], allowed: new Set() };

beforeAll(async () => {
  beacon = createServer((request, response) => {
    beaconHits.push(`${request.method} ${request.url}`);
    response.end();
  });
  beacon.on('upgrade', (request, socket) => {
    beaconHits.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
  const beaconHost = `127.0.0.1:${(beacon.address() as { port: number }).port}`;
  const vectors = corpus.map((vector) => ({ ...vector, text: vector.text.replaceAll('BEACON', beaconHost) }));
  guides = new Map(hostileGuides(vectors).map((guide) => [guide.id, guide]));
  const placeholders = hostileGuides(vectors, placeholder).map((guide) =>
    parseGuide(new SourceFile(guide.file, guideFileText(guide))),
  );
  reference = renderSite(placeholders, { targets: ['web', 'mobile', 'print'], siteUrl: SITE_URL }).files;

  const dir = scratch();
  mkdirSync(join(dir, 'guides'));
  writeFileSync(join(dir, 'guides/baihua.config.yaml'), SCHEMA_ONLY_CONFIG);
  for (const guide of guides.values()) writeFileSync(join(dir, 'guides', guide.file), guideFileText(guide));
  dist = join(dir, 'dist');
  build = await runCliAsync(
    ['build', 'guides', '--out', 'dist', '--targets', 'web,mobile,print', '--site-url', SITE_URL],
    { cwd: dir },
  );

  site = await serveDirectory(dist);
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  context = await browser.newContext();
  // One dialog a page is enough to fail it; more could loop for ever (a dismissed alert gives the
  // focus back to an input whose onfocus opens the next one).
  await context.addInitScript(() => {
    let shown = false;
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const open = window[name] as (...args: unknown[]) => unknown;
      const openOnce = (...args: unknown[]) => {
        if (shown) return undefined;
        shown = true;
        return open.apply(window, args);
      };
      Object.assign(window, { [name]: openOnce });
    }
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const inFolder = [...current.allowed].some((allowed) => allowed.endsWith('/') && url.startsWith(allowed));
    if (current.allowed.has(url) || inFolder) return route.continue();
    current.problems.push(`request (${route.request().resourceType()}) ${url}`);
    return route.abort();
  });
  page = await openPage();
});

/** The page every check reuses, with listeners that report to `current`. */
async function openPage(): Promise<Page> {
  const opened = await context.newPage();
  opened.on('dialog', (dialog) => {
    current.problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  opened.on('console', (message) => current.problems.push(`console.${message.type()}: ${message.text()}`));
  opened.on('pageerror', (error) => current.problems.push(`page error: ${error.message}`));
  opened.on('popup', (popup) => current.problems.push(`popup ${popup.url()}`));
  opened.on('websocket', (socket) => current.problems.push(`websocket ${socket.url()}`));
  return opened;
}

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  beacon?.close();
});

describe('the XSS corpus', () => {
  it('holds at least 100 vectors, each naming its own marker and no other', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const [index, { marker, text }] of corpus.entries()) {
      expect(marker).toBe(`xss${String(index + 1).padStart(3, '0')}`);
      expect(text.match(/xss\d{3}/g)?.filter((found) => found !== marker) ?? [], marker).toEqual([]);
      expect(text, marker).toContain(marker);
    }
    expect(corpus.filter(fitsTitle).length).toBeGreaterThanOrEqual(guideCount);
  });

  it('goes into guides the schema accepts, each under 128 KiB with a body that parses in-line', () => {
    for (const guide of guides.values()) {
      expect(Buffer.byteLength(guideFileText(guide)), guide.id).toBeLessThan(128 * 1024);
      // Bodies over 16 KB are parsed in a worker with a deadline, which a busy machine might miss.
      expect(Buffer.byteLength(guide.body), guide.id).toBeLessThan(16 * 1024);
    }
    expect(new Set([...guides.values()].flatMap((guide) => guide.vectors.map((vector) => vector.marker))).size).toBe(
      corpus.length,
    );
    expect(build.stderr).toBe('');
    expect(build.stdout).toBe(
      `✔ 生成了 ${guideCount} 份指南（重新生成 ${guideCount} 份，沿用 0 份）：web ${guideCount + 1} 页，mobile ${guideCount} 页，print ${guideCount} 页，PDF ${guideCount} 份（新打印 ${guideCount} 份） → dist\n`,
    );
    expect(build.code).toBe(0);
  });

  it('made no request while the build printed the handouts in Chromium', () => {
    expect(beaconHits).toEqual([]);
  });
});

describe('built pages in Chromium', () => {
  it.each(pages.map((pageCase) => [pageCase.path, pageCase] as const))(
    '%s runs nothing, loads nothing else and shows the text as text',
    async (path, pageCase) => {
      // A page that hung stays with its test: the next one gets a fresh page.
      onTestFailed(async () => {
        await page.close();
        page = await openPage();
      });
      const url = `${site.url}/${path}`;
      const problems: string[] = [];
      current = { problems, allowed: new Set([url, ...pageCase.assets.map((asset) => `${site.url}/${asset}`)]) };
      const expected = pageCase.expected(guides);
      await page.emulateMedia({ media: pageCase.print ? 'print' : 'screen' });
      await page.goto(url, { waitUntil: 'load' });
      if (expected.results !== undefined)
        await page.waitForFunction(() => document.querySelectorAll('#results a').length > 0);
      await page.evaluate(exercise);
      const file = path.split('?')[0]!;
      const html = readFileSync(join(dist, file), 'utf8');
      const referenceHtml = reference.get(file)!;
      problems.push(
        ...(await page.evaluate(findHazards, { html, reference: referenceHtml, expected })).map(
          (problem) => `as written: ${problem}`,
        ),
      );
      problems.push(
        ...(await page.evaluate(findHazards, { html: null, reference: referenceHtml, expected })).map(
          (problem) => `as run: ${problem}`,
        ),
      );
      if (page.frames().length !== 1)
        problems.push(
          `frames: ${page
            .frames()
            .map((frame) => frame.url())
            .join(', ')}`,
        );
      if (page.url() !== url) problems.push(`navigated to ${page.url()}`);
      expect(problems).toEqual([]);
    },
  );

  it('sent nothing to the beacon server', () => {
    expect(beaconHits).toEqual([]);
  });
});
