#!/usr/bin/env node
// pnpm bench:import: `baihua import platform` of a 10,000-row 事项基本信息 sheet (issue 20: under a
// minute), and `baihua export platform` of the 10,000 guides it writes. The workbook is the
// fixture of scripts/platform-fixture.mjs (63 事项 of three districts, with its defects) repeated
// with codes of their own, every sub-sheet row with it. Each run is the built CLI in a process of
// its own (scripts/bench/measure-cli.mjs: its peak RSS from inside), timed from outside.
// Prints a Markdown section for BENCHMARKS.md.
//   node scripts/bench/import.mjs [--rows 10000] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeWorkbook } from '@baihua/exchange';
import { buildFixture } from '../platform-fixture.mjs';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const measure = join(root, 'scripts/bench/measure-cli.mjs');
const CODES = ['实施编码', '业务办理项编码'];

/** The fixture's tables repeated up to `rows` 事项: copy k's codes end in K0001 … (the join intact). */
function repeated(tables, rows) {
  const [main, ...subs] = tables.sheets;
  const perCopy = main.rows.length;
  const copies = Math.ceil(rows / perCopy);
  const recode = (cells, copy) => {
    const out = { ...cells };
    for (const header of CODES)
      if (out[header])
        out[header] = out[header].replace(/^[0-9A-Z]+/, (code) => `${code}K${String(copy).padStart(4, '0')}`);
    return out;
  };
  const kept = new Set(main.rows.slice(0, rows - (copies - 1) * perCopy).map((row) => row.cells.实施编码));
  const sheets = [main, ...subs].map((sheet) => {
    const out = [];
    for (let copy = 1; copy <= copies; copy++)
      for (const row of sheet.rows)
        if (copy < copies || kept.has(row.cells.实施编码))
          out.push({ row: out.length + 2, cells: recode(row.cells, copy) });
    return { ...sheet, rows: out };
  });
  return { sheets, skipped: [] };
}

/** Writes 实施清单.xlsx of `rows` 事项 and its mapping.yaml into `dir`; returns the tables. */
export async function writeFixture(dir, rows) {
  const { tables, mapping } = await buildFixture();
  const big = repeated(tables, rows);
  writeFileSync(join(dir, '实施清单.xlsx'), await writeWorkbook(big));
  // The fixture's local values; the ids are the codes themselves (lower case).
  writeFileSync(join(dir, 'mapping.yaml'), mapping.slice(0, mapping.indexOf('\nids:\n') + 1));
  return big;
}

/** The built CLI in a process of its own: exit code, wall ms (outside) and peak RSS (inside). */
function cli(args, cwd) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [measure, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const wall = performance.now() - started;
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`baihua ${args.join(' ')} failed:\n${run.stderr.slice(-2000)}`);
  const result = JSON.parse(last);
  if (result.exitCode !== 0)
    throw new Error(`baihua ${args.join(' ')}: exit ${result.exitCode}\n${run.stderr.slice(-2000)}`);
  return { wall, rssMiB: result.maxRssKiB / 1024 };
}

export async function measureImport({ rows = 10000, rounds = 3 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'baihua-import-'));
  const big = await writeFixture(work, rows);
  const sheetRows = big.sheets.map((sheet) => [sheet.name, sheet.rows.length]);

  const imports = [];
  const exports = [];
  for (let round = 0; round < rounds; round++) {
    rmSync(join(work, 'guides'), { recursive: true, force: true });
    imports.push(
      cli(
        [
          'import',
          'platform',
          '实施清单.xlsx',
          '--mapping',
          'mapping.yaml',
          '--out',
          'guides',
          '--report',
          'report.json',
          '--force',
        ],
        work,
      ),
    );
    if (round === 0) {
      // Export leaves drafts out: finish them as a department would, with what the platform lacks.
      mkdirSync(join(work, 'finished'));
      for (const file of readdirSync(join(work, 'guides')))
        writeFileSync(
          join(work, 'finished', file),
          readFileSync(join(work, 'guides', file), 'utf8')
            .replace(/^(title: .*)$/m, '$1\nsummary: 按平台的实施清单整理。')
            .replace(/^status: 草稿$/m, 'reviewed: 2026-12-01'),
        );
    }
    exports.push(cli(['export', 'platform', 'finished', '--out', 'out.xlsx', '--force'], work));
  }
  const guides = readdirSync(join(work, 'finished')).length;
  rmSync(work, { recursive: true, force: true });
  return { rows, rounds, sheetRows, guides, imports, exports };
}

export function importBenchReport({ rows, rounds, sheetRows, guides, imports, exports }) {
  const line = (what, runs) =>
    `| ${what} | ${runs.map((run) => `${fmt(run.wall / 1000, 1)} s`).join(' · ')} | **${fmt(median(runs.map((run) => run.wall)) / 1000, 1)} s** | ${fmt(median(runs.map((run) => run.rssMiB)))} MiB |`;
  return `### Platform import and export (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${loadavg()
    .map((n) => fmt(n, 1))
    .join(' ')})

The workbook: ${sheetRows.map(([name, count]) => `${name} ${fmt(count)} rows`).join(', ')} (scripts/platform-fixture.mjs repeated to ${fmt(rows)} 事项). ${rounds} rounds, each a process of its own.

| what | rounds | median | peak RSS (median) |
| --- | --- | ---: | ---: |
${line(`\`baihua import platform\` of ${fmt(rows)} rows (writes ${fmt(rows)} guides and the report)`, imports)}
${line(`\`baihua export platform\` of the ${fmt(guides)} guides`, exports)}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } },
  });
  console.log(importBenchReport(await measureImport({ rows: Number(values.rows), rounds: Number(values.rounds) })));
}
