/**
 * The VS Code extension's preview panel in a real browser (headless Debian Chromium, the engine of
 * VS Code's webviews), since VS Code itself cannot run here: the panel's page built by
 * packages/vscode/src/preview-html.ts around the pages @baihua/lsp renders for a real guide, with
 * `acquireVsCodeApi` stood in for. Nothing of the guide runs, nothing is fetched, the tabs switch,
 * an update from the extension replaces the pages and keeps the reader's place. Screenshots of each
 * channel are saved in test-results/screenshots/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configForPath } from '@baihua/lint';
import { CHROMIUM_FLAGS, findChromium } from '@baihua/render';
import { parseGuide, SourceFile } from '@baihua/core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewGuide } from '../packages/lsp/src/preview.js';
import { type GuidePreview, previewDocument } from '../packages/vscode/src/preview-html.js';
import { guidesDir, repoRoot } from './helpers.js';

const PANEL = 'https://panel.test/';
const screenshots = join(repoRoot, 'test-results/screenshots');
const guidePath = join(guidesDir, '户籍/id-card-renewal.md');
const guideText = readFileSync(guidePath, 'utf8');
const preview = (text: string) => previewGuide(parseGuide(new SourceFile(guidePath, text)), configForPath(guidePath));

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The panel as VS Code would show it; the requests its page made, and those the CSP blocked (Chromium still reports them). */
async function openPanel(content: Parameters<typeof previewDocument>[0]) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const requests: string[] = [];
  const blocked: Array<[string, string | undefined]> = [];
  page.on('requestfinished', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => blocked.push([request.url(), request.failure()?.errorText]));
  await page.addInitScript(() => {
    const panel = window as unknown as { vscodeState: unknown; acquireVsCodeApi: () => unknown };
    panel.acquireVsCodeApi = () => ({
      getState: () => panel.vscodeState,
      setState: (state: unknown) => {
        panel.vscodeState = state;
      },
      postMessage: () => undefined,
    });
  });
  const html = previewDocument(content, 'dGVzdC1ub25jZQ==');
  await page.route(PANEL, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(PANEL, { waitUntil: 'load' });
  return { page, requests, blocked };
}

const frameText = (page: Page, channel: string, selector: string) =>
  page.frameLocator(`iframe.${channel}`).locator(selector).first().textContent();

describe('the preview panel', () => {
  it("shows the guide's three pages, runs nothing of them and fetches nothing", async () => {
    const pages = preview(guideText).pages;
    const hostile: GuidePreview = {
      title: '换领居民身份证',
      pages: {
        ...pages,
        web: pages.web.replace(
          '</main>',
          '<script>parent.document.body.dataset.ran = "yes"</script>' +
            '<img src="https://tracker.example.com/x.png" onerror="parent.document.body.dataset.ran = \'yes\'"></main>',
        ),
      },
    };
    const { page, requests, blocked } = await openPanel({ preview: hostile });
    expect(await frameText(page, 'web', 'h1')).toBe('换领居民身份证');
    expect(await frameText(page, 'mobile', 'h1')).toBe('换领居民身份证');
    expect(await frameText(page, 'print', 'h1')).toBe('换领居民身份证');
    expect(await page.evaluate(() => document.body.dataset.ran)).toBeUndefined();
    expect(requests).toEqual([PANEL]);
    expect(blocked).toEqual([['https://tracker.example.com/x.png', 'csp']]);
    // The stylesheets are inlined: each page has its layout without fetching a file.
    const display = (channel: string, selector: string) =>
      page
        .frameLocator(`iframe.${channel}`)
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).display);
    expect(await display('web', '.key-facts')).toBe('grid');
    await page.screenshot({ path: join(screenshots, 'vscode-preview-web.png') });
    await page.close();
  });

  it('switches channels with its tabs, and remembers the choice in the webview state', async () => {
    const { page } = await openPanel({ preview: preview(guideText) });
    const visible = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('[role=tabpanel]'))
          .filter((panel) => !(panel as HTMLElement).hidden)
          .map((panel) => panel.id),
      );
    expect(await visible()).toEqual(['panel-web']);
    await page.getByRole('tab', { name: '手机' }).click();
    expect(await visible()).toEqual(['panel-mobile']);
    expect(await page.evaluate(() => (window as unknown as { vscodeState: unknown }).vscodeState)).toEqual({
      channel: 'mobile',
    });
    expect(await page.locator('iframe.mobile').evaluate((frame) => (frame as HTMLIFrameElement).clientWidth)).toBe(360);
    await page.screenshot({ path: join(screenshots, 'vscode-preview-mobile.png') });
    await page.getByRole('tab', { name: '打印' }).click();
    expect(await visible()).toEqual(['panel-print']);
    await page.screenshot({ path: join(screenshots, 'vscode-preview-print.png') });
    await page.close();
  });

  it("replaces the pages when the extension posts new ones, keeping the reader's place", async () => {
    const { page } = await openPanel({ preview: preview(guideText) });
    const web = page.frameLocator('iframe.web');
    await web.locator('#faq').evaluate((faq) => faq.scrollIntoView());
    const place = await web.locator('html').evaluate(() => window.scrollY);
    expect(place).toBeGreaterThan(0);
    const edited = preview(guideText.replace('title: 换领居民身份证', 'title: 换领居民身份证（新）'));
    await page.evaluate((content) => window.postMessage(content, '*'), { preview: edited });
    await expect.poll(() => frameText(page, 'web', 'h1')).toBe('换领居民身份证（新）');
    await expect.poll(() => web.locator('html').evaluate(() => window.scrollY)).toBe(place);
    expect(await frameText(page, 'print', 'h1')).toBe('换领居民身份证（新）');
    expect(await page.title()).toBe('预览：换领居民身份证（新）');
    await page.close();
  });

  it('shows a message instead of the pages, and the pages again when they come back', async () => {
    const { page } = await openPanel({ preview: preview(guideText) });
    const message = '白话语言服务没能生成预览：连接已断开。';
    await page.evaluate((content) => window.postMessage(content, '*'), { message });
    await expect.poll(() => page.locator('.message').textContent()).toBe(message);
    expect(await page.locator('.message').isVisible()).toBe(true);
    expect(await page.locator('iframe.web').isVisible()).toBe(false);
    const broken = preview(guideText.replace('title: 换领居民身份证', 'title: [换领居民身份证'));
    await page.evaluate((content) => window.postMessage(content, '*'), { preview: broken });
    await expect.poll(() => frameText(page, 'web', 'h1')).toBe('「id-card-renewal.md」暂时无法预览');
    expect(await page.locator('.message').isVisible()).toBe(false);
    await page.close();
  });
});
