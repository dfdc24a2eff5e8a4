import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The bundled CLI, as `pnpm baihua` and the `baihua` bin run it. */
export const cliPath = join(repoRoot, 'packages/cli/dist/baihua.mjs');
export const guidesDir = join(repoRoot, 'guides');
export const fixturesDir = join(repoRoot, 'tests/fixtures');

export interface CliRun {
  stdout: string;
  /** stdout without the readability line the stylish report ends with (tested on its own) */
  report: string;
  stderr: string;
  code: number;
  /** wall-clock milliseconds */
  ms: number;
}

/** Runs the built `baihua` CLI as a user would, in a child process. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const report = result.stdout.replace(/^ {2}易读分[^\n]*\n/m, '');
  return { stdout: result.stdout, report, stderr: result.stderr, code: result.status ?? -1, ms: performance.now() - started };
}

/** A scratch directory, optionally seeded with a copy of a directory. */
export function scratch(copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baihua-test-'));
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  return dir;
}
