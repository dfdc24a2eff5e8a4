// pnpm bench:against <commit>: this checkout side by side with an earlier commit, interleaved in
// one run (absolute times on these machines move by ±30% between runs; ratios of pairs do not).
// The earlier commit is checked out in a git worktree under the system's temporary directory,
// installed from its own lockfile and built; the worktree is kept for the next run.
//
// Rows: lintFile over a generated corpus in one process (both builds imported, rounds
// alternating), and cold CLI runs alternating between the two builds (lint of the corpus in one
// thread, lint of one guide, build of the corpus), with peak RSS from /usr/bin/time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    guides: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '7' },
  },
});
const [base] = positionals;
if (!base) {
  console.error('usage: pnpm bench:against <commit> [--guides 1000] [--rounds 7]');
  process.exit(2);
}
const here = fileURLToPath(new URL('../../', import.meta.url));
const git = (...args) => execFileSync('git', args, { cwd: here, encoding: 'utf8' }).trim();
const baseCommit = git('rev-parse', '--verify', `${base}^{commit}`);
const baseDir = join(tmpdir(), `baihua-bench-${baseCommit.slice(0, 12)}`);
if (!existsSync(join(baseDir, 'packages/cli/dist/baihua.mjs'))) {
  if (!existsSync(baseDir)) git('worktree', 'add', '--detach', baseDir, baseCommit);
  const inBase = { cwd: baseDir, stdio: 'inherit', env: { ...process.env, CI: 'true' } };
  execFileSync('pnpm', ['install', '--frozen-lockfile'], inBase);
  execFileSync('pnpm', ['-s', 'build'], inBase);
}

const corpus = mkdtempSync(join(tmpdir(), 'baihua-against-'));
execFileSync(process.execPath, [join(here, 'scripts/corpus.mjs'), '--count', values.guides, '--out', corpus]);
const { findGuideFiles } = await import(pathToFileURL(join(here, 'packages/core/dist/index.js')).href);
const files = await findGuideFiles([corpus]);
const rounds = Number(values.rounds);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const builds = { before: baseDir, after: here };
const order = (round) => (round % 2 ? ['after', 'before'] : ['before', 'after']);

async function inProcess() {
  const lint = Object.fromEntries(
    await Promise.all(
      Object.entries(builds).map(async ([name, dir]) => [
        name,
        await import(pathToFileURL(join(dir, 'packages/lint/dist/index.js')).href),
      ]),
    ),
  );
  const run = (library) => {
    const config = library.recommendedConfig();
    const started = performance.now();
    for (const file of files) library.lintFile(file, { config });
    return performance.now() - started;
  };
  run(lint.before);
  run(lint.after);
  const times = { before: [], after: [] };
  for (let round = 0; round < rounds; round++) for (const name of order(round)) times[name].push(run(lint[name]));
  return { what: `lintFile of ${files.length} guides, in one process`, times };
}

function cold(what, args) {
  const times = { before: [], after: [] };
  const rss = { before: [], after: [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of order(round)) {
      const cli = join(builds[name], 'packages/cli/dist/baihua.mjs');
      const out = join(corpus, `.out-${name}`);
      const started = performance.now();
      const run = spawnSync(
        '/usr/bin/time',
        ['-f', '%M', process.execPath, cli, ...args.map((arg) => (arg === 'OUT' ? out : arg))],
        { cwd: corpus, encoding: 'utf8' },
      );
      times[name].push(performance.now() - started);
      rss[name].push(Number(run.stderr.trim().split('\n').at(-1)) / 1024);
      if (run.status !== 0 && run.status !== 1)
        throw new Error(`${what} (${name}) exited ${run.status}:\n${run.stderr}`);
    }
  }
  return { what, times, rss };
}

const rows = [
  await inProcess(),
  cold('`baihua lint <corpus> --concurrency off`, cold', ['lint', '.', '--concurrency', 'off']),
  cold('`baihua lint` of one guide, cold', ['lint', files[0]]),
  cold('`baihua build <corpus> --targets web,mobile`, cold', ['build', '.', '--targets', 'web,mobile', '--out', 'OUT']),
];
rmSync(corpus, { recursive: true, force: true });

console.log(`${base} (${baseCommit.slice(0, 7)}) against ${git('rev-parse', '--short', 'HEAD')}, ${rounds} rounds\n`);
console.log(
  `| what | ${baseCommit.slice(0, 7)} | this checkout | ratio, median of the pairs | peak RSS before → after |`,
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const { what, times, rss } of rows) {
  const ratios = times.after.map((time, index) => time / times.before[index]);
  const memory = rss ? `${median(rss.before).toFixed(0)} → ${median(rss.after).toFixed(0)} MiB` : '';
  const ms = (list) => `${Math.round(median(list)).toLocaleString('en')} ms`;
  console.log(`| ${what} | ${ms(times.before)} | ${ms(times.after)} | ${median(ratios).toFixed(2)} | ${memory} |`);
}
