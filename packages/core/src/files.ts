import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { guideFormat } from './guide.js';
import { FileAccessError } from './errors.js';
import { isInside, projectRoots } from './paths.js';

export { isDynamicPattern };

const GUIDE_GLOB = '**/*.{md,markdown,yaml,yml}';
/** Never guides: dependencies, build output, and the configuration files themselves. */
export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/baihua.config.{yaml,yml}'];

interface Candidate {
  path: string;
  real: string;
}

function candidate(path: string, roots: string[]): Candidate {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileAccessError(
      path,
      code === 'ELOOP' ? '符号链接绕成了一个圈，找不到真正的文件' : `找不到这个文件（${code ?? String(error)}）`,
    );
  }
  if (!roots.some((root) => isInside(real, root))) {
    throw new FileAccessError(
      path,
      `这是指向项目以外的符号链接（${real}）。为了不把项目以外的文件内容带进检查报告，不读取它：请把指南文件复制到项目里`,
    );
  }
  return { path, real };
}

/**
 * Expands command-line paths and globs into guide files, sorted and without repeats. A directory
 * means every guide below it; a path that matches nothing is an error, as in ESLint. A file reached
 * twice (through a symlinked directory, or a loop such as `ln -s . guides/loop`) is read once, by
 * the path with the fewest symlinks and parts; a symlink that leads out of the project is refused.
 */
export async function findGuideFiles(patterns: string[], cwd = process.cwd()): Promise<string[]> {
  const candidates: Candidate[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const matches = await glob(GUIDE_GLOB, { cwd: absolute, absolute: true, ignore: DEFAULT_IGNORES, dot: false });
        if (matches.length === 0) throw new FileAccessError(pattern, '这个目录里没有指南文件（.md 或 .yaml）');
        const roots = projectRoots(absolute);
        for (const match of matches) candidates.push(candidate(resolve(match), roots));
      } else if (!guideFormat(absolute)) {
        throw new FileAccessError(pattern, '不是指南文件：指南应是 .md 或 .yaml 文件');
      } else {
        // A file named on the command line may be a symlink, but only to a file of its own project.
        candidates.push(candidate(absolute, projectRoots(dirname(absolute))));
      }
    } else if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, ignore: DEFAULT_IGNORES, onlyFiles: true });
      const guides = matches.filter((match) => guideFormat(match));
      if (guides.length === 0) throw new FileAccessError(pattern, '没有匹配到任何指南文件');
      const roots = projectRoots(cwd);
      for (const match of guides) candidates.push(candidate(resolve(match), roots));
    } else {
      throw new FileAccessError(pattern, '找不到这个文件或目录');
    }
  }
  return onePathPerFile(candidates);
}

/** How many of a path's parts are symlinks. */
function symlinksAlong(path: string): number {
  let count = 0;
  for (let current = path; dirname(current) !== current; current = dirname(current)) {
    if (lstatSync(current).isSymbolicLink()) count++;
  }
  return count;
}

/** Of the paths that reach one real file, the most direct: fewest symlinks along it, then fewest parts, then by name. */
function onePathPerFile(candidates: Candidate[]): string[] {
  const moreDirect = (a: string, b: string): boolean => {
    const [linksA, linksB] = [symlinksAlong(a), symlinksAlong(b)];
    if (linksA !== linksB) return linksA < linksB;
    const [partsA, partsB] = [a.split(sep).length, b.split(sep).length];
    return partsA !== partsB ? partsA < partsB : a < b;
  };
  const chosen = new Map<string, string>();
  for (const { path, real } of candidates) {
    const current = chosen.get(real);
    if (current === undefined || (current !== path && moreDirect(path, current))) chosen.set(real, path);
  }
  return [...chosen.values()].sort();
}
