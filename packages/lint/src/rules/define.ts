import type { SyntaxRuleId } from '@baihua/core';
import { schemaFindings, type SchemaRuleId } from '../schema-findings.js';
import type { Rule, RuleExample, RuleMeta } from '../types.js';

type Examples = Rule['examples'];

/** A schema/* rule reports its share of the ajv findings for the guide. */
export function schemaRule(meta: RuleMeta & { id: SchemaRuleId }, examples: Examples): Rule {
  return {
    meta,
    examples,
    check(context) {
      for (const finding of schemaFindings(context.guide)) {
        if (finding.ruleId === meta.id) context.report(finding);
      }
    },
  };
}

/** A syntax/* rule reports the problems met while reading the file. */
export function syntaxRule(meta: Omit<RuleMeta, 'severity' | 'fatal'> & { id: SyntaxRuleId }, examples: Examples): Rule {
  return {
    meta: { ...meta, severity: 'error', fatal: true },
    examples,
    check(context) {
      for (const problem of context.guide.problems) {
        if (problem.ruleId === meta.id) context.report({ message: problem.message, range: problem.range });
      }
    },
  };
}

export type { RuleExample };
