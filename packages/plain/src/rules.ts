import type { AnalyzedDocument } from './document.js';
import type { Finding, PlainRuleId } from './findings.js';
import { withDefaults } from './rule-options.js';
import { PLAIN_RULES } from './rules/index.js';

export type RuleOptions = Record<string, unknown>;

/**
 * Findings of one rule in every text of a document (index = text index). `options` are those
 * configured (checked against the rule's options schema); the others take the schema's defaults.
 */
export function checkRule(doc: AnalyzedDocument, rule: PlainRuleId, options: RuleOptions = {}): Finding[][] {
  const { find, options: schema } = PLAIN_RULES[rule];
  return doc.split(find(doc, withDefaults<never>(schema, options)));
}
