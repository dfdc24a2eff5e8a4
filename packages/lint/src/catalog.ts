import {
  displayPath,
  guideSchema,
  lengthOf,
  readGuideModel,
  textOf,
  type FieldPath,
  type GuideModel,
  type ParsedGuide,
  type ResolvedConfig,
  type SourceRange,
} from '@baihua/core';
import { findDirectives, applyDirectiveList } from './directives.js';
import { messageFingerprint } from './fingerprint.js';
import { byPosition, summarize } from './results.js';
import { encodeSignature, signature } from './minhash.js';
import { proseWords, readableForStyle } from './plain-analysis.js';
import { rules } from './rules/index.js';
import { ruleSeverity } from './severity.js';
import type { CatalogRule, Diagnostic, GuideFacts, GuideSummary, LintResult, Located, Place } from './types.js';

const REQUIRED_FIELDS = (guideSchema as unknown as { required: string[] }).required;

const catalogRules = rules.filter((rule): rule is CatalogRule => 'checkCatalog' in rule);

const isOn = (config: ResolvedConfig, id: string) => ruleSeverity(config, id) !== undefined;

/** Whether any catalog rule is on (among `only`, when given): otherwise no summary is made. */
export function catalogRulesOn(config: ResolvedConfig, only?: string[]): boolean {
  return catalogRules.some((rule) => isOn(config, rule.meta.id) && (!only || only.includes(rule.meta.id)));
}

function placeOf(guide: ParsedGuide, range: SourceRange): Place {
  const start = guide.file.pointAt(range.start);
  const end = guide.file.pointAt(range.end);
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    range: [range.start, range.end],
  };
}

/** The string at `path` with where it is written, if it is a non-empty string. */
function located(guide: ParsedGuide, model: GuideModel, path: FieldPath, value?: string): Located | undefined {
  const text = textOf(value);
  const range = model.rangeOf(path)?.value;
  return text && range ? { value: text, at: placeOf(guide, range) } : undefined;
}

/** What the catalog rules need to know of a guide, read while the guide is linted. */
export function summarizeGuide(guide: ParsedGuide, config: ResolvedConfig): GuideSummary {
  const model = readGuideModel(guide);
  const { fields } = model;
  const firstLine = { start: 0, end: Math.max(0, guide.file.text.search(/\r|\n|$/)) };
  const title = located(guide, model, ['title'], fields.title);
  const summary: GuideSummary = {
    filePath: guide.file.path,
    at: title?.at ?? placeOf(guide, firstLine),
    related: (fields.related ?? []).flatMap((value, index) => located(guide, model, ['related', index], value) ?? []),
    facts: guideFacts(model),
    locations: (fields.locations ?? []).flatMap((location, index) => {
      const name = textOf(location?.name);
      if (!location || !name) return [];
      const address = located(guide, model, ['locations', index, 'address'], location.address);
      const phone = located(guide, model, ['locations', index, 'phone'], location.phone);
      const window = textOf(location.window);
      return [{ name, ...(window && { window }), ...(address && { address }), ...(phone && { phone }) }];
    }),
  };
  const id = located(guide, model, ['id'], fields.id);
  const basicCode = located(guide, model, ['codes', 'basic'], fields.codes?.basic);
  const implementationCode = located(guide, model, ['codes', 'implementation'], fields.codes?.implementation);
  const materials = fields.materials ?? [];
  const names = (values: Array<string | undefined>) => [...new Set(values.flatMap((value) => textOf(value) ?? []))];
  const materialNames = names(materials.map((material) => material?.name));
  const departments = names([fields.department]);
  const issuers = names(materials.map((material) => material?.issuer));
  if (materialNames.length) summary.materialNames = materialNames;
  if (departments.length) summary.departments = departments;
  if (issuers.length) summary.issuers = issuers;
  if (title) summary.title = title.value;
  if (id) summary.id = id;
  if (basicCode) summary.basicCode = basicCode;
  if (implementationCode) summary.implementationCode = implementationCode;
  if (isOn(config, 'catalog/near-duplicate') && readableForStyle(guide)) {
    const words = signature(proseWords(guide));
    if (words) summary.signature = encodeSignature(words);
  }
  const directives = findDirectives(guide);
  if (directives.length) summary.directives = directives;
  return summary;
}

function guideFacts({ fields }: GuideModel): GuideFacts {
  const category = textOf(fields.category);
  const onlineLevel = textOf(fields.online?.level);
  const promised = lengthOf(fields.time_limit?.promised);
  const statutory = lengthOf(fields.time_limit?.statutory);
  const given = fields as Record<string, unknown>;
  return {
    ...(category && { category }),
    ...(fields.reviewed && { reviewed: fields.reviewed }),
    ...(fields.visits !== undefined && { visits: fields.visits }),
    ...(onlineLevel && { onlineLevel }),
    ...(promised && { promised }),
    ...(statutory && { statutory }),
    missingRequired: REQUIRED_FIELDS.filter((key) => given[key] === undefined || given[key] === ''),
  };
}

/** A guide of the catalog: linted (with its result) or only read for reference. */
export interface CatalogMember {
  summary: GuideSummary;
  config: ResolvedConfig;
  result?: LintResult;
}

/**
 * The catalog pass: every catalog rule over the summaries; findings are added to the results of
 * the guides being linted, under each guide's own configuration and inline disables.
 */
export function runCatalogRules(members: CatalogMember[], cwd: string, only?: string[]): void {
  const bySummary = new Map(members.map((member) => [member.summary, member]));
  const found = new Map<CatalogMember, Diagnostic[]>();
  for (const rule of catalogRules) {
    const { id } = rule.meta;
    if (only && !only.includes(id)) continue;
    rule.checkCatalog({
      guides: members.map((member) => member.summary),
      reportsOn: (guide) => {
        const member = bySummary.get(guide)!;
        return member.result !== undefined && isOn(member.config, id);
      },
      options: (guide) => bySummary.get(guide)!.config.rules.get(id)?.options ?? {},
      knowsWholeCatalog: (guide) => bySummary.get(guide)!.config.catalog !== undefined,
      displayPath: (guide) => displayPath(guide.filePath, cwd),
      report: (guide, { message, at }) => {
        const member = bySummary.get(guide)!;
        if (!member.result || !isOn(member.config, id)) return;
        const severity = ruleSeverity(member.config, id)!;
        const list = found.get(member) ?? [];
        list.push({
          ruleId: id,
          severity,
          message,
          line: at.line,
          column: at.column,
          endLine: at.endLine,
          endColumn: at.endColumn,
          range: at.range,
          // The catalog pass has no text, only summaries: the message names what was found.
          fingerprint: messageFingerprint(id, message),
        });
        found.set(member, list);
      },
    });
  }
  for (const [member, diagnostics] of found) {
    const result = member.result!;
    const { kept, suppressed } = applyDirectiveList(member.summary.directives ?? [], diagnostics);
    const messages = [...result.messages, ...kept].sort(byPosition);
    Object.assign(
      result,
      summarize(result.filePath, messages, [...result.suppressedMessages, ...suppressed], result.output),
    );
  }
}
