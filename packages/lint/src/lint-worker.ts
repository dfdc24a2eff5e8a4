// A worker thread of `lintInWorkers`: lints batches of guides, each with its configuration.
import { FileAccessError, type ResolvedConfig } from '@baihua/core';
import { configSource } from './config.js';
import { lintJob } from './run.js';
import type { WorkerAnswer, WorkerBatch } from './parallel.js';

/** Resolved on the first batch: a pool lives for one run, and every batch of a run names the same source. */
let configs: ((filePath: string) => ResolvedConfig) | undefined;

export default function lintBatch({ jobs, configFile, fix }: WorkerBatch): WorkerAnswer[] {
  configs ??= configSource(configFile);
  const configFor = configs;
  return jobs.map((job) => {
    try {
      return lintJob(job, configFor(job.filePath), fix);
    } catch (error) {
      if (error instanceof FileAccessError) return { fileAccessError: { path: error.path, message: error.message } };
      throw error;
    }
  });
}
