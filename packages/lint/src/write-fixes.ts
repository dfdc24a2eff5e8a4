import { FileAccessError } from '@baihua/core';
import { lintFile } from './check-guide.js';
import { configForPath } from './config.js';
import { messageFingerprint } from './fingerprint.js';
import { byPosition, summarize } from './results.js';
import type { Diagnostic, LintResult } from './types.js';
import { writeFileAtomic, WriteSkipped } from './write.js';

/**
 * Writes each fixed guide back (`baihua lint --fix`), as it was (see `writeFileAtomic`). A guide
 * that is not written (read-only, changed since it was linted, a write error) keeps its text and
 * gets a `fix/not-written` finding, a warning when it was skipped on purpose and an error when the
 * write failed; its other findings are those of its text on disk again. The run goes on.
 */
export function writeFixes(results: LintResult[], configFile?: string): LintResult[] {
  return results.map((result) => {
    if (result.output === undefined) return result;
    try {
      writeFileAtomic(result.filePath, result.output, {
        ...(result.sourceDigest && { unchangedSince: result.sourceDigest }),
      });
      return result;
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      return notWritten(result, error, configFile);
    }
  });
}

function notWritten(fixed: LintResult, error: FileAccessError, configFile: string | undefined): LintResult {
  const message = `没有写入修复：${error.message}`;
  const notice: Diagnostic = {
    ruleId: 'fix/not-written',
    severity: error instanceof WriteSkipped ? 1 : 2,
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: [0, 0],
    fingerprint: messageFingerprint('fix/not-written', message),
  };
  let onDisk: LintResult;
  try {
    onDisk = lintFile(fixed.filePath, { config: configForPath(fixed.filePath, configFile) });
  } catch (reread) {
    // Gone or unreadable now: what can be said is that the fixes were not written.
    if (!(reread instanceof FileAccessError)) throw reread;
    return summarize(fixed.filePath, [notice], []);
  }
  // The catalog findings came from the other guides; they stand as they were.
  const catalog = fixed.messages.filter((message) => message.ruleId.startsWith('catalog/'));
  const messages = [notice, ...onDisk.messages, ...catalog].sort(byPosition);
  return {
    ...summarize(fixed.filePath, messages, onDisk.suppressedMessages),
    ...(onDisk.stats && { stats: onDisk.stats }),
  };
}
