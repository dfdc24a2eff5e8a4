// A worker thread of a build: renders batches of guides into the build's folder, answering with their records.
import { FileAccessError } from '@baihua/core';
import { renderJob, type RenderAnswer, type RenderJob, type RenderSettings } from './render-job.js';

export default function renderBatch({
  jobs,
  settings,
}: {
  jobs: RenderJob[];
  settings: RenderSettings;
}): RenderAnswer[] {
  return jobs.map((job) => {
    try {
      return renderJob(job, settings);
    } catch (error) {
      if (error instanceof FileAccessError) return { fileAccessError: { path: error.path, message: error.message } };
      throw error;
    }
  });
}
