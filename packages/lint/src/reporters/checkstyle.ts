import { displayPath } from '@baihua/core';
import type { FormatterContext, LintResult } from '../types.js';
import { xmlText } from './xml.js';

/** Checkstyle XML in ESLint's shape: one `<file>` per file, one `<error>` per finding. */
export function checkstyle(results: LintResult[], { cwd }: FormatterContext): string {
  let output = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const result of results) {
    output += `<file name="${xmlText(displayPath(result.filePath, cwd).replaceAll('\\', '/'))}">\n`;
    for (const message of result.messages) {
      const severity = message.severity === 2 ? 'error' : 'warning';
      output +=
        `<error line="${message.line}" column="${message.column}" severity="${severity}" ` +
        `message="${xmlText(`${message.message} (${message.ruleId})`)}" source="baihua.rules.${xmlText(message.ruleId)}" />\n`;
    }
    output += '</file>\n';
  }
  return `${output}</checkstyle>\n`;
}
