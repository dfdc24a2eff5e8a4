import { createHash } from 'node:crypto';
import type { Diagnostic, FormatterContext, LintResult } from '../types.js';
import { occurrenceKeys, pathFromRoot, reportRoot } from './repository.js';

/** GitLab's scale: info, minor, major, critical, blocker. A file that cannot be read blocks all the rest. */
function severity(message: Diagnostic): 'minor' | 'major' | 'critical' {
  if (message.fatal) return 'critical';
  return message.severity === 2 ? 'major' : 'minor';
}

/**
 * GitLab code quality JSON (`artifacts: reports: codequality`). The merge request widget tells new
 * and resolved findings apart by `fingerprint`, which must be unique: the finding's fingerprint
 * and occurrence, hashed with the path from the repository root.
 */
export function gitlab(results: LintResult[], { cwd }: FormatterContext): string {
  const root = reportRoot(cwd);
  const issues = results.flatMap((result) => {
    const path = pathFromRoot(result.filePath, root) ?? result.filePath;
    const keys = occurrenceKeys(result.messages);
    return result.messages.map((message, position) => ({
      description: message.message,
      check_name: message.ruleId,
      fingerprint: createHash('sha256').update(`${path}\0${keys[position]}`).digest('hex').slice(0, 32),
      severity: severity(message),
      location: { path, lines: { begin: message.line, end: message.endLine } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
