/**
 * 一件事 pages in a real browser (headless Debian Chromium through playwright-core, served over
 * HTTP), held to the checks guide pages get in browser.test.ts: no axe-core violation of any
 * impact in either text size, headings in order, no scrolling sideways at 320 px and 360 px, the
 * large-text (适老化) numbers, and the handout printed to A4 with its boxes to tick.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { isJourneyPath, parseGuide, readGuideFile } from '@baihua/core';
import {
  CHROMIUM_FLAGS,
  findChromium,
  journeyFacts,
  journeyServices,
  journeyView,
  PdfPrinter,
  renderSite,
  type ViewFact,
} from '@baihua/render';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccessibility, headings, type TextSize } from './browser-helpers.js';
import { JOURNEY_CATALOG, scratch, serveDirectory } from './helpers.js';

let browser: Browser;
let server: Server;
let served: string;
let dist: string;
let facts: ViewFact[];

beforeAll(async () => {
  const files = [
    ...readdirSync(JOURNEY_CATALOG).flatMap((name) => (name.endsWith('.md') ? [join(JOURNEY_CATALOG, name)] : [])),
    join(JOURNEY_CATALOG, 'journeys/newborn-test.md'),
  ].map((path) => parseGuide(readGuideFile(path).file));
  const journey = files.find((file) => isJourneyPath(file.file.path))!;
  facts = journeyFacts(journeyView(journey, journeyServices(files.filter((file) => file !== journey))).view);
  const site = renderSite(files, {
    targets: ['web', 'mobile', 'print'],
    siteUrl: 'https://guides.qinghe.example.gov.cn',
  });
  dist = join(scratch(), 'dist');
  for (const [path, content] of site.files) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  ({ server, url: served } = await serveDirectory(dist));
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, width: number, size: TextSize = 'standard'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${served}/${path}`, { waitUntil: 'load' });
  if (size === 'large') await page.evaluate(() => document.documentElement.classList.add('large-text'));
  return page;
}

/** The journey on each channel, and a guide of it, which links back to it. */
const PAGES = [
  { name: 'the journey on the web', path: 'web/journeys/newborn-test.html', width: 1280 },
  { name: 'the journey on mobile', path: 'mobile/journeys/newborn-test.html', width: 360 },
  { name: 'the journey as a handout', path: 'print/journeys/newborn-test.html', width: 794 },
  { name: 'a guide of the journey on the web', path: 'web/guides/newborn-hukou.html', width: 1280 },
  { name: 'a guide of the journey on mobile', path: 'mobile/newborn-hukou.html', width: 360 },
  { name: 'the index with its 一件事', path: 'web/index.html', width: 1280 },
];
describeAccessibility('accessibility of journey pages', PAGES, open);

describe('journey pages', () => {
  it('the journey outline: the steps as one list of numbered headings under 一步一步办', async () => {
    const page = await open('web/journeys/newborn-test.html', 1280);
    expect(await headings(page)).toEqual([
      'h1 新生儿出生一件事',
      'h2 一步一步办',
      'h3 第1步领出生医学证明',
      'h3 第2步给宝宝报户口',
      'h3 第2步给宝宝办医保',
      'h3 第3步领社保卡',
      'h3 第4步领生育津贴',
      'h2 要带的材料（几步合成一张清单）',
      'h2 办之前',
    ]);
    await page.context().close();
  });
});

describe('every fact of the journey on every channel, as Chromium shows it', () => {
  it.each([
    ['web', 'web/journeys/newborn-test.html', 1280],
    ['mobile', 'mobile/journeys/newborn-test.html', 360],
    ['print', 'print/journeys/newborn-test.html', 794],
  ] as const)('%s', async (channel, path, width) => {
    const page = await open(path, width);
    if (channel === 'print') await page.emulateMedia({ media: 'print' });
    // Folded sections are read opened, as a citizen taps them.
    await page.evaluate(() => {
      for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is the point (what CSS hides is not shown)
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(facts.filter((fact) => !text.includes(fact.text.replace(/\s+/g, ' ')))).toEqual([]);
    await page.context().close();
  });
});

describe('the journey handout', () => {
  it('prints to A4 with the totals, the steps and a box only for what the citizen brings', async () => {
    const page = await open('print/journeys/newborn-test.html', 794);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    const boxes = await page.locator('.journey-checklist .box').count();
    expect(boxes).toBe(4);
    await page.context().close();
    const printer = await PdfPrinter.launch(findChromium()!);
    const pdf = join(dist, 'print/journeys/newborn-test.pdf');
    try {
      writeFileSync(
        pdf,
        await printer.print(join(dist, 'print/journeys/newborn-test.html'), '新生儿出生一件事', '2026-11-02'),
      );
    } finally {
      await printer.close();
    }
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const line of [
      '新生儿出生一件事｜一次性告知单',
      '最多跑4次',
      '最长约44天',
      '一共最多380元',
      '第3步领社保卡',
      '☐父母的居民身份证',
    ])
      expect(text).toContain(line);
  });
});
