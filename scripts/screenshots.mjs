#!/usr/bin/env node
// Refreshes the screenshots the README shows (docs/screenshots/) from the ones the browser test
// has just written (test-results/screenshots/, not committed), so the README shows the site as
// it is built now. `pnpm screenshots` builds, runs the test's screenshot steps, then this.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'test-results/screenshots');
const to = join(root, 'docs/screenshots');

/** The README's pictures: the index, a guide on the web, on mobile, on mobile in large text, a handout page, the catalog report. */
const SHOWN = [
  'web-index.png',
  'web-1280.png',
  'mobile-360.png',
  'mobile-360-large.png',
  'print-page.png',
  'report.png',
];

const missing = SHOWN.filter((name) => !existsSync(join(from, name)));
if (missing.length) {
  console.error(`screenshots: 浏览器测试没有生成 ${missing.join('、')}：请先运行 vitest run tests/browser.test.ts`);
  process.exit(2);
}
mkdirSync(to, { recursive: true });
for (const name of SHOWN) copyFileSync(join(from, name), join(to, name));
console.log(`✔ 更新了 ${SHOWN.length} 张截图 → docs/screenshots/`);
