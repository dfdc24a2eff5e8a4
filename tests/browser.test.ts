/**
 * The built site in a real browser: headless Debian Chromium driven by playwright-core (no browser
 * download), pages served over HTTP as a portal would. axe-core finds no serious or critical
 * accessibility problem on the index, a guide page, a mobile page and its large-text mode; search
 * works without jieba; the mobile page fits 360 px. Screenshots of each target are saved in
 * test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { findChromium, CHROMIUM_FLAGS } from '@baihua/render';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidesWithRegion, repoRoot, runCli, scratch, serveDirectory } from './helpers.js';

const screenshots = join(repoRoot, 'test-results/screenshots');

let browser: Browser;
let server: Server | undefined;
let served: string | undefined;
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
  ({ server, url: served } = await serveDirectory(join(dir, 'dist')));
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, width: number): Promise<Page> {
  // A context per page: axe-core opens its own pages in the page's context.
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site()}/${path}`, { waitUntil: 'load' });
  return page;
}

async function seriousProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page } as ConstructorParameters<typeof AxeBuilder>[0]).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

describe('accessibility (axe-core)', () => {
  it.each([
    ['the index', 'web/index.html', 1280],
    ['a guide page', 'web/guides/id-card-renewal.html', 1280],
    ['a mobile page', 'mobile/id-card-renewal.html', 360],
    ['the large-text mode', 'mobile/id-card-renewal.html?large=1', 360],
  ])('%s has no serious or critical violation', async (_name, path, width) => {
    const page = await open(path as string, width as number);
    expect(await seriousProblems(page)).toEqual([]);
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
    expect(await page.locator('#city option').allTextContents()).toEqual(['全部地区', '青禾市（12）']);
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

  it('a mobile page fits 360 px, keeps the start button on screen, and has tap-to-call links', async () => {
    const page = await open('mobile/id-card-renewal.html', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const start = await page.locator('a.start').boundingBox();
    expect(start!.y + start!.height).toBeLessThanOrEqual(900);
    await page.mouse.wheel(0, 2000);
    expect((await page.locator('a.start').boundingBox())!.y).toBe(start!.y);
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'mobile-360.png') });
    await page.context().close();
  });

  it('the large-text mode is switched on by ?large=1 or the class, for older readers', async () => {
    const normal = await open('mobile/id-card-renewal.html', 360);
    const large = await open('mobile/id-card-renewal.html?large=1', 360);
    const size = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(await size(normal)).toBe('16px');
    expect(await size(large)).toBe('21px');
    await large.screenshot({ path: join(screenshots, 'mobile-360-large.png') });
    await normal.evaluate(() => document.documentElement.classList.add('large-text'));
    expect(await size(normal)).toBe('21px');
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
    await page.context().close();
  });
});
