// Parses Markdown for `parseWithDeadline` in a worker thread, so that a body that makes the
// parser crawl can be abandoned.
import { workerData } from 'node:worker_threads';
import { parseMarkdownTree } from './markdown-processor.js';
import { serveSync } from './sync-worker.js';

serveSync(workerData, ({ text }: { text: string }) => {
  try {
    return { tree: parseMarkdownTree(text) };
  } catch (error) {
    return { error: error instanceof RangeError ? 'depth' : String(error) };
  }
});
