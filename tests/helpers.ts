import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJourneyPath, parseGuide, readGuideModel, SourceFile } from '@baihua/core';
import { guideView, type GuideView } from '@baihua/render';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The bundled CLI, as `pnpm baihua` and the `baihua` bin run it. */
export const cliPath = join(repoRoot, 'packages/cli/dist/baihua.mjs');
export const guidesDir = join(repoRoot, 'guides');
/** The example guides' ids, sorted. */
export const EXAMPLE_IDS = [
  'birth-medical-certificate',
  'company-registration',
  'company-seal-engraving',
  'driving-licence-renewal',
  'employer-housing-fund-registration',
  'employer-social-insurance-registration',
  'housing-fund-rent-withdrawal',
  'id-card-renewal',
  'income-tax-annual-settlement',
  'individual-business-registration',
  'marriage-registration',
  'minimum-living-allowance',
  'new-taxpayer-invoice',
  'newborn-household-registration',
  'newborn-medical-insurance',
  'newborn-social-security-card',
  'offsite-medical-filing',
  'passport-application',
  'pension-enrollment',
  'primary-school-enrollment',
  'second-hand-house-transfer',
];
export const fixturesDir = join(repoRoot, 'tests/fixtures');
/**
 * A small catalog for 一件事: six guides and a newborn's journey (journeys/newborn-test.md) with a
 * parallel step at the same window as the one before (one visit), a 任选一项 step, an optional
 * step, a material an earlier step hands over, and two names of one material.
 */
export const JOURNEY_CATALOG = join(fixturesDir, 'journey-site');

export interface CliRun {
  stdout: string;
  /** stdout without the readability line the stylish report ends with (tested on its own) */
  report: string;
  stderr: string;
  code: number;
  /** wall-clock milliseconds */
}

/** Runs the built `baihua` CLI as a user would, in a child process. */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const report = result.stdout.replace(/^ {2}易读分[^\n]*\n/m, '');
  return { stdout: result.stdout, report, stderr: result.stderr, code: result.status ?? -1 };
}

export interface StartedCli {
  child: ChildProcessWithoutNullStreams;
  /** the run, once the process has exited */
  finished: Promise<CliRun>;
  /** what it has written to stderr so far */
  stderr(): string;
}

/**
 * Starts the built `baihua` CLI without waiting for it, for tests that act while it runs (answer
 * its requests, feed its standard input, kill it). `timeout` is a hang guard only.
 */
export function startCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): StartedCli {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
    timeout: options.timeout ?? 300_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const report = stdout.replace(/^ {2}易读分[^\n]*\n/m, '');
      resolve({ stdout, report, stderr, code: code ?? -1 });
    });
  });
  return { child, finished, stderr: () => stderr };
}

/** Runs the built `baihua` CLI without blocking the test's event loop (nothing on its standard input). */
export function runCliAsync(args: string[], options: Parameters<typeof startCli>[1] = {}): Promise<CliRun> {
  const run = startCli(args, options);
  run.child.stdin.end();
  return run.finished;
}

/** A scratch directory, optionally seeded with a copy of a directory. */
export function scratch(copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baihua-test-'));
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  return dir;
}

/**
 * A copy of the example guides (in `<dir>/guides`) that say where they are handled, as a city's
 * catalog would: `region` after `category`, 青禾市 for all, and 东湖区 for the county-level ones.
 * The examples themselves leave it out, so that the many tests naming their lines keep them.
 */
export function guidesWithRegion(dir = scratch()): string {
  const guides = join(dir, 'guides');
  cpSync(guidesDir, guides, { recursive: true });
  for (const name of readdirSync(guides, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(md|yaml)$/.test(name) || name.endsWith('baihua.config.yaml')) continue;
    const path = join(guides, name);
    const text = readFileSync(path, 'utf8');
    const region = /^level: 县级$/m.test(text) ? '{ city: 青禾市, district: 东湖区 }' : '{ city: 青禾市 }';
    writeFileSync(path, text.replace(/^(category: .*\n)/m, `$1region: ${region}\n`));
  }
  return guides;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  // the site's logo (site.logo in baihua.config.yaml)
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** A static file server for a built site, on 127.0.0.1 and a free port, as a portal would serve it. */
export function serveDirectory(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

/** Each guide's view in a directory of guides, as the build makes it (titles of the other guides for the related links). */
export function guideViewsIn(dir: string): Map<string, GuideView> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (name) => /\.(md|yaml)$/.test(name) && !name.endsWith('baihua.config.yaml') && !isJourneyPath(join(dir, name)),
  );
  const guides = files.map((name) => {
    const path = join(dir, name);
    return parseGuide(new SourceFile(path, readFileSync(path, 'utf8')));
  });
  const titles = new Map(
    guides.map((guide) => {
      const { id, title } = readGuideModel(guide).fields;
      return [id!, title!] as const;
    }),
  );
  return new Map(guides.map((guide) => [readGuideModel(guide).fields.id!, guideView(guide, { titles })] as const));
}
