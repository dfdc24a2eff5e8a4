import { availableParallelism } from 'node:os';
import { FileAccessError } from '@baihua/core';
import Tinypool from 'tinypool';
import type { LintJob, Linted } from './engine.js';

export type Concurrency = number | 'auto' | 'off';

/**
 * Each worker thread loads its own copy of jieba's dictionary (about 1.3 s of CPU and 250 MB) and
 * of the parsers; on this many guides a thread lints for about a second, which is where a worker
 * starts to pay for itself (BENCHMARKS.md measures the break-even).
 */
export const GUIDES_PER_WORKER = 200;

/** How many threads lint `guides` guides: 1 means this thread, no workers. */
export function workerCount(concurrency: Concurrency, guides: number): number {
  if (concurrency === 'off' || guides < 2) return 1;
  if (concurrency === 'auto') return Math.max(1, Math.min(availableParallelism(), Math.floor(guides / GUIDES_PER_WORKER)));
  return Math.max(1, Math.min(concurrency, guides));
}

/** What a worker is asked: guides to lint, and how to find their configuration. */
export interface WorkerBatch {
  jobs: LintJob[];
  configFile?: string;
  fix: boolean;
}

/** A worker's answer for one guide; errors do not keep their class across threads, so they are spelled out. */
export type WorkerAnswer = Linted | { fileAccessError: { path: string; message: string } };

/** Batches small enough to keep every thread busy to the end, large enough to make messages rare. */
const BATCHES_PER_THREAD = 8;
const MAX_BATCH = 32;

/** Lints guides in `threads` worker threads; the answers come back in the order of `jobs`. */
export async function lintInWorkers(jobs: LintJob[], threads: number, options: Omit<WorkerBatch, 'jobs'>): Promise<Linted[]> {
  // The worker runs the compiled files, also when this module runs from source under vitest
  // (whose `--conditions baihua-source` would send the worker's imports to the TypeScript).
  const pool = new Tinypool({
    filename: new URL('../dist/lint-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: withoutConditions(process.execArgv),
  });
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(jobs.length / (threads * BATCHES_PER_THREAD))));
  const batches: LintJob[][] = [];
  for (let start = 0; start < jobs.length; start += size) batches.push(jobs.slice(start, start + size));
  try {
    const answers = await Promise.all(batches.map((batch) => pool.run({ ...options, jobs: batch } satisfies WorkerBatch) as Promise<WorkerAnswer[]>));
    return answers.flat().map((answer) => {
      if ('fileAccessError' in answer) throw new FileAccessError(answer.fileAccessError.path, answer.fileAccessError.message);
      return answer;
    });
  } finally {
    await pool.destroy();
  }
}

function withoutConditions(argv: string[]): string[] {
  return argv.filter((arg, index) => !/^(?:--conditions|-C)(?:=|$)/.test(arg) && !/^(?:--conditions|-C)$/.test(argv[index - 1] ?? ''));
}
