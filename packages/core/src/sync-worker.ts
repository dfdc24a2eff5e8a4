import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * A worker thread called synchronously: the caller posts a request and blocks on a shared flag
 * (Atomics.wait) until the worker replies or time runs out, then takes the reply off the port.
 * Lets synchronous APIs (parseGuide, the rules) hand work to another thread: to bound it in time
 * (Markdown that stalls the parser) or to overlap it with start-up (loading jieba's dictionary).
 *
 * Protocol for the worker (see `serveSync`): set the flag to 1 once ready; for each request,
 * post the reply on the port, then set the flag to 1 and notify.
 */
export class SyncWorker {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #flag = new Int32Array(new SharedArrayBuffer(4));
  #ready = false;

  constructor(url: URL) {
    const { port1, port2 } = new MessageChannel();
    this.#worker = new Worker(url, { workerData: { port: port2, flag: this.#flag }, transferList: [port2] });
    // Neither keeps the process alive: a run that never needs the worker exits at once.
    this.#worker.unref();
    port1.unref();
    this.#port = port1;
  }

  /** Waits for the worker to be ready; false if it was not ready in `ms`. */
  ready(ms: number): boolean {
    if (!this.#ready) this.#ready = Atomics.wait(this.#flag, 0, 0, ms) !== 'timed-out';
    return this.#ready;
  }

  /** Sends a request and waits at most `ms` for the reply; undefined on timeout. */
  call<Reply>(request: unknown, ms: number): Reply | undefined {
    Atomics.store(this.#flag, 0, 0);
    this.#port.postMessage(request);
    if (Atomics.wait(this.#flag, 0, 0, ms) === 'timed-out') return undefined;
    return receiveMessageOnPort(this.#port)?.message as Reply | undefined;
  }

  terminate(): void {
    void this.#worker.terminate();
  }
}

/** The worker side: answers each request with `handle`, following SyncWorker's protocol. */
export function serveSync<Request>(data: unknown, handle: (request: Request) => unknown): void {
  const { port, flag } = data as { port: MessagePort; flag: Int32Array };
  port.on('message', (request: Request) => {
    port.postMessage(handle(request));
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
