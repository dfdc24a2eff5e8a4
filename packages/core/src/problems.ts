import type { SourceRange } from './source.js';

/**
 * A problem found while reading a file, before any rule runs: bad encoding, YAML syntax, a
 * duplicate key. Lint turns each into a diagnostic under its rule id (`syntax/yaml`, …).
 */
export interface ParseProblem {
  ruleId: SyntaxRuleId;
  message: string;
  range: SourceRange;
}

export type SyntaxRuleId =
  | 'syntax/encoding'
  | 'syntax/too-large'
  | 'syntax/empty'
  | 'syntax/front-matter'
  | 'syntax/yaml'
  | 'syntax/markdown'
  | 'syntax/duplicate-key';
