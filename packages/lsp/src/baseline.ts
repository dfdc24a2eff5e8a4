/**
 * The baseline in the editor: a guide's findings that the baseline file its configuration names
 * (`baseline:`) holds are shown as hints, not as problems, as `baihua lint` holds them back. Each
 * file is read once, and again when it changes.
 */
import { dirname } from 'node:path';
import { FileAccessError, type ResolvedConfig } from '@baihua/core';
import {
  applyBaseline,
  type Baseline,
  type Diagnostic as Finding,
  type LintResult,
  readBaselineFile,
} from '@baihua/lint';

export interface BaselineSplit {
  /** the findings to show as problems */
  reported: Finding[];
  /** the findings the baseline holds */
  baselined: Finding[];
  /** the baseline file could not be read: every finding is reported */
  problem?: FileAccessError;
}

export class Baselines {
  /** by file path: the baseline, none yet (undefined), or why it cannot be read */
  readonly #files = new Map<string, Baseline | undefined | FileAccessError>();

  /** A guide's findings split by the baseline its configuration names. */
  split(result: LintResult, config: ResolvedConfig): BaselineSplit {
    const file = config.baseline;
    const read = file === undefined ? undefined : this.#read(file);
    if (read instanceof FileAccessError) return { reported: result.messages, baselined: [], problem: read };
    if (!read) return { reported: result.messages, baselined: [] };
    const [applied] = applyBaseline([result], read, { directory: dirname(file!) }).results;
    return {
      reported: applied!.messages,
      baselined: applied!.suppressedMessages.filter((finding) => finding.suppressions),
    };
  }

  /** Whether a changed file is a baseline file read before: it is read again at the next lint. */
  changed(filePath: string): boolean {
    return this.#files.delete(filePath);
  }

  /** The configuration changed: any file may be named now. */
  clear(): void {
    this.#files.clear();
  }

  #read(file: string): Baseline | undefined | FileAccessError {
    if (!this.#files.has(file)) {
      try {
        this.#files.set(file, readBaselineFile(file));
      } catch (error) {
        if (!(error instanceof FileAccessError)) throw error;
        this.#files.set(file, error);
      }
    }
    return this.#files.get(file);
  }
}
