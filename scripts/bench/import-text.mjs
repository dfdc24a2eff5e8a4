#!/usr/bin/env node
// pnpm bench:import-text: how much of a guide page `baihua import text` / `import html` recovers.
// For each page copy in tests/fixtures/pages, the fields its .expected.yaml lists (the labelled
// fields the page holds, each with the value it should become) against the draft's values: a
// field is recovered when its value is exactly the expected one. Prints a Markdown table for
// BENCHMARKS.md. Correctness, not speed: nothing here is timed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftFromHtml, draftFromText, pageRecovery } from '@baihua/exchange';
import { parse } from 'yaml';

const pages = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/pages');

/** One row per page and the overall totals. */
export function measureImportText() {
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

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;

export function importTextReport({ rows, present, recovered }) {
  const lines = [
    '| Page | Recovered / present | Share | Missed | Lines left in 未归类内容 |',
    '| --- | ---: | ---: | --- | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.recovered.length} / ${row.present.length} | ${percent(row.recovered.length, row.present.length)} | ${row.missed.join(', ') || '–'} | ${row.unclassified} |`,
    ),
    `| **All ${rows.length} pages** | **${recovered} / ${present}** | **${percent(recovered, present)}** | | |`,
  ];
  return `
## Issue 20: import text recovery (${new Date().toISOString().slice(0, 10)})

\`pnpm bench:import-text\` (scripts/bench/import-text.mjs): the page copies in \`tests/fixtures/pages\`
read by \`import text\` (.txt) or \`import html\` (.html); a field counts as recovered when the
draft's value equals the value the page's \`.expected.yaml\` gives for it exactly.

${lines.join('\n')}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(importTextReport(measureImportText()));
