import { readGuideModel, type GuideModel, type SyntaxRuleId } from '@baihua/core';
import type { PlainRuleId } from '@baihua/plain';
import { plainFindings } from '../plain-analysis.js';
import { schemaFindings, type SchemaRuleId } from '../schema-findings.js';
import type { Rule, RuleContext, RuleExample, RuleMeta } from '../types.js';

type Examples = Rule['examples'];

/** The options of the word-list rules: words a catalog decides to allow. */
export const ALLOW_OPTION = { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false };

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

/** A plain/* rule: the @baihua/plain findings of the guide's prose, placed in the file. */
export function plainRule(
  meta: RuleMeta & { id: PlainRuleId },
  examples: Examples,
  /** a severity that depends on the field, e.g. catch-all wording is an error in material lists */
  severityAt?: (pointer: string) => 'error' | 'warn' | undefined,
): Rule {
  return {
    meta,
    examples,
    check({ guide, options, report }) {
      for (const { finding, pointer, range, verbatim } of plainFindings(guide, meta.id, options)) {
        const edit = (text: string) => ({ range: [range.start, range.end] as [number, number], text });
        // A replacement is applied only where the file holds exactly the words found (not
        // across an escape, a folded line or Markdown markup).
        const fix = finding.fix !== undefined && verbatim ? edit(finding.fix) : undefined;
        const suggestions = verbatim ? finding.suggestions.filter((text) => text !== finding.fix).map((text) => ({ desc: `改为「${text}」`, fix: edit(text) })) : [];
        const severity = severityAt?.(pointer);
        report({ message: finding.message, range, ...(fix && { fix }), ...(suggestions.length && { suggestions }), ...(severity && { severity }) });
      }
    },
  };
}

export interface PolicyContext extends RuleContext {
  /** the guide's fields and where each is written (a policy rule runs only when the YAML could be read) */
  model: GuideModel;
}

/** A policy/* rule: a check across the guide's fields that the schema cannot express. */
export function policyRule(meta: RuleMeta, examples: Examples, check: (context: PolicyContext) => void): Rule {
  return {
    meta,
    examples,
    check(context) {
      const model = readGuideModel(context.guide);
      if (model.hasFields) check({ ...context, model });
    },
  };
}
