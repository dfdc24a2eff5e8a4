import type { ResolvedConfig } from '@baihua/core';

/** A diagnostic's severity, ESLint's numbers: 1 warning, 2 error. */
export type DiagnosticSeverity = 1 | 2;

/** The severity a level written in a configuration or by a rule gives a diagnostic. */
export function severityOfLevel(level: 'error' | 'warn'): DiagnosticSeverity {
  return level === 'error' ? 2 : 1;
}

/**
 * The one place where a configuration's setting becomes a severity: the rule's findings get this
 * one, or none at all (`off`, or not configured) when undefined. A fatal rule is always an error.
 */
export function ruleSeverity(config: ResolvedConfig, ruleId: string, fatal = false): DiagnosticSeverity | undefined {
  if (fatal) return 2;
  const setting = config.rules.get(ruleId);
  if (!setting || setting.severity === 'off') return undefined;
  return severityOfLevel(setting.severity);
}
