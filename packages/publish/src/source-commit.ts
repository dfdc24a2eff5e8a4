import { execFileSync } from 'node:child_process';

/**
 * The commit checked out in the git repository holding `directory` (`git rev-parse HEAD`), or
 * undefined when it is in none, the repository has no commit yet, or git is not installed.
 */
export function sourceCommit(directory: string): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: directory,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /^[0-9a-f]{40,64}$/.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}
