export type {
  Diagnostic,
  Suppression,
  Fix,
  Suggestion,
  LintResult,
  Rule,
  RuleMeta,
  RuleExample,
  RuleContext,
  ExpectedError,
  ReportInput,
  RuleReport,
  MessageData,
  GuideRule,
  CatalogRule,
  GuideSummary,
  GuideFacts,
  JourneySummary,
  DocumentKind,
} from './types.js';
export { appliesTo, documentKind } from './applies-to.js';
export { formatMessage } from './messages.js';
export { rules, rulesById } from './rules/index.js';
export { lintBytes, lintFile, checkGuide, type LintSourceOptions } from './check-guide.js';
export {
  lintFiles,
  lintRun,
  lintTogether,
  lintStdin,
  lintTexts,
  LintMemory,
  type LintFilesOptions,
  type LintTextsOptions,
  type LintRunOptions,
  type LintRun,
  type KeptGuide,
} from './run.js';
export { configForPath, configSource, recommendedConfig } from './config.js';
export { applyFixes } from './fix.js';
export { runInWorkers, type Concurrency } from './parallel.js';
export { builtinPresets, createConfigResolver } from './config.js';
export { formatters, type FormatterName, type FormatterContext } from './reporters/index.js';
export {
  markdown,
  escapeMarkdown,
  MARKDOWN_MAX_LENGTH,
  type GuideBefore,
  type MarkdownComparison,
  type MarkdownContext,
} from './reporters/markdown.js';
export { writeFileAtomic, WriteSkipped, type WriteOptions } from './write.js';
export { writeFixes } from './write-fixes.js';
export { notices, noticesById } from './notices.js';
export { runExample, verifyRuleExamples } from './tester.js';
export {
  proseSpans,
  guideReadability,
  glossaryTermUses,
  type GuideReadability,
  type GlossaryTermUse,
} from './plain-analysis.js';
export { summarize } from './results.js';
export { servicesOf } from './catalog.js';
export { ruleDocsUrl, installedRuleDocs, configuredRuleDocsUrl } from './docs-url.js';
export { explainRule, EXPLANATION_LABELS, type RuleExplanation } from './explanation.js';
export { LiveLint, type CatalogValues, type LiveLintOptions, type LiveLinted } from './live.js';
export { enumSynonyms, type EnumSynonyms } from './rule-data.js';
export {
  applyBaseline,
  recordBaseline,
  pruneBaseline,
  countOf,
  formatBaseline,
  parseBaseline,
  readBaselineFile,
  writeBaselineFile,
  type Baseline,
  type BaselineEntry,
  type BaselineOutcome,
  type BaselinePlace,
  type UnmatchedEntry,
} from './baseline.js';
