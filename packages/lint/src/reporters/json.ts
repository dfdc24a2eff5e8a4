import type { Diagnostic, LintResult } from '../types.js';

/** ESLint's message shape: the internal offset range travels only inside fixes. */
function message({ range: _range, ...rest }: Diagnostic): Omit<Diagnostic, 'range'> {
  return rest;
}

/** ESLint-compatible JSON, so existing ESLint tooling can read it. */
export function json(results: LintResult[]): string {
  return `${JSON.stringify(
    results.map(({ sourceDigest: _digest, ...result }) => ({
      ...result,
      messages: result.messages.map(message),
      suppressedMessages: result.suppressedMessages.map(message),
    })),
  )}\n`;
}
