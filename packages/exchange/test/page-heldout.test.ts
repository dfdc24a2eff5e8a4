/**
 * `import text` / `import html` on the held-out page copies (tests/fixtures/pages-heldout): pages
 * written without looking at the reader, its labels file or the development pages, to measure it
 * on layouts it has not seen. Each imports as a draft; no line of a page goes missing (each is
 * page chrome, kept under 「未归类内容」, or read into a value), except the lines named here; and
 * the fields the reader misses today are listed page by page, so a change in recovery shows.
 * These pages were written blind, but the reader has since been improved on what they showed:
 * they are development data now, and a new blind set measures the reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftFromHtml, draftFromText, pageRecovery, pageTextFromHtml } from '@baihua/exchange';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cellsNotKept } from './page-loss.js';

const PAGES = fileURLToPath(new URL('../../../tests/fixtures/pages-heldout/', import.meta.url));
const pages = readdirSync(PAGES).filter((name) => /\.(txt|html)$/.test(name));
/** The page's text as the reader sees it (a saved page as the text `import html` reads) and its draft. */
const importPage = (name: string) => {
  const raw = readFileSync(join(PAGES, name), 'utf8');
  const { text, title } = name.endsWith('.html') ? pageTextFromHtml(raw) : { text: raw, title: undefined };
  return { text, draft: draftFromText(text, title ? { title } : {}) };
};
const expectedOf = (name: string) =>
  (
    parse(readFileSync(join(PAGES, name.replace(/\.(txt|html)$/, '.expected.yaml')), 'utf8')) as {
      fields: Record<string, unknown>;
    }
  ).fields;

/** What the reader misses on each held-out page today (the expected value, exactly). */
const MISSED: Record<string, string[]> = {
  // the 《》 of a form's name are taken off, as the guides write names (the expected value keeps them)
  'canjiren-zheng.txt': ['materials'],
  'chusheng-zhengming-bufa.txt': [],
  'ershouche-zhuanyi.txt': [],
  'gaoling-jintie.txt': [],
  'gongzu-zhufang.txt': [],
  'guihua-xuke.html': [],
  // ASCII ? made full-width in the questions (the expected value keeps the page's ?)
  'juzhuzheng-qianzhu.txt': ['faq'],
  'linshi-jiuzhu.html': [],
  'shetuan-chengli.txt': [],
  'shipin-jingying-xuke.html': [],
  'shiye-baoxianjin.html': [],
  'yanglao-canbao.txt': [],
};

/** The cells `cellsNotKept` names on each page: read into a value of another shape, none lost. */
const NOT_KEPT: Record<string, string[]> = {
  // read: a special procedure, 不计入办理时限 is counts_toward_limit: false
  'canjiren-zheng.txt': ['【特别程序】残疾评定，时限15个工作日，不计入办理时限'],
  'shetuan-chengli.txt': ['十五、公示期：5个工作日，不计入办理时限。'],
  // read: 不收取任何费用 is { free: true }
  'linshi-jiuzhu.html': ['不收取任何费用。'],
  // read: 本事项不收费 is { free: true }
  'shipin-jingying-xuke.html': ['本事项不收费。'],
};

describe('held-out page copies', () => {
  it('are at least ten, each with its expected fields, at least three of them saved pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((name) => name.endsWith('.html')).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(MISSED).sort()).toEqual([...pages].sort());
    for (const name of pages) expect(Object.keys(expectedOf(name)).length).toBeGreaterThan(0);
  });

  it.each(pages)('%s: imports as a draft and misses only the known fields', (name) => {
    const { draft } = importPage(name);
    if (name.endsWith('.html')) expect(draftFromHtml(readFileSync(join(PAGES, name), 'utf8'))).toEqual(draft);
    expect(draft.data.status).toBe('草稿');
    expect(pageRecovery(draft.data, expectedOf(name)).missed).toEqual(MISSED[name]);
  });

  it.each(pages)('%s: loses no line (each is chrome, kept in the body or read)', (name) => {
    const { text, draft } = importPage(name);
    if (draft.unclassified.length > 0) expect(draft.body.startsWith('## 未归类内容\n\n')).toBe(true);
    const notKept = cellsNotKept(text, draft);
    expect(notKept).toEqual(NOT_KEPT[name] ?? []);
  });
});
