import {
  displayPath,
  escapePointerToken,
  guideSchema,
  isJourneyPath,
  journeySchema,
  journeyService,
  lengthOf,
  planJourney,
  readGuideModel,
  readJourneyModel,
  textOf,
  unpublishedStatus,
  type FieldPath,
  type GuideModel,
  type JourneyModel,
  type JourneyPlan,
  type JourneyService,
  type ParsedGuide,
  type ResolvedConfig,
  type SourceRange,
} from '@baihua/core';
import { appliesTo } from './applies-to.js';
import { findDirectives, applyDirectiveList } from './directives.js';
import { messageFingerprint } from './fingerprint.js';
import { byPosition, summarize } from './results.js';
import { encodeSignature, signature } from './minhash.js';
import { proseWords, readableForStyle } from './plain-analysis.js';
import { rules } from './rules/index.js';
import { ruleSeverity } from './severity.js';
import type {
  CatalogRule,
  Diagnostic,
  GuideFacts,
  GuideSummary,
  JourneySummary,
  LintResult,
  Located,
  Place,
} from './types.js';

const REQUIRED_FIELDS = (guideSchema as unknown as { required: string[] }).required;
const REQUIRED_JOURNEY_FIELDS = (journeySchema as unknown as { required: string[] }).required;

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

/** The first line of a range: where a finding about a list item or a mapping goes. */
function firstLineOf(guide: ParsedGuide, range: SourceRange): SourceRange {
  const end = guide.file.text.slice(range.start, range.end).search(/\r|\n/);
  return end === -1 ? range : { start: range.start, end: range.start + end };
}

/** What the catalog rules need to know of a guide (or a journey), read while it is linted. */
export function summarizeGuide(guide: ParsedGuide, config: ResolvedConfig): GuideSummary {
  if (isJourneyPath(guide.file.path)) return summarizeJourney(guide);
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
  const itemCode = located(guide, model, ['codes', 'item'], fields.codes?.item);
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
  if (itemCode) summary.itemCode = itemCode;
  const service = journeyService(fields);
  if (service) summary.service = service;
  const unpublished = unpublishedStatus(guide.data);
  if (unpublished) summary.unpublished = unpublished;
  if (isOn(config, 'catalog/near-duplicate') && readableForStyle(guide)) {
    const words = signature(proseWords(guide));
    if (words) summary.signature = encodeSignature(words);
  }
  const directives = findDirectives(guide);
  if (directives.length) summary.directives = directives;
  return summary;
}

/**
 * A journey's summary: its id and title, and the steps, shared names and target the journey rules
 * plan it with (`planJourney`), each placed where it is written.
 */
function summarizeJourney(journey: ParsedGuide): GuideSummary {
  const model = readJourneyModel(journey);
  const { fields } = model;
  const firstLine = { start: 0, end: Math.max(0, journey.file.text.search(/\r|\n|$/)) };
  const titleRange = textOf(fields.title) ? model.rangeOf(['title'])?.value : undefined;
  const idRange = textOf(fields.id) ? model.rangeOf(['id'])?.value : undefined;
  const given = fields as Record<string, unknown>;
  const summary: GuideSummary = {
    filePath: journey.file.path,
    kind: 'journey',
    at: placeOf(journey, titleRange ?? firstLine),
    related: [],
    locations: [],
    facts: { missingRequired: REQUIRED_JOURNEY_FIELDS.filter((key) => given[key] === undefined || given[key] === '') },
    journey: journeySummary(journey, model),
  };
  if (titleRange) summary.title = textOf(fields.title);
  if (idRange) summary.id = { value: textOf(fields.id)!, at: placeOf(journey, idRange) };
  const directives = findDirectives(journey);
  if (directives.length) summary.directives = directives;
  return summary;
}

function journeySummary(journey: ParsedGuide, model: JourneyModel): JourneySummary {
  const { steps, same_materials: sameMaterials, target } = model.fields;
  const places: Record<string, Place> = {};
  const place = (path: Array<string | number>, firstLineOnly = false) => {
    const range = model.rangeOf(path as never)?.value;
    if (!range) return;
    const pointer = path.map((token) => `/${escapePointerToken(String(token))}`).join('');
    places[pointer] = placeOf(journey, firstLineOnly ? firstLineOf(journey, range) : range);
  };
  (steps ?? []).forEach((step, index) => {
    place(['steps', index], true);
    place(['steps', index, 'title']);
    (step?.guides ?? []).forEach((_, position) => {
      place(['steps', index, 'guides', position]);
    });
  });
  (sameMaterials ?? []).forEach((entry, index) => {
    place(['same_materials', index], true);
    place(['same_materials', index, 'name']);
    (entry?.also ?? []).forEach((_, position) => {
      place(['same_materials', index, 'also', position]);
    });
  });
  if (target) {
    const key = model.rangeOf(['target'])?.key;
    if (key) places['/target'] = placeOf(journey, key);
    for (const name of ['visits', 'days', 'fee'] as const) place(['target', name]);
  }
  return {
    fields: {
      ...(steps && { steps }),
      ...(sameMaterials && { same_materials: sameMaterials }),
      ...(target && { target }),
    },
    places,
  };
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

const kindOf = (summary: GuideSummary) => summary.kind ?? 'guide';

/** A guide of the catalog: linted (with its result) or only read for reference. */
export interface CatalogMember {
  summary: GuideSummary;
  config: ResolvedConfig;
  result?: LintResult;
}

/**
 * Each journey's plan over the guides, made on first request and kept for the pass: every
 * journey rule reads the same plan, and a catalog without journeys indexes no guide for them.
 */
function journeyPlans(guides: readonly GuideSummary[]): (journey: GuideSummary) => JourneyPlan | undefined {
  let services: Map<string, JourneyService> | undefined;
  const plans = new Map<GuideSummary, JourneyPlan>();
  return (journey) => {
    if (!journey.journey) return undefined;
    services ??= servicesOf(guides);
    let plan = plans.get(journey);
    if (!plan) {
      plan = planJourney(journey.journey.fields, services);
      plans.set(journey, plan);
    }
    return plan;
  };
}

/**
 * The services of a catalog's guides by id, as journeys name them (the first guide of an id). A
 * draft or a cancelled guide is not published, so a journey cannot send anyone to it.
 */
export function servicesOf(guides: readonly GuideSummary[]): Map<string, JourneyService> {
  const services = new Map<string, JourneyService>();
  for (const guide of guides) {
    if (guide.unpublished) continue;
    if (guide.service && !services.has(guide.service.id)) services.set(guide.service.id, guide.service);
  }
  return services;
}

/**
 * The catalog pass: every catalog rule over the summaries; findings are added to the results of
 * the guides being linted, under each guide's own configuration and inline disables.
 */
export function runCatalogRules(members: CatalogMember[], cwd: string, only?: string[]): void {
  const bySummary = new Map(members.map((member) => [member.summary, member]));
  const found = new Map<CatalogMember, Diagnostic[]>();
  // A journey's id names another namespace than a guide's: guide rules never see journeys.
  const guides = members.flatMap((member) => (member.summary.kind === 'journey' ? [] : [member.summary]));
  const journeys = members.flatMap((member) => (member.summary.kind === 'journey' ? [member.summary] : []));
  const planOf = journeyPlans(guides);
  for (const rule of catalogRules) {
    const { id } = rule.meta;
    if (only && !only.includes(id)) continue;
    rule.checkCatalog({
      guides,
      journeys,
      planOf,
      reportsOn: (guide) => {
        const member = bySummary.get(guide)!;
        return member.result !== undefined && isOn(member.config, id) && appliesTo(rule.meta, kindOf(guide));
      },
      options: (guide) => bySummary.get(guide)!.config.rules.get(id)?.options ?? {},
      knowsWholeCatalog: (guide) => bySummary.get(guide)!.config.catalog !== undefined,
      displayPath: (guide) => displayPath(guide.filePath, cwd),
      report: (guide, { message, at }) => {
        const member = bySummary.get(guide)!;
        if (!member.result || !isOn(member.config, id) || !appliesTo(rule.meta, kindOf(guide))) return;
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
