import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { guideFormat } from './guide.js';
import { FileAccessError } from './errors.js';

const GUIDE_GLOB = '**/*.{md,markdown,yaml,yml}';
/** Never guides: dependencies, build output, and the configuration files themselves. */
export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/baihua.config.{yaml,yml}'];

/**
 * Expands command-line paths and globs into guide files, sorted and without repeats. A directory
 * means every guide below it; a path that matches nothing is an error, as in ESLint.
 */
export async function findGuideFiles(patterns: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const matches = await glob(GUIDE_GLOB, { cwd: absolute, absolute: true, ignore: DEFAULT_IGNORES, dot: false });
        if (matches.length === 0) throw new FileAccessError(pattern, '这个目录里没有指南文件（.md 或 .yaml）');
        for (const match of matches) found.add(resolve(match));
      } else if (!guideFormat(absolute)) {
        throw new FileAccessError(pattern, '不是指南文件：指南应是 .md 或 .yaml 文件');
      } else {
        found.add(absolute);
      }
    } else if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, ignore: DEFAULT_IGNORES, onlyFiles: true });
      const guides = matches.filter((match) => guideFormat(match));
      if (guides.length === 0) throw new FileAccessError(pattern, '没有匹配到任何指南文件');
      for (const match of guides) found.add(resolve(match));
    } else {
      throw new FileAccessError(pattern, '找不到这个文件或目录');
    }
  }
  return [...found].sort();
}

/** A path as people read it in reports: relative to cwd when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, path);
  return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath : path;
}
