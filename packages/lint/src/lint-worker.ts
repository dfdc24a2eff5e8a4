// A worker thread of `lintInWorkers`: lints batches of guides, each with its configuration.
import { FileAccessError, type ResolvedConfig } from '@baihua/core';
import { configSource, lintJob } from './engine.js';
import type { WorkerAnswer, WorkerBatch } from './parallel.js';

/** Configurations resolved once per worker (every batch of a run names the same source). */
const sources = new Map<string, (filePath: string) => ResolvedConfig>();

export default function lintBatch({ jobs, configFile, fix }: WorkerBatch): WorkerAnswer[] {
  const key = configFile ?? '';
  let configs = sources.get(key);
  if (!configs) sources.set(key, (configs = configSource(configFile)));
  return jobs.map((job) => {
    try {
      return lintJob(job, configs(job.filePath), fix);
    } catch (error) {
      if (error instanceof FileAccessError) return { fileAccessError: { path: error.path, message: error.message } };
      throw error;
    }
  });
}
