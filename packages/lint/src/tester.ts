import { mergeLayers, type RuleSetting } from '@baihua/core';
import { lintTogether } from './run.js';
import { formatMessage, unfilledPlaceholders } from './messages.js';
import type { Diagnostic, ExpectedError, Rule, RuleExample } from './types.js';

/** Lints an example with only its rule switched on, as the rule tester and `baihua explain` do. */
export function runExample(
  rule: Rule,
  example: RuleExample,
  fix = false,
): { diagnostics: Diagnostic[]; output: string } {
  const setting: RuleSetting = example.options ? [rule.meta.severity, example.options] : rule.meta.severity;
  // An example's guides are its whole catalog, as if `catalog:` listed exactly them.
  const config = mergeLayers([
    { path: 'example', data: { rules: { [rule.meta.id]: setting }, catalog: [] }, locate: () => undefined },
  ]);
  const sources = [
    { filePath: example.filename ?? 'guide.md', text: example.code },
    ...(example.catalog ?? []).map(({ filename, code }) => ({ filePath: filename, text: code })),
  ];
  const [result] = lintTogether(sources, { config, only: [rule.meta.id], fix });
  return { diagnostics: result!.messages, output: result!.output ?? example.code };
}

/**
 * Checks a rule against its own examples, like textlint's and ESLint's rule testers: good
 * examples report nothing, bad ones report exactly the expected findings (message ids, with their
 * data where given, and places), every message reads without an unfilled placeholder, and fixes
 * produce the expected text, once (running --fix again changes nothing). Returns the mismatches.
 */
export function verifyRuleExamples(rule: Rule): string[] {
  const failures: string[] = [];
  const { valid, invalid } = rule.examples;
  if (valid.length === 0 || invalid.length === 0)
    failures.push(`${rule.meta.id}: needs at least one good and one bad example`);
  for (const example of valid) {
    const { diagnostics } = runExample(rule, example);
    if (diagnostics.length)
      failures.push(`good example “${example.title}” reports: ${diagnostics.map(describe).join('; ')}`);
  }
  for (const example of invalid) {
    const { diagnostics } = runExample(rule, example);
    const expected = example.errors ?? [];
    if (expected.length === 0) failures.push(`bad example “${example.title}” lists no expected errors`);
    if (diagnostics.length !== expected.length) {
      failures.push(
        `bad example “${example.title}”: expected ${expected.length} findings, got ${diagnostics.length}: ${diagnostics.map(describe).join('; ')}`,
      );
      continue;
    }
    expected.forEach((want, index) => {
      const got = diagnostics[index]!;
      const mismatch =
        !hasMessage(rule, want, got.message) ||
        want.line !== got.line ||
        want.column !== got.column ||
        (want.endLine !== undefined && want.endLine !== got.endLine) ||
        (want.endColumn !== undefined && want.endColumn !== got.endColumn);
      if (mismatch)
        failures.push(
          `bad example “${example.title}” finding ${index + 1}: expected ${JSON.stringify(want)}, got ${describe(got)}`,
        );
      const unfilled = unfilledPlaceholders(got.message);
      if (unfilled.length) {
        failures.push(`bad example “${example.title}” finding ${index + 1}: no data for ${unfilled.join(' ')}`);
      }
    });
    const { output } = runExample(rule, example, true);
    const wanted = example.output ?? example.code;
    if (output !== wanted)
      failures.push(
        `bad example “${example.title}”: fixed output differs:\n--- expected\n${wanted}\n--- actual\n${output}`,
      );
    if (example.output !== undefined && runExample(rule, { ...example, code: output }, true).output !== output) {
      failures.push(`bad example “${example.title}”: --fix is not idempotent`);
    }
  }
  return failures;
}

/**
 * Whether a message is the expected one: the expected id's template filled with the expected
 * data, any placeholder the example gives no data for standing for any text.
 */
function hasMessage(rule: Rule, want: ExpectedError, message: string): boolean {
  const template = rule.meta.messages[want.messageId];
  if (template === undefined) return false;
  const pieces = formatMessage(template, want.data)
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('[^]*')}$`).test(message);
}

function describe(diagnostic: Diagnostic): string {
  return `${diagnostic.line}:${diagnostic.column}-${diagnostic.endLine}:${diagnostic.endColumn} ${diagnostic.message}`;
}
