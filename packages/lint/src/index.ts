export type { Diagnostic, Fix, Suggestion, LintResult, Rule, RuleMeta, RuleExample, RuleContext, ExpectedError, ReportInput } from './types.js';
export { rules, rulesById } from './rules/index.js';
export { lintBytes, lintFile, lintFiles, checkGuide, configForPath, recommendedConfig, summarize, type LintFilesOptions, type LintSourceOptions } from './engine.js';
export { applyFixes } from './fix.js';
export { builtinPresets, checkLayer, createConfigResolver } from './config.js';
export { formatters, type FormatterName, type FormatterContext } from './reporters/index.js';
export { writeFileAtomic } from './write.js';
export { runExample, verifyRuleExamples } from './tester.js';
export { proseSpans, guideReadability, type GuideReadability } from './plain-analysis.js';
