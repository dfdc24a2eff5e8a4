import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Root } from 'mdast';

interface ParserThread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let thread: ParserThread | undefined;

function start(): ParserThread {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  // The worker runs the compiled file, also when this module runs from source under vitest.
  const worker = new Worker(new URL('../dist/markdown-worker.js', import.meta.url), { workerData: { port: port2, flag }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag };
}

const STARTUP_MS = 5000;

function abandon(): DeadlineResult {
  void thread?.worker.terminate();
  thread = undefined;
  return { error: 'timeout' };
}

export type DeadlineResult = { tree: Root } | { error: 'timeout' | 'depth' | string };

/**
 * Parses Markdown in a worker thread and waits at most `ms` for it, synchronously (Atomics.wait),
 * so the caller's API stays synchronous. A parse that overruns is abandoned with its thread.
 */
export function parseWithDeadline(text: string, ms: number): DeadlineResult {
  if (!thread) {
    thread = start();
    // Loading the parser in the new thread is not the body's fault: it does not count.
    if (Atomics.wait(thread.flag, 0, 0, STARTUP_MS) === 'timed-out') return abandon();
  }
  const { port, flag } = thread;
  Atomics.store(flag, 0, 0);
  port.postMessage({ text });
  if (Atomics.wait(flag, 0, 0, ms) === 'timed-out') return abandon();
  const reply = receiveMessageOnPort(port)?.message as DeadlineResult | undefined;
  return reply ?? { error: 'no reply' };
}
