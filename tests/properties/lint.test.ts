import { decodeGuide, mergeLayers, parseGuide, SourceFile } from '@baihua/core';
import {
  applyFixes,
  builtinPresets,
  lintBytes,
  lintTogether,
  recommendedConfig,
  rulesById,
  type Diagnostic,
  type Fix,
  type LintResult,
} from '@baihua/lint';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { anyInput, fixableInput, guideBytes, type GuideInput } from './guides.js';
import { propertyTest } from './runner.js';

const config = recommendedConfig();
/** The other typography profile: it adds the spaces between Chinese and Latin that the default removes. */
const technicalConfig = mergeLayers([
  { path: 'recommended', data: builtinPresets.recommended!, locate: () => undefined },
  {
    path: 'technical',
    data: { rules: { 'plain/typography': ['warn', { profile: 'technical' }] } },
    locate: () => undefined,
  },
]);
/** By name, so that a counterexample prints which. */
const configs = { recommended: config, technical: technicalConfig };
const configName = fc.constantFrom('recommended' as const, 'technical' as const);

/** Everything wrong with one diagnostic's place and shape, as readable lines (none when it is right). */
function diagnosticFaults(file: SourceFile, lines: number, message: Diagnostic): string[] {
  const faults: string[] = [];
  const length = file.text.length;
  const [start, end] = message.range;
  const where = `${message.ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} [${start}, ${end})`;
  if (!rulesById.has(message.ruleId)) faults.push(`${where}: no such rule`);
  if (message.severity !== 1 && message.severity !== 2) faults.push(`${where}: severity ${String(message.severity)}`);
  if (!message.message) faults.push(`${where}: empty message`);
  if (!(0 <= start && start <= end && end <= length))
    faults.push(`${where}: range outside the text of length ${length}`);
  if (!(1 <= message.line && message.line <= lines && 1 <= message.column))
    faults.push(`${where}: start outside the ${lines} lines`);
  if (!(message.line <= message.endLine && message.endLine <= lines && 1 <= message.endColumn))
    faults.push(`${where}: end outside the ${lines} lines or before the start`);
  const startPoint = file.pointAt(start);
  const endPoint = file.pointAt(end);
  if (startPoint.line !== message.line || startPoint.column !== message.column)
    faults.push(`${where}: range starts at ${startPoint.line}:${startPoint.column}`);
  if (endPoint.line !== message.endLine || endPoint.column !== message.endColumn)
    faults.push(`${where}: range ends at ${endPoint.line}:${endPoint.column}`);
  for (const fix of [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
    if (fix && !(0 <= fix.range[0] && fix.range[0] <= fix.range[1] && fix.range[1] <= length))
      faults.push(`${where}: fix range [${fix.range.join(', ')}] outside the text`);
  }
  return faults;
}

/** Checks a lint result against the text it was made from: places, counts, and fatal problems reported. */
function expectSoundResult(result: LintResult, name: string, bytes: Uint8Array): void {
  const read = decodeGuide(name, bytes);
  const lines = read.file.text.split(/\r\n|\r|\n/).length;
  const faults = [...result.messages, ...result.suppressedMessages].flatMap((message) =>
    diagnosticFaults(read.file, lines, message),
  );
  expect(faults).toEqual([]);
  const { messages } = result;
  expect(result.errorCount).toBe(messages.filter((message) => message.severity === 2).length);
  expect(result.warningCount).toBe(messages.filter((message) => message.severity === 1).length);
  expect(result.fatalErrorCount).toBe(messages.filter((message) => message.fatal).length);
  expect(result.fixableErrorCount + result.fixableWarningCount).toBe(messages.filter((message) => message.fix).length);
  // A file that cannot be read or parsed says so, at error level, and never silently.
  const guide = read.problem ? undefined : parseGuide(read.file);
  const problems = read.problem ? [read.problem] : guide!.problems;
  for (const problem of problems) {
    expect(
      messages.some((message) => message.ruleId === problem.ruleId && message.fatal && message.severity === 2),
      `${problem.ruleId} reported`,
    ).toBe(true);
  }
  for (const message of messages)
    if (message.fatal) expect(problems.map((problem) => problem.ruleId)).toContain(message.ruleId);
  // Output or a diagnostic: a file without errors is a guide, with the id and title its pages are built from.
  if (result.errorCount === 0) expect(guide?.data).toMatchObject({ id: expect.any(String), title: expect.any(String) });
}

describe('linting any input', () => {
  propertyTest(
    'never throws, and places every finding inside the file',
    fc.record({ input: anyInput, config: configName }),
    ({ input }) => guideBytes(input),
    ({ input, config }) => {
      const bytes = guideBytes(input);
      expectSoundResult(lintBytes(input.name, bytes, { config: configs[config] }), input.name, bytes);
    },
    { runs: 300 },
  );

  const catalog = fc
    .array(fixableInput, { minLength: 2, maxLength: 4 })
    .map((inputs) => inputs.map((input, index) => ({ ...input, name: `${index}-${input.name}` })));
  const catalogBytes = (inputs: GuideInput[]) => Buffer.concat(inputs.map(guideBytes));
  propertyTest(
    'lints guides together (catalog rules) without throwing, every finding inside its own file',
    catalog,
    catalogBytes,
    (inputs) => {
      const sources = inputs.map((input) => ({ filePath: input.name, text: guideBytes(input).toString('utf8') }));
      const results = lintTogether(sources, { config });
      expect(results.map((result) => result.filePath)).toEqual(sources.map((source) => source.filePath));
      for (const [index, result] of results.entries()) {
        expectSoundResult(result, sources[index]!.filePath, Buffer.from(sources[index]!.text, 'utf8'));
      }
    },
    { runs: 40 },
  );
});

/** The fix loop's passes, as the engine runs them (check-guide.ts MAX_FIX_PASSES). */
const MAX_FIX_PASSES = 10;

function syntaxRuleIds(name: string, text: string): string[] {
  return [...new Set(parseGuide(new SourceFile(name, text)).problems.map((problem) => problem.ruleId))].sort();
}

/** Fixes that overlap, or two insertions at one place (their order would be a guess). */
function overlappingFixes(fixes: Fix[]): string[] {
  const ordered = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return ordered.slice(1).flatMap((fix, index) => {
    const previous = ordered[index]!;
    const overlaps =
      fix.range[0] < previous.range[1] ||
      (fix.range[0] === previous.range[0] && fix.range[0] === fix.range[1] && previous.range[0] === previous.range[1]);
    return overlaps ? [`${JSON.stringify(previous)} and ${JSON.stringify(fix)}`] : [];
  });
}

let examplesWithFixes = 0;

describe('fixing', () => {
  const withProfile = fc.record({ input: fixableInput, config: configName });
  propertyTest(
    'fixes never overlap, change only their ranges, end in a fixed point and leave a guide that parses',
    withProfile,
    ({ input }) => guideBytes(input),
    ({ input, config: name }) => {
      const config = configs[name];
      const bytes = guideBytes(input);
      const read = decodeGuide(input.name, bytes);
      if (read.problem) return; // a file that cannot be read is never fixed
      const original = read.file.text;
      let text = original;
      // The engine's fix loop, pass by pass, checking each pass's fixes.
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixable = lintBytes(input.name, Buffer.from(read.file.withBom(text), 'utf8'), { config }).messages.filter(
          (message) => message.fix,
        );
        if (fixable.length === 0) break;
        if (pass === 0) examplesWithFixes++;
        const fixes = fixable.map((message) => message.fix!);
        expect(overlappingFixes(fixes), `pass ${pass + 1}`).toEqual([]);
        for (const message of fixable) {
          const {
            range: [start, end],
            text: replacement,
          } = message.fix!;
          const where = `pass ${pass + 1}: ${message.ruleId} ${message.line}:${message.column} ${JSON.stringify(message.fix)}`;
          expect(text.slice(start, end), `${where} changes nothing`).not.toBe(replacement);
          expect(
            message.range[0] <= start && end <= message.range[1],
            `${where} reaches outside its finding [${message.range.join(', ')}]`,
          ).toBe(true);
          const alone = applyFixes(text, [message.fix!]).text;
          expect(alone.slice(0, start), where).toBe(text.slice(0, start));
          expect(alone.slice(start + replacement.length), where).toBe(text.slice(end));
        }
        // An insertion right where another fix ends waits for the next pass (applyFixes); the rest apply now.
        const fixed = applyFixes(text, fixes);
        expect(fixed.applied).toBeGreaterThan(0);
        text = fixed.text;
      }

      const run = lintBytes(input.name, bytes, { config, fix: true });
      expect(run.output ?? read.file.withBom(original)).toBe(read.file.withBom(text));
      expect(run.messages.filter((message) => message.fix)).toEqual([]);
      // Idempotent: fixing the output changes nothing and finds what the fix run reported.
      const output = run.output ?? read.file.withBom(original);
      const again = lintBytes(input.name, Buffer.from(output, 'utf8'), { config, fix: true });
      expect(again.output).toBeUndefined();
      expect(again.messages).toEqual(run.messages);
      // The fixes broke nothing: no syntax problem the guide did not have before.
      const before = syntaxRuleIds(input.name, original);
      for (const ruleId of syntaxRuleIds(input.name, text))
        expect(before, `the fixes introduced ${ruleId}`).toContain(ruleId);
    },
    {
      runs: 150,
      after: (runs) => expect(examplesWithFixes, `examples with fixes, of ${runs}`).toBeGreaterThan(runs / 4),
    },
  );
});
