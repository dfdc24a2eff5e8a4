import type { Root } from 'mdast';
import { SyncWorker } from './sync-worker.js';

let thread: SyncWorker | undefined;

/** Loading the parser in a new thread is not the body's fault: if it is slow, parse in this thread. */
const STARTUP_MS = 5000;

export type DeadlineResult = { tree: Root } | { error: 'timeout' | 'depth' | string };

function abandon(): DeadlineResult {
  thread?.terminate();
  thread = undefined;
  return { error: 'timeout' };
}

/**
 * Parses Markdown in a worker thread and waits at most `ms` for it, synchronously, so the
 * caller's API stays synchronous. A parse that overruns is abandoned with its thread. Undefined
 * when the thread did not start in time: the caller parses in its own thread, so that how busy
 * the machine is never decides the result.
 */
export function parseWithDeadline(text: string, ms: number): DeadlineResult | undefined {
  // The worker runs the compiled file, also when this module runs from source under vitest.
  thread ??= new SyncWorker(new URL('../dist/markdown-worker.js', import.meta.url));
  if (!thread.ready(STARTUP_MS)) return undefined;
  return thread.call<DeadlineResult>({ text }, ms) ?? abandon();
}
