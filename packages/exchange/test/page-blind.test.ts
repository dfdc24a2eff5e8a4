/**
 * `import text` / `import html` on the two blind sets (tests/fixtures/pages-blind and
 * pages-blind2): pages written without seeing the reader, which measure it (BENCHMARKS.md,
 * "Issue 20: import text recovery") and must never be used to tune it. What they may assert
 * without tuning: each imports as a draft, and which cells go missing (NOT_KEPT).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftFromHtml, draftFromText, pageTextFromHtml } from '@baihua/exchange';
import { describe, expect, it } from 'vitest';
import { cellsNotKept } from './page-loss.js';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

/**
 * The cells `cellsNotKept` names on the blind pages today: each read into a value of another
 * shape. A cell the reader drops would be marked LOST here, to fix with a general rule without
 * tuning on these pages; none is left.
 */
const NOT_KEPT: Record<string, string[]> = {
  // read: step names
  'pages-blind/zhaijidi-jianfang.txt': ['第一步 农户申请', '第二步 村级审查', '第三步 联审'],
  // read: step numbers
  'pages-blind2/qinghe-lvshi-zhiye.txt': ['第一步', '第二步', '第三步', '第四步'],
  // read: material forms
  'pages-blind2/qinghe-yancao-lingshou.txt': ['原件/复印件', '复印件', '复印件', '复印件'],
};

describe.each(['pages-blind', 'pages-blind2'])('%s', (set) => {
  const dir = join(FIXTURES, set);
  const pages = readdirSync(dir).filter((name) => /\.(txt|html)$/.test(name));

  it('has ten pages, each with its expected fields', () => {
    expect(pages).toHaveLength(10);
    for (const name of pages) expect(readdirSync(dir)).toContain(name.replace(/\.(txt|html)$/, '.expected.yaml'));
  });

  it.each(pages)('%s: imports as a draft and loses only the known cells', (name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    const { text, title } = name.endsWith('.html') ? pageTextFromHtml(raw) : { text: raw, title: undefined };
    const draft = draftFromText(text, title ? { title } : {});
    if (name.endsWith('.html')) expect(draftFromHtml(raw)).toEqual(draft);
    expect(draft.data.status).toBe('草稿');
    expect(cellsNotKept(text, draft)).toEqual(NOT_KEPT[`${set}/${name}`] ?? []);
  });
});
