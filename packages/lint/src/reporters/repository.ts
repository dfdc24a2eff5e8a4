import { isAbsolute, relative } from 'node:path';
import { realPath, repositoryRoot } from '@baihua/core';
import type { Diagnostic } from '../types.js';

/**
 * Where paths in code-review reports start: the top of the git work tree `cwd` is in, else `cwd`.
 * GitHub code scanning and GitLab code quality find a file by its path from the repository root,
 * whichever directory the check ran in. Real paths, so that a symlinked working directory
 * does not put `..` in front of every path.
 */
export function reportRoot(cwd: string): string {
  const real = realPath(cwd);
  return repositoryRoot(real) ?? real;
}

/** `filePath` relative to `root` with forward slashes, or undefined when it lies outside. */
export function pathFromRoot(filePath: string, root: string): string | undefined {
  const path = relative(root, realPath(filePath));
  if (path === '' || path === '..' || path.startsWith('../') || path.startsWith('..\\') || isAbsolute(path))
    return undefined;
  return path.replaceAll('\\', '/');
}

/**
 * Each finding's identity within its file: its fingerprint and which occurrence of that
 * fingerprint it is, counted from 1 in the order given (as GitHub's `primaryLocationLineHash`
 * counts `:1`, `:2`): two findings of one rule on the same words stay apart.
 */
export function occurrenceKeys(messages: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return messages.map(({ fingerprint }) => {
    const count = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, count);
    return `${fingerprint}:${count}`;
  });
}
