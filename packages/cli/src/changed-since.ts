/**
 * `baihua lint --changed-since REF`: which guides changed since a git ref, and their texts then.
 * git runs through execFile (no shell), its paths NUL-separated (`-z`) so that Chinese names and
 * spaces arrive as written rather than quoted.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { MAX_GUIDE_BYTES, type BoundedRead } from '@baihua/core';
import { lintTexts, type LintResult, type LintTextsOptions, type MarkdownComparison } from '@baihua/lint';
import { UsageError } from './errors.js';

export interface ChangedGuides {
  /** the ref as the user wrote it */
  ref: string;
  /** the commit compared with: the merge base of the ref and HEAD, or the ref itself when there is none */
  commit: string;
  mergeBase: boolean;
  /** the files added or changed since, absolute, each with its path at the commit (none when added) */
  files: Map<string, { previous?: string }>;
  /** the repository's top directory */
  root: string;
}

interface GitRun {
  stdout: Buffer;
  /** the output was cut at `maxBuffer` */
  truncated: boolean;
}

class GitFailed extends Error {
  constructor(readonly stderr: string) {
    super(stderr);
  }
}

function git(args: string[], cwd: string, maxBuffer = 256 * 1024 * 1024): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    // LC_ALL=C: git's own messages in English whatever the user's locale, so they can be told apart.
    const env = { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer, env }, (error, stdout, stderr) => {
      const errorText = stderr.toString('utf8');
      if (!error) return resolve({ stdout, truncated: false });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        return reject(new UsageError('找不到 git 命令：--changed-since 要用 git 比较改动，请先安装 git'));
      if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ stdout, truncated: true });
      reject(new GitFailed(errorText.trim() || error.message));
    });
  });
}

const text = (output: Buffer) => output.toString('utf8');

/** How to bring a missing ref into a shallow clone: `origin/main` is fetched as `origin main`. */
async function fetchHint(ref: string, root: string): Promise<string> {
  const remotes = text((await git(['remote'], root)).stdout)
    .split('\n')
    .filter(Boolean);
  const remote = remotes.find((name) => ref.startsWith(`${name}/`));
  if (remote) return `git fetch --depth=1 ${remote} ${ref.slice(remote.length + 1)}`;
  return `git fetch --depth=1 origin ${ref}`;
}

/**
 * The files added or changed between a ref and the working tree: `git diff -M` from the merge base
 * of REF and HEAD (or from REF when they share no history, as in a shallow clone), renames followed
 * to their old path, plus the files git does not track and does not ignore. Deleted files are none.
 */
export async function changedGuides(ref: string, cwd: string): Promise<ChangedGuides> {
  if (ref === '' || ref.startsWith('-'))
    throw new UsageError(`--changed-since 要写一个 git 引用，如 origin/main，现在是「${ref}」`);
  let root: string;
  try {
    root = text((await git(['rev-parse', '--show-toplevel'], cwd)).stdout).trim();
  } catch (error) {
    if (!(error instanceof GitFailed)) throw error;
    throw new UsageError(`${cwd} 不在 git 仓库里：--changed-since 只能在 git 仓库里用；要检查全部指南请去掉它`);
  }
  let target: string;
  try {
    target = text(
      (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root)).stdout,
    ).trim();
  } catch (error) {
    if (!(error instanceof GitFailed)) throw error;
    throw new UsageError(`找不到 git 引用 ${ref}：浅克隆请先 ${await fetchHint(ref, root)}`);
  }
  let commit = target;
  let mergeBase = false;
  try {
    commit = text((await git(['merge-base', target, 'HEAD'], root)).stdout).trim();
    mergeBase = true;
  } catch (error) {
    // No common history (a shallow clone, or no commit yet): compare with the ref itself.
    if (!(error instanceof GitFailed)) throw error;
  }
  const files = new Map<string, { previous?: string }>();
  const diff = await gitOrExplain(['diff', '--name-status', '-z', '-M', '--no-ext-diff', commit, '--'], root);
  const fields = text(diff).split('\0');
  for (let index = 0; index < fields.length - 1; ) {
    const status = fields[index]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [fields[index + 1]!, fields[index + 2]!];
      // A copy leaves its source in place: the new file is added.
      files.set(join(root, to), status.startsWith('R') ? { previous: from } : {});
      index += 3;
      continue;
    }
    const path = fields[index + 1]!;
    if (status === 'A') files.set(join(root, path), {});
    else if (status !== 'D') files.set(join(root, path), { previous: path });
    index += 2;
  }
  const untracked = await gitOrExplain(['ls-files', '--others', '--exclude-standard', '-z'], root);
  for (const path of text(untracked).split('\0')) if (path) files.set(join(root, path), {});
  return { ref, commit, mergeBase, files, root };
}

async function gitOrExplain(args: string[], cwd: string): Promise<Buffer> {
  try {
    return (await git(args, cwd)).stdout;
  } catch (error) {
    if (!(error instanceof GitFailed)) throw error;
    throw new UsageError(`git ${args[0]} 失败：${error.stderr.split('\n')[0]}`);
  }
}

/** A file's bytes at the commit, bounded as a guide read from disk is. */
async function readAtCommit(changes: ChangedGuides, path: string): Promise<BoundedRead> {
  try {
    const run = await git(['cat-file', 'blob', `${changes.commit}:${path}`], changes.root, MAX_GUIDE_BYTES + 1);
    return { bytes: run.stdout, tooLarge: run.truncated || run.stdout.length > MAX_GUIDE_BYTES };
  } catch (error) {
    if (!(error instanceof GitFailed)) throw error;
    throw new UsageError(`读不出 ${path} 在 ${changes.ref} 时的内容：${error.stderr.split('\n')[0]}`);
  }
}

/**
 * What the markdown report compares with: each linted guide's text at the commit (a renamed
 * guide's at its old path), linted with today's configuration as if at its path now, against the
 * catalog of today less the guides added since.
 */
export async function comparisonAtBase(
  changes: ChangedGuides,
  results: readonly LintResult[],
  options: LintTextsOptions,
): Promise<MarkdownComparison> {
  const earlier = results.flatMap(({ filePath }) => {
    const previous = changes.files.get(filePath)?.previous;
    return previous === undefined ? [] : [{ filePath, previous }];
  });
  // One git process at a time: a pull request may change hundreds of guides.
  const sources: Array<{ filePath: string; input: BoundedRead }> = [];
  for (const { filePath, previous } of earlier)
    sources.push({ filePath, input: await readAtCommit(changes, previous) });
  const absent = new Set([...changes.files].flatMap(([filePath, { previous }]) => (previous ? [] : [filePath])));
  const linted = await lintTexts(sources, { ...options, absent });
  const before = new Map(
    earlier.map(({ filePath, previous }, index) => [
      filePath,
      { path: join(changes.root, previous), result: linted[index]! },
    ]),
  );
  return { ref: changes.ref, commit: changes.commit, mergeBase: changes.mergeBase, before };
}

/** The line the stylish report ends with: what was compared with. */
export function changedSinceNote(changes: ChangedGuides, linted: number): string {
  const base = changes.mergeBase
    ? `合并基点 ${changes.commit.slice(0, 7)}`
    : `${changes.commit.slice(0, 7)}，没有共同的历史`;
  if (linted === 0) return `✔ 自 ${changes.ref}（${base}）以来没有改动的指南，没有要检查的\n`;
  return `  只检查了自 ${changes.ref}（${base}）以来改动的 ${linted} 份指南\n`;
}
