#!/usr/bin/env node
// pnpm bench:report: `baihua report` on a generated catalog (10,000 guides by default), side by
// side with `baihua lint` on the same catalog in the same run (only ratios measured together mean
// anything on a shared machine): cold (an empty --cache) and warm (the unchanged catalog again),
// wall time and peak RSS of each, and `--history 3` over a repository of a smaller catalog whose
// commits each change a few guides. Prints a Markdown section for BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles } from '@baihua/core';
import { fmt } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const measure = join(root, 'scripts/bench/measure-cli.mjs');

/** Runs the CLI in a process of its own (scripts/bench/measure-cli.mjs): exit code, ms and peak RSS. */
function cli(args, cwd) {
  const run = spawnSync(process.execPath, [measure, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`baihua ${args.join(' ')} failed:\n${run.stderr.slice(-2000)}`);
  const result = JSON.parse(last);
  if (result.exitCode !== 0 && args[0] === 'report')
    throw new Error(`baihua ${args.join(' ')}: exit ${result.exitCode}`);
  return result;
}

function corpus(count, out) {
  execFileSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', out], {
    stdio: 'ignore',
  });
}

const git = (cwd, ...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      stdio: 'ignore',
    },
  );

export async function measureReport({ count = 10000, historyCount = 1000 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'baihua-report-'));
  const catalog = join(work, 'catalog');
  corpus(count, catalog);
  const guides = (await findGuideFiles([catalog])).length;
  const lintCache = join(work, 'lint-cache.json');
  const reportCache = join(work, 'report-cache.json');
  // The commands as a user first runs them, without a cache (which costs its writing).
  const lintPlain = cli(['lint', catalog], work);
  const reportPlain = cli(['report', catalog, '--out', 'report'], work);
  // Alternating lint and report, each with a cache of its own: cold, then warm twice.
  const lintCold = cli(['lint', catalog, '--cache', '--cache-location', lintCache], work);
  const reportCold = cli(['report', catalog, '--out', 'report', '--cache', '--cache-location', reportCache], work);
  const warm = [0, 1].map(() => ({
    lint: cli(['lint', catalog, '--cache', '--cache-location', lintCache], work),
    report: cli(['report', catalog, '--out', 'report', '--cache', '--cache-location', reportCache], work),
  }));
  const best = (runs) => runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const lintWarm = best(warm.map((pair) => pair.lint));
  const reportWarm = best(warm.map((pair) => pair.report));
  const sizes = {
    html: readFileSync(join(work, 'report/index.html')).length,
    json: readFileSync(join(work, 'report/report.json')).length,
  };

  // --history 3 on a repository whose last two commits each change 1% of the guides.
  const repo = join(work, 'repo');
  corpus(historyCount, join(repo, 'guides'));
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'catalog');
  const files = await findGuideFiles([join(repo, 'guides')]);
  for (const round of [1, 2]) {
    for (const file of files.filter((_, index) => index % 100 === round)) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^visits: \d+$/m, 'visits: 3'));
    }
    git(repo, 'commit', '-qam', `change ${round}`);
  }
  const history = cli(['report', 'guides', '--out', 'report', '--history', '3'], repo);
  const plain = cli(['report', 'guides', '--out', 'report'], repo);
  // The nightly report's case: the catalog's cache is warm (a first run fills it), the history starts from it.
  cli(['report', 'guides', '--out', 'report', '--cache'], repo);
  const historyCached = cli(['report', 'guides', '--out', 'report', '--history', '3', '--cache'], repo);
  return {
    guides,
    lintPlain,
    reportPlain,
    lintCold,
    reportCold,
    lintWarm,
    reportWarm,
    sizes,
    historyGuides: historyCount,
    history,
    historyCached,
    plain,
  };
}

export function reportReport(result) {
  const s = (run) => `${fmt(run.ms / 1000, 1)} s`;
  const rss = (run) => `${fmt(run.maxRssKiB / 1024)} MiB`;
  const ratio = (report, lint) => fmt(report.ms / lint.ms, 2);
  return `
## Catalog report (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version})

\`pnpm bench:report\` (scripts/bench/report.mjs): a catalog of ${fmt(result.guides)} guides from
\`node scripts/corpus.mjs --count ${result.guides}\`; \`baihua lint CATALOG --cache --cache-location FILE\` and
\`baihua report CATALOG --out report --cache --cache-location FILE\`, each with a cache of its own, alternating:
first without a cache (\`baihua lint CATALOG\`, \`baihua report CATALOG --out report\`), then cold (empty cache),
then the unchanged catalog again (best of 2).

| run | lint | report | report / lint | peak RSS lint / report |
| --- | ---: | ---: | ---: | ---: |
| no cache | ${s(result.lintPlain)} | ${s(result.reportPlain)} | ${ratio(result.reportPlain, result.lintPlain)} | ${rss(result.lintPlain)} / ${rss(result.reportPlain)} |
| cold | ${s(result.lintCold)} | ${s(result.reportCold)} | ${ratio(result.reportCold, result.lintCold)} | ${rss(result.lintCold)} / ${rss(result.reportCold)} |
| warm | ${s(result.lintWarm)} | ${s(result.reportWarm)} | ${ratio(result.reportWarm, result.lintWarm)} | ${rss(result.lintWarm)} / ${rss(result.reportWarm)} |

The page is ${fmt(result.sizes.html / 2 ** 20, 1)} MiB, report.json ${fmt(result.sizes.json / 2 ** 20, 1)} MiB.
\`baihua report guides --history 3\` on a repository of ${fmt(result.historyGuides)} guides whose last two commits
each change 1% of them: ${s(result.history)} (peak RSS ${rss(result.history)}), against ${s(result.plain)} for the
report without history. With \`--cache\` already filled by a report of the same catalog, the history starts from
a copy of it (the cache answers a guide by its bytes wherever the file is): ${s(result.historyCached)}.
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '10000' }, 'history-count': { type: 'string', default: '1000' } },
  });
  const result = await measureReport({ count: Number(values.count), historyCount: Number(values['history-count']) });
  console.log(reportReport(result));
}
