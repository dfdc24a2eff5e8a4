import { displayPath } from '@baihua/core';
import type { LintResult, FormatterContext } from '../types.js';

// Workflow commands: data escapes %, CR and LF; properties also escape : and ,.
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** GitHub Actions annotations: each finding appears on the pull request's diff. */
export function github(results: LintResult[], { cwd }: FormatterContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(displayPath(result.filePath, cwd).replaceAll('\\', '/'));
    for (const message of result.messages) {
      const command = message.severity === 2 ? 'error' : 'warning';
      const properties = [
        `file=${file}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(message.ruleId)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(message.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
