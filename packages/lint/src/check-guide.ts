/**
 * Checking one guide: every rule over its parsed text, inline disables, the fix loop, the counts
 * and readability, and the summary the catalog rules will read. Nothing here knows of other
 * guides, files on disk beyond the one read, caches or threads (those are `run.ts`).
 */
import {
  decodeGuide,
  parseGuide,
  readGuideFile,
  SourceFile,
  type ParsedGuide,
  type ParseProblem,
  type ResolvedConfig,
} from '@baihua/core';
import { appliesTo, documentKind } from './applies-to.js';
import { catalogRulesOn, summarizeGuide } from './catalog.js';
import { applyDirectives } from './directives.js';
import { findingFingerprint, messageFingerprint } from './fingerprint.js';
import { applyFixes } from './fix.js';
import { guideReadability, readableForStyle } from './plain-analysis.js';
import { rules, rulesById } from './rules/index.js';
import { byPosition, summarize } from './results.js';
import { ruleSeverity, severityOfLevel } from './severity.js';
import { contentDigest } from './write.js';
import { DRAFT_RULE, draftReport, draftStatus } from './drafts.js';
import { formatMessage } from './messages.js';
import type { Absent, Diagnostic, Linted, LintResult, ReportInput, Rule } from './types.js';

/** Fixes can enable further fixes (ESLint does the same); ten passes is plenty for a guide. */
const MAX_FIX_PASSES = 10;

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** apply `fix`-level fixes and return the fixed text as `output` */
  fix?: boolean;
  /** only run these rules (the rule tester uses this) */
  only?: string[];
  /** hand back the parsed guide (of the fixed text, after fixes) as `guide`, for rendering */
  keepGuide?: boolean;
}

/** A guide that could not be read: no fields, no body, only the problem. */
export function problemGuide(file: SourceFile, problem: ParseProblem): ParsedGuide {
  return {
    file,
    format: 'markdown',
    data: undefined,
    yaml: undefined,
    frontMatter: undefined,
    body: undefined,
    texts: [],
    problems: [problem],
  };
}

/** Runs every enabled rule that checks this kind of file over a parsed guide or journey. */
export function checkGuide(guide: ParsedGuide, options: Pick<LintSourceOptions, 'config' | 'only'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const kind = documentKind(guide.file.path);
  // A file that could not be read whole (no front matter found, broken YAML) gets no fixes: what
  // looks like prose there may be fields, and `--fix` would rewrite them.
  const fixable = guide.problems.length === 0;
  const enabled = (rule: Rule) => {
    const { id, fatal } = rule.meta;
    if ((options.only && !options.only.includes(id)) || !appliesTo(rule.meta, kind)) return undefined;
    return ruleSeverity(options.config, id, fatal);
  };
  const reporter = (rule: Rule, severity: 1 | 2) => (input: ReportInput) => {
    const { id, fatal } = rule.meta;
    const start = guide.file.pointAt(input.range.start);
    const end = guide.file.pointAt(input.range.end);
    diagnostics.push({
      ruleId: id,
      severity: input.severity ? severityOfLevel(input.severity) : severity,
      message: input.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      range: [input.range.start, input.range.end],
      ...(input.fix && fixable && rule.meta.fixable === 'fix' && { fix: input.fix }),
      ...(input.suggestions?.length && { suggestions: input.suggestions }),
      ...(fatal && { fatal: true }),
      fingerprint: findingFingerprint(id, guide.file.text, [input.range.start, input.range.end]),
    });
  };
  // A draft's missing and empty things go into one finding of DRAFT_RULE, when that rule is on.
  const draftRule = rulesById.get(DRAFT_RULE)!;
  const draftSeverity = enabled(draftRule);
  const draftAt = kind === 'guide' && draftSeverity !== undefined ? draftStatus(guide) : undefined;
  const absent: Absent[] = [];
  for (const rule of rules) {
    if (!('check' in rule)) continue;
    const severity = enabled(rule);
    if (severity === undefined) continue;
    const report = reporter(rule, severity);
    const folded = (input: ReportInput) => {
      if (draftAt && input.absent?.length) absent.push(...input.absent);
      else report(input);
    };
    try {
      rule.check({ guide, options: options.config.rules.get(rule.meta.id)?.options ?? {}, report: folded });
    } catch (error) {
      // A bug in one rule costs that rule's findings, not the guide's other findings (nor the
      // language server): it is reported where it can be seen and sent back to us.
      diagnostics.push(ruleFailure(rule.meta.id, error));
    }
  }
  const summary = draftAt && draftReport(guide, draftAt, absent);
  if (summary && draftSeverity !== undefined) {
    const { messageId, data, ...rest } = summary;
    reporter(draftRule, draftSeverity)({ ...rest, message: formatMessage(draftRule.meta.messages[messageId]!, data) });
  }
  return diagnostics.sort(byPosition);
}

function ruleFailure(ruleId: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `规则 ${ruleId} 检查这份指南时出错（${reason}），它的检查结果不全；其他规则不受影响。请把这份指南和这条消息报告给白话的维护者`;
  return {
    ruleId,
    severity: 2,
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: [0, 0],
    fatal: true,
    fingerprint: messageFingerprint(ruleId, message),
  };
}

function lintGuide(
  guide: ParsedGuide,
  options: LintSourceOptions,
): { messages: Diagnostic[]; suppressed: Diagnostic[] } {
  const { kept, suppressed } = applyDirectives(guide, checkGuide(guide, options));
  return { messages: kept, suppressed };
}

/**
 * Lints the bytes of one guide on its own, without the catalog rules (they need the other guides:
 * `lintTogether`, `lintStdin` and `lintFiles` run them).
 */
export function lintBytes(filePath: string, bytes: Uint8Array, options: LintSourceOptions): LintResult {
  const read = decodeGuide(filePath, bytes);
  return lintRead(filePath, read.file, read.problem, options).result;
}

/** Lints one guide file on disk on its own, without the catalog rules. */
export function lintFile(filePath: string, options: LintSourceOptions): LintResult {
  const read = readGuideFile(filePath);
  return lintRead(filePath, read.file, read.problem, options).result;
}

/** Lints a guide as read (its text, or the problem that stopped the reading), fixing it when asked. */
export function lintRead(
  filePath: string,
  file: SourceFile,
  problem: ParseProblem | undefined,
  options: LintSourceOptions,
): Linted {
  let guide = problem ? problemGuide(file, problem) : parseGuide(file);
  let { messages, suppressed } = lintGuide(guide, options);
  let output: string | undefined;
  if (options.fix && !problem) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(guide.file.text, fixes);
      if (fixed.applied === 0 || fixed.text === guide.file.text) break;
      // With the file's BOM, so that a second U+FEFF at the start stays text, as it was read.
      guide = parseGuide(new SourceFile(filePath, file.withBom(fixed.text)));
      ({ messages, suppressed } = lintGuide(guide, options));
      output = file.withBom(fixed.text);
    }
  }
  const result = {
    ...summarize(filePath, messages, suppressed, output),
    ...(output !== undefined && { sourceDigest: contentDigest(file.withBom(file.text)) }),
    ...statsFor(guide, options.config),
  };
  const summary = catalogRulesOn(options.config, options.only) ? summarizeGuide(guide, options.config) : undefined;
  return { ...detached({ result, ...(summary && { summary }) }), ...(options.keepGuide && { guide }) };
}

/**
 * A copy whose strings no longer point into the guide's text. V8 keeps a substring (a title cut
 * from the file, a message built around it) as a view of the string it came from, so results
 * and summaries kept for a whole catalog would otherwise keep every guide's text alive.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Readability is reported whenever the plain-language rules look at a guide. */
function statsFor(guide: ParsedGuide, config: ResolvedConfig): Pick<LintResult, 'stats'> {
  const plainEnabled = [...config.rules.keys()].some(
    (id) => id.startsWith('plain/') && ruleSeverity(config, id) !== undefined,
  );
  if (!plainEnabled || !readableForStyle(guide)) return {};
  return { stats: { readability: guideReadability(guide) } };
}
