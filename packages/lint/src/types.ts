import type { ParsedGuide, SourceRange } from '@baihua/core';
import type { GuideReadability } from './plain-analysis.js';

/** A text edit: replace `range` (offsets into the file text, BOM excluded) by `text`. ESLint's shape. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

/** One finding, in the shape of an ESLint message: 1-based lines, UTF-16 columns, end exclusive. */
export interface Diagnostic {
  ruleId: string;
  /** 1 warning, 2 error */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** the range as offsets, for editors and fixes */
  range: [number, number];
  fix?: Fix;
  suggestions?: Suggestion[];
  /** the file could not be read or parsed; such problems cannot be disabled */
  fatal?: boolean;
}

export interface RuleMeta {
  /** `category/name`, the id users write in configs and disables */
  id: string;
  /** severity in the recommended preset */
  severity: 'error' | 'warn';
  /** a short Chinese title */
  title: string;
  /** why the rule exists, in Chinese */
  description: string;
  /** how to fix a finding, in Chinese */
  howToFix: string;
  /** `fix`: `--fix` may apply it; `suggestion`: shown, never applied automatically */
  fixable?: 'fix' | 'suggestion';
  /** JSON Schema of the rule's options */
  options?: Record<string, unknown>;
  /** problems that stop a file from being read; always errors, never disabled */
  fatal?: boolean;
}

export interface ExpectedError {
  message?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A rule example: documentation for `baihua explain` and a test case for the rule tester. */
export interface RuleExample {
  /** what the example shows, in Chinese */
  title: string;
  /** file name, which sets the format (`guide.md` by default) */
  filename?: string;
  code: string;
  options?: Record<string, unknown>;
  /** for bad examples: exactly the findings expected */
  errors?: ExpectedError[];
  /** for bad examples of fixable rules: the text after `--fix` */
  output?: string;
}

export interface ReportInput {
  message: string;
  range: SourceRange;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** a severity that depends on where the finding is (catch-all wording in a material list) */
  severity?: 'error' | 'warn';
}

export interface RuleContext {
  guide: ParsedGuide;
  options: Record<string, unknown>;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  check(context: RuleContext): void;
}

/** The result for one file, ESLint-compatible. */
export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  suppressedMessages: Diagnostic[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** the fixed text, when fixes were applied */
  output?: string;
  /** readability of the guide and of each section, when plain-language rules ran */
  stats?: GuideStats;
}

export interface GuideStats {
  readability: GuideReadability;
}
