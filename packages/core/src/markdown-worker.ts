// Parses Markdown for `parseWithDeadline` in a worker thread, so that a body that makes the
// parser crawl can be abandoned. Protocol: the shared flag is set to 1 once the parser is loaded;
// then for each request { text } on the port, the reply { tree } or { error } goes on the port and
// the flag is set to 1 again. Every change of the flag is notified.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseMarkdownTree } from './markdown-processor.js';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

port.on('message', ({ text }: { text: string }) => {
  try {
    port.postMessage({ tree: parseMarkdownTree(text) });
  } catch (error) {
    port.postMessage({ error: error instanceof RangeError ? 'depth' : String(error) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
