import { availableParallelism } from 'node:os';
import { FileAccessError } from '@baihua/core';
import type { LintJob, Linted } from './types.js';

export type Concurrency = number | 'auto' | 'off';

/**
 * Each worker thread loads its own copy of the parsers and of jieba's dictionary (about a second
 * and 200 MB); on this many guides a thread lints for about a second, which is where a worker
 * starts to pay for itself.
 */
const GUIDES_PER_WORKER = 200;

/**
 * Parsing a guide allocates many short-lived objects (micromark's events, YAML's tokens): with
 * V8's default young generation (48 MB) a third of a worker's time went to scavenges. 192 MB
 * made two workers on 1,000 list-heavy guides about a fifth faster. The main thread cannot be
 * given this without a command-line flag, which is one reason large runs go to workers.
 */
const YOUNG_GENERATION_MB = 192;

/** How many worker threads lint `guides` guides; 0 means this thread, no workers. */
export function workerCount(concurrency: Concurrency, guides: number): number {
  if (concurrency === 'off' || guides < 2) return 0;
  if (concurrency === 'auto') {
    // One worker alone only moves the work to another thread.
    const workers = Math.min(availableParallelism(), Math.floor(guides / GUIDES_PER_WORKER));
    return workers >= 2 ? workers : 0;
  }
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

/**
 * Runs `jobs` on `threads` worker threads of the compiled module `worker`, in batches of at most
 * `maxBatch`: each batch is sent as `message(batch)`, and its answers come to `onAnswers` with the
 * index of the batch's first job as the batch comes back. The lint's and the build's workers share it.
 */
export async function runInWorkers<Job, Answer>(
  worker: URL,
  jobs: readonly Job[],
  threads: number,
  { maxBatch, message }: { maxBatch: number; message: (batch: Job[]) => unknown },
  onAnswers: (start: number, answers: Answer[]) => void,
): Promise<void> {
  // Loaded only here: most runs (one guide in an editor, a pre-commit hook) never start a worker.
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    // Not the parent's flags: V8 flags are refused by workers, and vitest's
    // `--conditions baihua-source` would send the worker's imports to the TypeScript sources.
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const size = Math.max(1, Math.min(maxBatch, Math.ceil(jobs.length / (threads * BATCHES_PER_THREAD))));
  const starts: number[] = [];
  for (let start = 0; start < jobs.length; start += size) starts.push(start);
  try {
    await Promise.all(
      starts.map(async (start) => {
        onAnswers(start, (await pool.run(message(jobs.slice(start, start + size)))) as Answer[]);
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/**
 * Lints guides in `threads` worker threads (at least one), handing each answer to `onLinted` with
 * the index of its job as its batch comes back.
 */
export async function lintInWorkers(
  jobs: LintJob[],
  threads: number,
  options: Omit<WorkerBatch, 'jobs'>,
  onLinted: (index: number, linted: Linted) => void,
): Promise<void> {
  // The worker runs the compiled files, also when this module runs from source under vitest.
  const worker = new URL('../dist/lint-worker.js', import.meta.url);
  const message = (batch: LintJob[]) => ({ ...options, jobs: batch }) satisfies WorkerBatch;
  await runInWorkers<LintJob, WorkerAnswer>(worker, jobs, threads, { maxBatch: 32, message }, (start, answers) =>
    answers.forEach((answer, offset) => {
      if ('fileAccessError' in answer)
        throw new FileAccessError(answer.fileAccessError.path, answer.fileAccessError.message);
      onLinted(start + offset, answer);
    }),
  );
}
