import { isJourneyPath } from '@baihua/core';
import type { Diagnostic, LintResult } from './types.js';

/** The order findings are listed in: by place, then by rule. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A file's result with its counts, ESLint's shape; a journey's (一件事) says so. */
export function summarize(
  filePath: string,
  messages: Diagnostic[],
  suppressed: Diagnostic[],
  output?: string,
): LintResult {
  const count = (severity: 1 | 2, fixable = false) =>
    messages.filter((message) => message.severity === severity && (!fixable || message.fix)).length;
  return {
    filePath,
    ...(isJourneyPath(filePath) && { kind: 'journey' as const }),
    messages,
    suppressedMessages: suppressed,
    errorCount: count(2),
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    ...(output !== undefined && { output }),
  };
}
