#!/usr/bin/env node
// pnpm bench:import-text: how much of a guide page `baihua import text` / `import html` recovers.
// For each page copy, the fields its .expected.yaml lists (the labelled fields the page holds,
// each with the value it should become) against the draft's values: a field is recovered when its
// value is exactly the expected one. Four sets, reported apart: 「开发用的页面」 (tests/fixtures/pages,
// written together with the reader), 「留出的页面」 (tests/fixtures/pages-heldout, written without
// looking at the reader, its labels file or the development pages) and 「第二组留出的页面」
// (tests/fixtures/pages-blind, written later the same way, while the reader was being improved on
// the other two, so it measures the improved reader on pages it was never tuned on), and
// 「第三组留出的页面」 (tests/fixtures/pages-blind2, written the same way after that, without seeing
// the reader or any other page set, to measure the reader improved on the first three). Prints
// Markdown tables for BENCHMARKS.md. Correctness, not speed: nothing here is timed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftFromHtml, draftFromText, pageRecovery } from '@baihua/exchange';
import { parse } from 'yaml';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures');

/** The four sets of page copies, in report order. */
export const PAGE_SETS = [
  { key: 'development', title: '开发用的页面', dir: 'pages' },
  { key: 'heldout', title: '留出的页面', dir: 'pages-heldout' },
  { key: 'blind', title: '第二组留出的页面', dir: 'pages-blind' },
  { key: 'blind2', title: '第三组留出的页面', dir: 'pages-blind2' },
];

/** One row per page of one set and that set's totals. */
export function measurePageSet(dir) {
  const pages = join(fixtures, dir);
  const rows = readdirSync(pages)
    .filter((name) => /\.(txt|html)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(pages, name), 'utf8');
      const draft = name.endsWith('.html') ? draftFromHtml(text) : draftFromText(text);
      const { fields } = parse(readFileSync(join(pages, name.replace(/\.(txt|html)$/, '.expected.yaml')), 'utf8'));
      return { name, ...pageRecovery(draft.data, fields), unclassified: draft.unclassified.length };
    });
  const present = rows.reduce((sum, row) => sum + row.present.length, 0);
  const recovered = rows.reduce((sum, row) => sum + row.recovered.length, 0);
  return { rows, present, recovered };
}

/** Every set, measured apart. */
export function measureImportText() {
  return PAGE_SETS.map((set) => ({ ...set, ...measurePageSet(set.dir) }));
}

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;

function setTable({ rows, present, recovered }) {
  return [
    '| Page | Recovered / present | Share | Missed | Lines left in 未归类内容 |',
    '| --- | ---: | ---: | --- | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.recovered.length} / ${row.present.length} | ${percent(row.recovered.length, row.present.length)} | ${row.missed.join(', ') || '–'} | ${row.unclassified} |`,
    ),
    `| **All ${rows.length} pages** | **${recovered} / ${present}** | **${percent(recovered, present)}** | | |`,
  ].join('\n');
}

/** How often each field is missed across a set, most missed first. */
function missedFields(rows) {
  const counts = new Map();
  for (const row of rows) for (const path of row.missed) counts.set(path, (counts.get(path) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function importTextReport(sets) {
  const summary = [
    '| Set | Pages | Recovered / present | Share |',
    '| --- | ---: | ---: | ---: |',
    ...sets.map(
      (set) =>
        `| ${set.title}（\`tests/fixtures/${set.dir}\`） | ${set.rows.length} | ${set.recovered} / ${set.present} | ${percent(set.recovered, set.present)} |`,
    ),
  ].join('\n');
  const tables = sets
    .map((set) => {
      const missed = missedFields(set.rows);
      const often = missed.length
        ? `\nFields missed, on how many pages: ${missed.map(([path, n]) => `${path} ${n}`).join(' · ')}.\n`
        : '';
      return `### ${set.title}（\`tests/fixtures/${set.dir}\`）\n\n${setTable(set)}\n${often}`;
    })
    .join('\n');
  return `
## Issue 20: import text recovery (${new Date().toISOString().slice(0, 10)})

\`pnpm bench:import-text\` (= \`pnpm -s build && node scripts/bench/import-text.mjs\`): the page copies
read by \`import text\` (.txt) or \`import html\` (.html); a field counts as recovered when the
draft's value equals the value the page's \`.expected.yaml\` gives for it exactly. Four sets,
measured apart: 「开发用的页面」 were written together with the reader; 「留出的页面」 were written
without seeing the reader, its labels file or the development pages; 「第二组留出的页面」 were
written the same way later, while the reader was being improved on the other two sets, and were
never used to tune it; 「第三组留出的页面」 were written the same way after those, without seeing the
reader or any other set, and measure the reader improved on the first three.

${summary}

${tables}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(importTextReport(measureImportText()));
