/**
 * The catalog report in headless Debian Chromium (playwright-core, no browser download), opened
 * from disk as a person opens the file they were sent: it asks for nothing outside itself (every
 * request other than file: and data: fails the test), logs no error, has no axe-core violation of
 * any impact, its tables sort and filter, it reads whole without its script, and it prints on A4.
 * The screenshot is saved in test-results/screenshots/report.png (`pnpm screenshots` copies it
 * into docs/screenshots/ for the README).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM_FLAGS, findChromium, type CatalogReport } from '@baihua/render';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, scratch } from './helpers.js';
import { catalogWithProblems, editGuide } from './report-helpers.js';

const screenshots = join(repoRoot, 'test-results/screenshots');

let browser: Browser;
let reportUrl: string;
let report: CatalogReport;
/** Requests the page made that are not file: or data: (each was refused). */
const outside: string[] = [];
const consoleErrors: string[] = [];

function git(dir: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
}

beforeAll(async () => {
  // A catalog with problems and two commits, so that the page has every part: the trend included.
  const dir = scratch();
  git(dir, 'init', '-q');
  const guides = catalogWithProblems(dir);
  editGuide(guides, '出入境/passport-application.md', 'promised: { days: 20,', 'promised: { days: 7,');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', '加入指南');
  editGuide(guides, '出入境/passport-application.md', 'promised: { days: 7,', 'promised: { days: 20,');
  git(dir, 'commit', '-qam', '护照的承诺时限改长了');
  const run = runCli(['report', 'guides', '--history', '2', '--out', 'report'], { cwd: dir });
  if (run.code !== 0) throw new Error(`baihua report exited with ${run.code}:\n${run.stderr}${run.stdout}`);
  report = JSON.parse(readFileSync(join(dir, 'report/report.json'), 'utf8')) as CatalogReport;
  reportUrl = pathToFileURL(join(dir, 'report/index.html')).href;
  browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** The report in a fresh context that refuses, and records, every request leaving the file. */
async function open(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(reportUrl, { waitUntil: 'load' });
  return page;
}

/** The texts of a column of a table's shown rows. */
const column = (page: Page, table: string, index: number) =>
  page.$$eval(
    `#${table}-table tbody tr:not([hidden])`,
    (rows, cell) => rows.map((row) => (row as HTMLTableRowElement).cells[cell as number]!.textContent!.trim()),
    index,
  );

describe('the catalog report in the browser', () => {
  it('has no axe-core violation, no console error and asks for nothing outside the file', async () => {
    const page = await open();
    const { violations } = await new AxeBuilder({ page } as ConstructorParameters<typeof AxeBuilder>[0]).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'report.png') });
    await page.context().close();
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('shows the numbers of report.json, the charts with their tables', async () => {
    const page = await open();
    expect(await page.title()).toBe('青禾市政务服务网：指南质量报告');
    expect(await page.locator('dl.headline dd').allTextContents()).toEqual([
      String(report.headline.guides),
      String(report.headline.errors),
      String(report.headline.warnings),
      String(report.headline.guidesWithErrors),
      String(report.headline.meanScore),
    ]);
    // Each chart is an image with a name, and its numbers are in a table beside it.
    expect(await page.locator('svg[role="img"]').count()).toBe(6);
    expect(await page.locator('svg[role="img"] > title').allTextContents()).toEqual([
      '各次提交的错误和警告数',
      '各次提交的平均易读分',
      '易读等级分布',
      '到现场次数分布',
      '网办程度分布',
      '最后核验距今',
    ]);
    expect(await column(page, 'history', 4)).toEqual(report.history!.map((point) => String(point.errors)));
    expect(await column(page, 'grades', 1)).toEqual(report.grades.map((grade) => String(grade.guides)));
    await page.context().close();
  });

  it('sorts a table by a column heading, up then down', async () => {
    const page = await open();
    const rules = page.locator('#rules-table');
    await rules.getByRole('button', { name: '规则' }).click();
    const ids = report.rules.map((rule) => rule.ruleId);
    expect(await column(page, 'rules', 0)).toEqual([...ids].sort());
    expect(await rules.locator('th').first().getAttribute('aria-sort')).toBe('ascending');
    await rules.getByRole('button', { name: '规则' }).click();
    expect(await column(page, 'rules', 0)).toEqual([...ids].sort().reverse());
    expect(await rules.locator('th').first().getAttribute('aria-sort')).toBe('descending');
    // Numbers sort as numbers.
    await rules.getByRole('button', { name: '警告' }).click();
    expect(await column(page, 'rules', 3)).toEqual(['0', '0', '0', '0', '1']);
    await page.context().close();
  });

  it('filters the work list by the text typed', async () => {
    const page = await open();
    expect(await column(page, 'worklist', 2)).toHaveLength(report.worklist.length);
    await page.getByLabel('筛选').last().fill('医疗保障');
    expect(await column(page, 'worklist', 2)).toEqual(['青禾市医疗保障事业管理中心异地就医科']);
    expect(await page.locator('[data-table="worklist"] .shown').textContent()).toBe('显示 1 行');
    await page.getByLabel('筛选').last().fill('');
    expect(await column(page, 'worklist', 2)).toHaveLength(report.worklist.length);
    await page.context().close();
  });

  it('reads whole without its script: every row shown, no filter box that would not work', async () => {
    const page = await open({ javaScriptEnabled: false });
    expect(await column(page, 'worklist', 1)).toHaveLength(report.worklist.length);
    expect(await page.locator('.filter').first().isVisible()).toBe(false);
    await page.context().close();
  });

  it('prints on A4 without the filter boxes', async () => {
    const page = await open();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filter').first().isVisible()).toBe(false);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 is 210 × 297 mm: 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    await page.context().close();
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
