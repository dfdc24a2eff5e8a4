import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FileAccessError } from '@baihua/core';
import type { Browser, Page } from 'playwright-core';
import { escapeHtml } from './html.js';

/** Where Chromium is: BAIHUA_CHROMIUM when set (and nowhere else then), else the system's (Debian's chromium package). */
export function findChromium(): string | undefined {
  const chosen = process.env.BAIHUA_CHROMIUM;
  const candidates = chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => existsSync(path));
}

const CHROMIUM_HINT =
  '请运行 apt-get install -y chromium fonts-noto-cjk，或者设置环境变量 BAIHUA_CHROMIUM 为浏览器的路径';

export const CHROMIUM_MISSING = `生成打印版 PDF 需要 Chromium：${CHROMIUM_HINT}`;

/** Flags for a headless Chromium on a machine without a network or a display. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MARGIN_TEXT = "font:8pt 'Noto Sans CJK SC',sans-serif;width:100%;color:#333";

/** `D:YYYYMMDDHHmmSS` of a date (YYYY-MM-DD), midnight UTC. */
const pdfDate = (date: string) => `D:${date.replaceAll('-', '')}000000`;

/**
 * One browser for a whole build, one page reused for every handout (a cold browser per PDF costs
 * about 2 s, a reused page about 0.6 s). PDFs are made byte-identical across builds by pinning the
 * creation and modification dates Chromium writes (to the guide's `reviewed` date); the strings
 * keep their length, so the cross-reference offsets stay valid. The PDF is tagged (Chromium's
 * structure tree from the page's HTML), so a screen reader reads it in order, headings as headings.
 */
export class PdfPrinter {
  readonly #browser: Browser;
  readonly #page: Page;

  private constructor(browser: Browser, page: Page) {
    this.#browser = browser;
    this.#page = page;
  }

  static async launch(executablePath: string): Promise<PdfPrinter> {
    // Loaded here, not at start-up: only a build with print PDFs needs it.
    const { chromium } = await import('playwright-core');
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
    } catch (cause) {
      // Playwright's message is its whole launch log: one line here, the log with --debug.
      const error = new FileAccessError(executablePath, `Chromium 启动失败，没有生成 PDF：${CHROMIUM_HINT}`);
      error.cause = cause;
      throw error;
    }
    return new PdfPrinter(browser, await browser.newPage());
  }

  /** The PDF of a print page written on disk (its stylesheet beside it), dated `date`. */
  async print(htmlPath: string, title: string, date: string): Promise<Buffer> {
    await this.#page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    const pdf = await this.#page.pdf({
      format: 'A4',
      // A tagged PDF (headings, lists, reading order) for screen readers, and its headings as bookmarks.
      tagged: true,
      outline: true,
      printBackground: true,
      displayHeaderFooter: true,
      margin: { top: '18mm', bottom: '16mm', left: '16mm', right: '16mm' },
      // The page's font, so that the header and footer add no font family of their own to the PDF.
      headerTemplate: `<div style="${MARGIN_TEXT};padding:0 16mm">${escapeHtml(title)}｜一次性告知单</div>`,
      footerTemplate: `<div style="${MARGIN_TEXT};text-align:center">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`,
    });
    const pinned = pdfDate(date);
    return Buffer.from(
      pdf
        .toString('latin1')
        .replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_match, key: string) => `/${key} (${pinned}`),
      'latin1',
    );
  }

  async close(): Promise<void> {
    await this.#browser.close();
  }
}
