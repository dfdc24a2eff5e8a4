/**
 * The built site in a real browser: headless Debian Chromium driven by playwright-core (no browser
 * download), pages served over HTTP as a portal would.
 *
 * Accessibility, measured (issue 17): every page type (the index, a guide and a journey on the web,
 * on mobile and as a handout) in both text sizes has no axe-core violation of any impact, its headings in
 * order, and no horizontal scroll at 320 px and 360 px (WCAG 1.4.10 reflow; the handout is laid
 * out for A4 paper and is left out of reflow). In the large-text mode (适老化) the browser's own
 * numbers are checked on the web and mobile pages: all text at least 18 pt (24 px), line height
 * at least 1.3, body text at least 4.5:1 against its background, and every target at least
 * 60×60 px. A target is a button, a field, a folded section's title, a tap-to-call link, or a
 * stand-alone link; a link inside a sentence (a word of the sentence beside it, in the same
 * element) is not one: WCAG 2.5.8 exempts such inline links, whose size the line of text sets.
 * Every phone number on a mobile page can be tapped to call.
 *
 * Search works without jieba; the mobile page keeps its start button on screen. Screenshots are
 * saved in test-results/screenshots/ for a person to look at; `pnpm screenshots` copies the ones
 * the README shows into docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { findChromium, CHROMIUM_FLAGS, viewFacts } from '@baihua/render';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_IDS,
  guidesDir,
  guideViewsIn,
  guidesWithRegion,
  repoRoot,
  runCli,
  scratch,
  serveDirectory,
} from './helpers.js';
import { describeAccessibility, type TextSize } from './browser-helpers.js';

const screenshots = join(repoRoot, 'test-results/screenshots');

let browser: Browser;
let server: Server | undefined;
let served: string | undefined;
/** Where the site was built. */
let builtSite: string | undefined;
/** Why the site could not be built, if it could not: every test fails with it instead of being skipped. */
let buildFailure: string | undefined;

/** The built site's address; fails the calling test, loudly, when the build failed. */
function site(): string {
  if (buildFailure !== undefined) throw new Error(buildFailure);
  return served!;
}

beforeAll(async () => {
  const dir = scratch();
  const build = runCli(
    ['build', guidesWithRegion(dir), '--out', join(dir, 'dist'), '--site-url', 'https://guides.qinghe.example.gov.cn'],
    { cwd: dir },
  );
  if (build.code !== 0) {
    buildFailure = `baihua build exited with ${build.code}:\n${build.stderr}${build.stdout}`;
    return;
  }
  builtSite = join(dir, 'dist');
  ({ server, url: served } = await serveDirectory(builtSite));
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** A page in its own context (axe-core opens its own pages in the page's context), in a text size. */
async function open(path: string, width: number, size: TextSize = 'standard'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site()}/${path}`, { waitUntil: 'load' });
  // The class is what every way of asking for large text (?large=1, the 大字版 switch) sets.
  if (size === 'large') await page.evaluate(() => document.documentElement.classList.add('large-text'));
  return page;
}

const GUIDES = ['id-card-renewal', 'second-hand-house-transfer'];
/**
 * Each page type, at the width it is made for; the guide pages for a short and a long guide, the
 * journey pages for the one with an optional step done alongside the one before.
 */
const PAGES = [
  { name: 'the index', path: 'web/index.html', width: 1280 },
  ...GUIDES.flatMap((id) => [
    { name: `${id} on the web`, path: `web/guides/${id}.html`, width: 1280 },
    { name: `${id} on mobile`, path: `mobile/${id}.html`, width: 360 },
    { name: `${id} as a handout`, path: `print/${id}.html`, width: 794 },
  ]),
  { name: 'the newborn journey on the web', path: 'web/journeys/newborn.html', width: 1280 },
  { name: 'the newborn journey on mobile', path: 'mobile/journeys/newborn.html', width: 360 },
  { name: 'the newborn journey as a handout', path: 'print/journeys/newborn.html', width: 794 },
];

describeAccessibility('accessibility', PAGES, open);

describe('accessibility of the guide pages', () => {
  it("a mobile page's body headings read smaller than the folded sections' titles they sit under", async () => {
    // The outline itself (h2 sections, the body one level below 「更多说明」) is checked on the HTML in
    // packages/render/test/render.test.ts; here, how it looks.
    const page = await open('mobile/id-card-renewal.html', 360);
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(await fontSize('details.body h3')).toBeLessThan(await fontSize('summary h2'));
    await page.context().close();
  });

  it('every phone number on a mobile page can be tapped to call', async () => {
    for (const id of EXAMPLE_IDS) {
      // The guide's numbers, as the bundle gives them (each with its tel: link), and any other
      // landline (0000-66230000) or mobile (13800000000) number the page shows.
      const bundle = readFileSync(join(builtSite!, 'bundle/guides', `${id}.json`), 'utf8');
      const numbers = [...new Set([...bundle.matchAll(/"tel:([^"]+)"/g)].map((match) => match[1]!))];
      const page = await open(`mobile/${id}.html`, 360);
      const untappable = await page.evaluate((numbers) => {
        const escaped = numbers.map((number) => number.replace(/[-+]/g, '\\$&'));
        const phone = new RegExp(
          `(?<![\\d-])(?:${[...escaped, '\\d{3,4}-\\d{7,8}', '1[3-9]\\d{9}'].join('|')})(?![\\d-])`,
          'g',
        );
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement!.closest('script, style')) continue;
          for (const [number] of node.textContent!.matchAll(phone)) {
            const called = node.parentElement!.closest('a[href^="tel:"]')?.getAttribute('href') ?? '';
            if (called.replace(/\D/g, '') !== number.replace(/\D/g, '')) found.push(number);
          }
        }
        return found;
      }, numbers);
      expect(untappable, id).toEqual([]);
      await page.context().close();
    }
  });
});

describe('every fact of the view on every channel, as Chromium shows it', () => {
  const PAGE_OF = { web: 'web/guides/%s.html', mobile: 'mobile/%s.html', print: 'print/%s.html' } as const;
  it.each(Object.keys(PAGE_OF) as Array<keyof typeof PAGE_OF>)('%s: every example guide', async (channel) => {
    const views = guideViewsIn(guidesDir);
    const page = await open(PAGE_OF[channel].replace('%s', EXAMPLE_IDS[0]!), channel === 'mobile' ? 360 : 1280);
    if (channel === 'print') await page.emulateMedia({ media: 'print' });
    const missing: string[] = [];
    for (const id of EXAMPLE_IDS) {
      await page.goto(`${site()}/${PAGE_OF[channel].replace('%s', id)}`, { waitUntil: 'load' });
      // Folded is not dropped: a reader opens the fold, and so does the test.
      await page.evaluate(() => {
        document.querySelectorAll('details').forEach((details) => {
          details.open = true;
        });
      });
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is the point (what CSS hides is not shown)
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      for (const fact of viewFacts(views.get(id)!))
        if (!text.includes(fact.text.replace(/\s+/g, ' '))) missing.push(`${id} ${fact.kind}: ${fact.text}`);
    }
    expect(missing).toEqual([]);
    await page.context().close();
  });
});

describe('in the browser', () => {
  it('search finds 换领居民身份证 first from 身份证, with no jieba on the page', async () => {
    const page = await open('web/index.html', 1280);
    const titles = () => page.locator('#results a').allTextContents();
    await page.fill('#q', '身份证');
    await expect.poll(async () => (await titles())[0]).toBe('换领居民身份证');
    await page.fill('#q', '换身份证');
    await expect.poll(async () => (await titles())[0]).toBe('换领居民身份证');
    // Only the search module and index files were loaded, never a whole index or jieba.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(loaded.filter((url) => /jieba/.test(url))).toEqual([]);
    expect(
      loaded
        .filter((url) => url.includes('/search/'))
        .every((url) => /\/search\/(search\.js|meta\.json|(terms|docs|departments)\/\w+\.json)$/.test(url)),
    ).toBe(true);
    await page.context().close();
  });

  it('search shows the count, why each guide matched, filters by city and category, and says when nothing matched', async () => {
    const page = await open(`web/index.html?q=${encodeURIComponent('孩子上学')}`, 1280);
    const status = page.locator('#search-status');
    await expect.poll(() => page.locator('#results a').first().textContent()).toBe('小学一年级新生入学报名');
    expect(await status.textContent()).toBe('找到 3 项');
    expect(await page.locator('#results li').first().locator('.why').textContent()).toBe(
      '匹配：“孩子”在简介、办理条件、材料等处；“上学”在关键词',
    );
    // the 21 guides and the 2 journeys, filed under the city their guides share
    expect(await page.locator('#city option').allTextContents()).toEqual(['全部地区', '青禾市（23）']);
    await page.selectOption('#category', '税务');
    await expect.poll(() => page.locator('#results a').allTextContents()).toEqual(['个人所得税综合所得年度汇算']);
    expect(await status.textContent()).toBe('找到 1 项');
    await page.selectOption('#category', '');
    await page.fill('#q', '火锅');
    await expect.poll(() => status.textContent()).toMatch(/^没有找到“火锅”相关的事项。换个说法或少写几个字试试/);
    expect(await page.locator('#results li').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'web-search.png') });
    await page.context().close();
  });

  it('the index groups guides by topic and by life event, and the department filter narrows a search', async () => {
    const page = await open('web/index.html', 1280);
    /** A group's heading and the titles of its guides, as the page shows them. */
    const group = async (anchor: string) => {
      const heading = page.locator(`[id="${anchor}"]`);
      return [
        await heading.textContent(),
        await heading.locator('xpath=following-sibling::ul[1]//a').allTextContents(),
      ];
    };
    expect(await page.locator('#by-topic h3').allTextContents()).toEqual([
      '出入境',
      '户籍与身份',
      '婚姻家庭',
      '交通出行',
      '教育',
      '社会保障',
      '社会救助',
      '生育收养',
      '市场准入',
      '税务',
      '医疗保障',
      '住房',
    ]);
    expect(await group('topic-住房')).toEqual([
      '住房',
      ['单位住房公积金缴存登记', '租房提取住房公积金', '二手房买卖过户'],
    ]);
    expect(await group('journeys-title')).toEqual(['一件事', ['企业开办一件事', '新生儿出生一件事']]);
    // A life event lists its journey first, then its guides.
    expect(await group('event-出生')).toEqual([
      '出生',
      [
        '新生儿出生一件事',
        '出生医学证明首次签发',
        '新生儿出生登记（报户口）',
        '城乡居民医保参保登记（新生儿）',
        '社会保障卡申领（新生儿）',
      ],
    ]);
    expect(await group('event-上学')).toEqual(['上学', ['小学一年级新生入学报名']]);
    expect(await group('event-退休养老')).toEqual(['退休养老', ['城乡居民基本养老保险参保登记']]);
    // Each link of the jump menus leads to a heading of its section.
    for (const href of await page
      .locator('.jump a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href'))))
      expect(await page.locator(`[id="${href!.slice(1)}"]`).count()).toBe(1);

    await page.fill('#q', '房');
    await page.press('#q', 'Enter');
    const titles = () => page.locator('#results a').allTextContents();
    await expect.poll(titles).toContain('二手房买卖过户');
    await page.selectOption('#city', '青禾市');
    await expect.poll(() => page.locator('#department').isEnabled()).toBe(true);
    await page.selectOption('#department', '青禾市住房公积金管理中心提取业务科');
    await expect.poll(titles).toEqual(['租房提取住房公积金']);
    expect(await page.locator('#search-status').textContent()).toBe('找到 1 项');
    await page.context().close();
  });

  it('the index, as it first opens: the logo shows in the header', async () => {
    const page = await open('web/index.html', 1280);
    expect(await page.locator('header.site img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);
    await page.screenshot({ path: join(screenshots, 'web-index.png') });
    await page.context().close();
  });

  it('a mobile page fits 360 px, keeps the start button on screen, and has tap-to-call links', async () => {
    const page = await open('mobile/id-card-renewal.html', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const start = await page.locator('a.start').boundingBox();
    expect(start!.y + start!.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(screenshots, 'mobile-360.png') });
    await page.mouse.wheel(0, 2000);
    expect((await page.locator('a.start').boundingBox())!.y).toBe(start!.y);
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the large-text mode is switched on by ?large=1 or the class, for older readers', async () => {
    const normal = await open('mobile/id-card-renewal.html', 360);
    const large = await open('mobile/id-card-renewal.html?large=1', 360);
    const size = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(await size(normal)).toBe('16px');
    expect(await size(large)).toBe('24px');
    await large.screenshot({ path: join(screenshots, 'mobile-360-large.png') });
    await normal.evaluate(() => document.documentElement.classList.add('large-text'));
    expect(await size(normal)).toBe('24px');
    await Promise.all([normal.context().close(), large.context().close()]);
  });

  it('a guide page reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site()}/web/guides/id-card-renewal.html`);
    expect(await page.locator('h1').textContent()).toBe('换领居民身份证');
    expect(await page.locator('ol.steps > li').count()).toBe(4);
    await page.screenshot({ path: join(screenshots, 'web-1280.png') });
    await context.close();
  });

  it('the handout in print layout', async () => {
    const page = await open('print/id-card-renewal.html', 794);
    await page.emulateMedia({ media: 'print' });
    // A box for each material the citizen brings: not for 居民户口簿, which the window looks up itself.
    expect(await page.locator('.materials .box').count()).toBe(2);
    await page.screenshot({ path: join(screenshots, 'print.png'), fullPage: true });
    // The printed handout's first page as the PDF has it (margins, running header, page number),
    // drawn by poppler at 80 dpi, for the README.
    const pdf = join(builtSite!, 'print/id-card-renewal.pdf');
    const firstPageAt80Dpi = ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile'];
    execFileSync('pdftoppm', [...firstPageAt80Dpi, pdf, join(screenshots, 'print-page')]);
    await page.context().close();
  });
});
