/**
 * `baihua report --history N`: the headline numbers of the last N commits. Each commit's tree is
 * extracted (`git archive`) into the same temporary folder and linted there with one cache for the
 * whole run, so the guides a commit did not change are answered from the cache (the cache keys a
 * result by the file's bytes, configuration and tool) and only changed guides are linted again.
 * With `--cache`, that cache starts as a copy of the user's: a guide no commit changed since it
 * was last linted is not linted at all, and the user's cache is left as it was.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isDynamicPattern } from '@baihua/core';
import { lintRun, type Concurrency } from '@baihua/lint';
import type { ReportHistoryPoint } from '@baihua/render';
import { UsageError } from './errors.js';
import { headlineOf } from './report-data.js';

interface Commit {
  commit: string;
  date: string;
  subject: string;
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}

/** The repository's top folder, or a usage error saying that there is none. */
function repositoryTop(cwd: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new UsageError(
      `--history 要在 git 仓库里用：当前目录 ${cwd} 不在任何 git 仓库里（或者没有安装 git）。请在指南所在的仓库里运行，或者去掉 --history`,
    );
  }
}

/** The last `count` commits of HEAD, oldest first. */
function lastCommits(top: string, count: number): Commit[] {
  let log: string;
  try {
    log = git(['log', `-n${count}`, '--format=%H%x09%cs%x09%s', 'HEAD'], top);
  } catch {
    throw new UsageError('--history：这个仓库还没有提交，没有历史可以统计。请先提交一次');
  }
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date, ...subject] = line.split('\t');
      return { commit: commit!, date: date!, subject: subject.join('\t') };
    })
    .reverse();
}

/** A path or glob of the command line as the same place inside an extracted tree. */
function inTree(pattern: string, cwd: string, top: string, tree: string): string {
  const path = relative(top, resolve(cwd, pattern));
  if (path.startsWith('..') || isAbsolute(path))
    throw new UsageError(`--history 只能统计仓库里的指南：${pattern} 在仓库 ${top} 以外`);
  return join(tree, path);
}

/** The repository and its last `count` commits; checked before anything is linted. */
export interface History {
  top: string;
  commits: Commit[];
}

export function historyOf(cwd: string, count: number): History {
  const top = repositoryTop(cwd);
  return { top, commits: lastCommits(top, count) };
}

export interface HistoryOptions {
  history: History;
  patterns: string[];
  configFile?: string;
  concurrency: Concurrency;
  cwd: string;
  /** the run's lint cache (`--cache`), read and not written */
  cacheLocation?: string;
}

export async function reportHistory(options: HistoryOptions): Promise<ReportHistoryPoint[]> {
  const { top, commits } = options.history;
  const work = mkdtempSync(join(tmpdir(), 'baihua-history-'));
  const tree = join(work, 'tree');
  const archive = join(work, 'tree.tar');
  const cache = join(work, 'cache');
  try {
    if (options.cacheLocation && existsSync(options.cacheLocation)) copyFileSync(options.cacheLocation, cache);
    const points: ReportHistoryPoint[] = [];
    for (const point of commits) {
      rmSync(tree, { recursive: true, force: true });
      mkdirSync(tree);
      git(['archive', '--format=tar', '-o', archive, point.commit], top);
      execFileSync('tar', ['-xf', archive, '-C', tree], { stdio: 'ignore' });
      // A folder a commit did not have yet holds no guides then.
      const patterns = options.patterns
        .map((pattern) => inTree(pattern, options.cwd, top, tree))
        .filter((pattern) => isDynamicPattern(pattern) || existsSync(pattern));
      if (!patterns.length) {
        points.push({ ...point, ...headlineOf([]) });
        continue;
      }
      const configFile = options.configFile && inTree(options.configFile, options.cwd, top, tree);
      const run = await lintRun({
        patterns,
        cwd: tree,
        readabilitySections: false,
        cacheLocation: cache,
        concurrency: options.concurrency,
        ...(configFile && { configFile }),
      }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new UsageError(
          `--history：提交 ${point.commit.slice(0, 7)}（${point.subject}）的指南检查不了：${reason}`,
        );
      });
      // As the report itself: guides only, journeys (一件事) left out.
      points.push({ ...point, ...headlineOf(run.results.filter((result) => result.kind !== 'journey')) });
    }
    return points;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
