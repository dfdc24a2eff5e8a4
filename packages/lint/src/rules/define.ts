import { readGuideModel, type GuideModel, type ParsedGuide, type SyntaxRuleId } from '@baihua/core';
import { PLAIN_RULES, withDefaults, type PlainRuleId } from '@baihua/plain';
import { plainFindings } from '../plain-analysis.js';
import { SCHEMA_MESSAGES, schemaFindings, type SchemaRuleId } from '../schema-findings.js';
import { formatMessage } from '../messages.js';
import { ruleDocsUrl } from '../docs-url.js';
import type {
  CatalogContext,
  CatalogRule,
  GuideRule,
  GuideSummary,
  MessageData,
  Place,
  ReportInput,
  RuleExample,
  RuleMeta,
  RuleReport,
} from '../types.js';

type Examples = GuideRule['examples'];

/** What a rule module writes: its meta without the parts derived from the id. */
export type RuleMetaInput = Omit<RuleMeta, 'docs'>;

/** What a rule's check receives: the guide, its options with the defaults filled in, and `report`. */
export interface Context<Options> {
  guide: ParsedGuide;
  options: Options;
  report(report: RuleReport): void;
}

/** No options: a rule without an options schema. */
export type NoOptions = Record<string, never>;

function completeMeta(meta: RuleMetaInput): RuleMeta {
  return { ...meta, docs: { url: ruleDocsUrl(meta.id) } };
}

/** Renders a rule's report for the engine; an unknown message id is a mistake in the rule. */
function rendered(meta: RuleMeta, { messageId, data, ...rest }: RuleReport): ReportInput {
  return { ...rest, message: renderMessage(meta, messageId, data) };
}

function renderMessage(meta: RuleMeta, messageId: string, data: MessageData | undefined): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id}: no message "${messageId}"`);
  return formatMessage(template, data);
}

/**
 * A rule that looks at one guide, in ESLint's shape: `meta` (messages by id, options schema with
 * defaults, fixability), examples, and a check that reports message ids with their data.
 */
export function defineRule<Options = NoOptions>(definition: {
  meta: RuleMetaInput;
  examples: Examples;
  check(context: Context<Options>): void;
}): GuideRule {
  const meta = completeMeta(definition.meta);
  return {
    meta,
    examples: definition.examples,
    check(context) {
      definition.check({
        guide: context.guide,
        options: withDefaults<Options>(definition.meta.options, context.options),
        report: (report) => context.report(rendered(meta, report)),
      });
    },
  };
}

/** What a catalog rule's check receives: `CatalogContext` with typed options and messages by id. */
export interface CatalogRuleContext<Options> extends Omit<CatalogContext, 'options' | 'report'> {
  options(guide: GuideSummary): Options;
  report(guide: GuideSummary, finding: { messageId: string; data?: MessageData; at: Place }): void;
}

/** A rule that looks across the guides of a catalog, through their summaries. */
export function defineCatalogRule<Options = NoOptions>(definition: {
  meta: RuleMetaInput;
  examples: Examples;
  checkCatalog(context: CatalogRuleContext<Options>): void;
}): CatalogRule {
  const meta = completeMeta(definition.meta);
  return {
    meta,
    examples: definition.examples,
    checkCatalog(context) {
      definition.checkCatalog({
        guides: context.guides,
        journeys: context.journeys,
        planOf: (journey) => context.planOf(journey),
        reportsOn: (guide) => context.reportsOn(guide),
        knowsWholeCatalog: (guide) => context.knowsWholeCatalog(guide),
        displayPath: (guide) => context.displayPath(guide),
        options: (guide) => withDefaults<Options>(definition.meta.options, context.options(guide)),
        report: (guide, { messageId, data, at }) =>
          context.report(guide, { message: renderMessage(meta, messageId, data), at }),
      });
    },
  };
}

/** A schema/* rule reports its share of the ajv findings for the guide. */
export function schemaRule(
  meta: Omit<RuleMetaInput, 'messages'> & { id: SchemaRuleId },
  examples: Examples,
): GuideRule {
  return defineRule({
    meta: { ...meta, messages: SCHEMA_MESSAGES[meta.id] },
    examples,
    check(context) {
      for (const { ruleId, ...finding } of schemaFindings(context.guide)) {
        if (ruleId === meta.id) context.report(finding);
      }
    },
  });
}

/**
 * A syntax/* rule reports the problems met while reading the file. Their messages are written by
 * @baihua/core's parser, which reads the file before any rule runs.
 */
export function syntaxRule(
  meta: Omit<RuleMetaInput, 'severity' | 'fatal' | 'messages'> & { id: SyntaxRuleId },
  examples: Examples,
): GuideRule {
  return defineRule({
    meta: { ...meta, severity: 'error', fatal: true, messages: { problem: '{{problem}}' } },
    examples,
    check(context) {
      for (const problem of context.guide.problems) {
        if (problem.ruleId === meta.id)
          context.report({ messageId: 'problem', data: { problem: problem.message }, range: problem.range });
      }
    },
  });
}

export type { RuleExample };

/**
 * A plain/* rule: the @baihua/plain findings of the guide's prose, placed in the file. Its
 * messages and options schema are the plain rule's own (`PLAIN_RULES`).
 */
export function plainRule(
  meta: Omit<RuleMetaInput, 'messages' | 'options'> & { id: PlainRuleId },
  examples: Examples,
  /** a severity that depends on the field, e.g. catch-all wording is an error in material lists */
  severityAt?: (pointer: string) => 'error' | 'warn' | undefined,
): GuideRule {
  const { messages, options } = PLAIN_RULES[meta.id];
  const full = completeMeta({ ...meta, messages, options });
  return {
    meta: full,
    examples,
    check({ guide, options: configured, report }) {
      // @baihua/plain fills in the defaults itself: its findings are cached by the options configured.
      for (const { finding, pointer, range, verbatim } of plainFindings(guide, meta.id, configured)) {
        const edit = (text: string) => ({ range: [range.start, range.end] as [number, number], text });
        // A replacement is applied only where the file holds exactly the words found (not
        // across an escape, a folded line or Markdown markup).
        const fix = finding.fix !== undefined && verbatim ? edit(finding.fix) : undefined;
        const suggestions = verbatim
          ? finding.suggestions
              .filter((text) => text !== finding.fix)
              .map((text) => ({ desc: `改为「${text}」`, fix: edit(text) }))
          : [];
        const severity = severityAt?.(pointer);
        report(
          rendered(full, {
            messageId: finding.messageId,
            data: finding.data,
            range,
            ...(fix && { fix }),
            ...(suggestions.length && { suggestions }),
            ...(severity && { severity }),
          }),
        );
      }
    },
  };
}

export interface PolicyContext<Options> extends Context<Options> {
  /** the guide's fields and where each is written (a policy rule runs only when the YAML could be read) */
  model: GuideModel;
}

/**
 * A policy/* rule: a check across the guide's fields that the schema cannot express. A journey
 * (一件事) has none of those fields: policy rules check guides only.
 */
export function policyRule<Options = NoOptions>(
  meta: RuleMetaInput,
  examples: Examples,
  check: (context: PolicyContext<Options>) => void,
): GuideRule {
  return defineRule<Options>({
    meta: { appliesTo: ['guide'], ...meta },
    examples,
    check(context) {
      const model = readGuideModel(context.guide);
      if (model.hasFields) check({ ...context, model });
    },
  });
}
