import { createHash } from 'node:crypto';
import {
  readGuideModel,
  readJourneyModel,
  textOf,
  type GuideFields,
  type JourneyPlan,
  type Lenient,
  type Material,
  type ParsedGuide,
} from '@baihua/core';
import { bodyTree, withTermsMarked, type TermMark } from './body.js';
import {
  fees,
  isoDate,
  legalBasis,
  optionalTexts,
  phoneNumber,
  timeLimit,
  type Fees,
  type PhoneNumber,
  type TimeLimit,
} from './bundle-fields.js';
import { richTextBody, type RichTextNode } from './rich-text.js';
import type { JourneyView } from './journey-view.js';
import type { GuideView } from './view.js';

/**
 * The version of the bundle's contract (schema/bundle.schema.json). A change that can break a
 * reader (a field removed, renamed or changing type or meaning) bumps the major version; a field
 * added bumps the minor version; a fix of a description, the patch.
 */
export const BUNDLE_SCHEMA_VERSION = '1.2.0';

/** A guide's readability as the lint run graded it: a score 0–100 and its band, or no score (无法评分). */
export interface ReadabilityGrade {
  score: number | null;
  band: string;
}

/** One guide in the manifest: what a portal lists and what tells it which guide files changed. */
export interface ManifestEntry {
  id: string;
  codes: { basic?: string; implementation?: string; item?: string };
  title: string;
  department: string;
  category: string | null;
  /** the guide's file, relative to the bundle folder */
  path: string;
  contentHash: string;
  reviewed: string | null;
  readability: ReadabilityGrade | null;
}

export interface BundleGuideOptions {
  /** the targets of the build (site.ts's Target): the guide links to the pages they make */
  targets: readonly string[];
  siteUrl?: string;
  /** the glossary terms marked on the web page, marked the same in the bundle's HTML */
  termMarks?: readonly TermMark[];
  /** from the lint run, when the plain-language rules ran */
  readability?: ReadabilityGrade;
}

/** A guide's bundle file and its manifest entry. */
export interface BundledGuide {
  /** relative to the output directory: bundle/guides/<id>.json */
  path: string;
  content: string;
  entry: ManifestEntry;
}

interface Link {
  path: string;
  url?: string;
}

/** The SHA-256 of the guide's source text (UTF-8, without a byte order mark), as `sha256:<hex>`. */
export function contentHash(guide: ParsedGuide): string {
  return `sha256:${createHash('sha256').update(guide.file.text).digest('hex')}`;
}

/**
 * The pages of a guide (or, with `folder` journeys/, of a journey) that the build's targets make,
 * relative to the output directory, and as URLs.
 */
function links(id: string, targets: readonly string[], siteUrl: string | undefined, folder = ''): Record<string, Link> {
  const base = siteUrl?.replace(/\/$/, '');
  const link = (path: string): Link => ({ path, ...(base && { url: `${base}/${path}` }) });
  const name = `${folder}${id}`;
  return {
    ...(targets.includes('web') && { web: link(`web/${folder || 'guides/'}${id}.html`) }),
    ...(targets.includes('mobile') && { mobile: link(`mobile/${name}.html`) }),
    ...(targets.includes('print') && { print: link(`print/${name}.html`), pdf: link(`print/${name}.pdf`) }),
  };
}

const phone = (written: string | undefined) => {
  const text = textOf(written);
  return text ? phoneNumber(text) : undefined;
};

function material(written: Lenient<Material> | undefined) {
  const name = textOf(written?.name);
  if (!written || !name) return [];
  const forms = Array.isArray(written.form) ? written.form : written.form === undefined ? [] : [written.form];
  const exempt = written.exempt && optionalTexts(written.exempt, ['source', 'note']);
  return [
    {
      name,
      need: written.need ?? '必要',
      ...optionalTexts(written, ['situation']),
      form: forms.flatMap((form) => form ?? []),
      ...(typeof written.copies === 'number' && { copies: written.copies }),
      ...(typeof written.source === 'string' && { source: written.source }),
      ...optionalTexts(written, ['issuer', 'requirements', 'paper']),
      ...(exempt && { exempt }),
      ...optionalTexts(written, ['basis']),
      ...(typeof written.pledge === 'boolean' && { pledge: written.pledge }),
      ...optionalTexts(written, ['blank_form', 'sample', 'fill_notes', 'note']),
    },
  ];
}

function appointment(written: GuideFields['appointment']) {
  if (written === undefined) return undefined;
  if (typeof written === 'boolean') return { available: written };
  const booking = phone(written.phone);
  return {
    available: true,
    ...optionalTexts(written, ['url']),
    ...(booking && { phone: booking }),
    ...optionalTexts(written, ['note']),
  };
}

/** The guide's `x-` fields, which the guide schema leaves to portals, as the guide wrote them. */
function extensions(data: unknown): Record<string, unknown> | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const found = Object.entries(data).filter(([key]) => key.startsWith('x-'));
  return found.length ? (JSON.parse(JSON.stringify(Object.fromEntries(found))) as Record<string, unknown>) : undefined;
}

/**
 * A guide's file of the portal bundle: every field of the guide, normalised (dates ISO 8601, time
 * limits with a calendar-day bound, phone numbers in one form, fees as numbers in CNY), the body as
 * the web page's HTML, as plain text and as mini-program rich-text nodes, and links to its pages.
 * Keys in a fixed order and nothing that depends on the time: the same guide gives the same bytes.
 */
export function bundleGuide(guide: ParsedGuide, view: GuideView, options: BundleGuideOptions): BundledGuide {
  const { fields: data } = readGuideModel(guide);
  const id = view.id;
  const marked = guide.body && options.termMarks?.length ? withTermsMarked(guide.body, options.termMarks) : undefined;
  const tree = marked ?? guide.body?.tree;
  const rich = tree ? richTextBody(bodyTree(tree)) : { nodes: [] as RichTextNode[], text: '' };
  const limits = data.time_limit;
  const statutory = timeLimit(limits?.statutory);
  const promised = timeLimit(limits?.promised);
  const acceptance = timeLimit(limits?.acceptance);
  const timeLimits: Record<string, TimeLimit> = {
    ...(statutory && { statutory }),
    ...(promised && { promised }),
    ...(acceptance && { acceptance }),
  };
  const charges: Fees | undefined = fees(data.fees);
  const consult = phone(data.contacts?.consult);
  const complaint = phone(data.contacts?.complaint);
  const contacts: Record<string, PhoneNumber> = { ...(consult && { consult }), ...(complaint && { complaint }) };
  const booking = appointment(data.appointment);
  const codes = optionalTexts(data.codes ?? {}, ['basic', 'implementation', 'item']);
  const reviewed = isoDate(data.reviewed);
  const until = isoDate(data.alert?.until);
  const alertText = textOf(data.alert?.text);
  const access = optionalTexts(data.access ?? {}, ['offline', 'assisted']);
  const extra = extensions(guide.data);
  const readability = options.readability ?? null;
  const path = `guides/${id}.json`;
  const file = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    id,
    codes,
    title: view.title,
    aliases: view.aliases,
    summary: view.summary,
    ...(data.type && { type: data.type }),
    ...(data.level && { level: data.level }),
    department: view.department,
    category: textOf(data.category) ?? null,
    audience: (data.audience ?? []).flatMap((who) => who ?? []),
    legal_basis: (data.legal_basis ?? []).flatMap((entry) => legalBasis(entry) ?? []),
    conditions: view.conditions,
    exclusions: view.exclusions,
    ...optionalTexts(data, ['quantity_limit']),
    materials: (data.materials ?? []).flatMap(material),
    steps: view.steps,
    ...(data.handling && { handling: data.handling }),
    ...(Object.keys(timeLimits).length && { time_limit: timeLimits }),
    ...(charges && { fees: charges }),
    ...(data.result &&
      textOf(data.result.name) && {
        result: {
          name: textOf(data.result.name)!,
          ...(data.result.type && { type: data.result.type }),
          delivery: (data.result.delivery ?? []).flatMap((way) => way ?? []),
          ...optionalTexts(data.result, ['validity', 'sample']),
        },
      }),
    ...(data.online?.level && {
      online: { level: data.online.level, ...optionalTexts(data.online, ['url', 'mobile']) },
    }),
    ...(typeof data.visits === 'number' && { visits: data.visits }),
    ...optionalTexts(data, ['visits_reason']),
    ...(booking && { appointment: booking }),
    ...(typeof data.express === 'boolean' && { express: data.express }),
    locations: view.locations.map((location) => ({
      name: location.name,
      address: location.address,
      ...optionalTexts(location, ['window', 'transit', 'hours', 'holiday']),
      ...(location.phone && { phone: phoneNumber(location.phone) }),
    })),
    ...(Object.keys(contacts).length && { contacts }),
    faq: view.faq,
    related: view.related.map((other) => ({ id: other.id, title: other.title, path: `guides/${other.id}.json` })),
    journeys: view.journeys.map((journey) => ({
      id: journey.id,
      title: journey.title,
      step: journey.step,
      stepTitle: journey.stepTitle,
      path: `journeys/${journey.id}.json`,
    })),
    keywords: view.keywords,
    special_procedures: (data.special_procedures ?? []).flatMap((procedure) => {
      const name = textOf(procedure?.name);
      const duration = timeLimit(procedure?.duration);
      if (!procedure || !name || !duration) return [];
      const counts = procedure.counts_toward_limit;
      return [{ name, duration, ...(typeof counts === 'boolean' && { counts_toward_limit: counts }) }];
    }),
    ...(typeof data.pledge === 'boolean' && { pledge: data.pledge }),
    ...(Object.keys(access).length && { access }),
    ...(alertText && until && { alert: { text: alertText, until } }),
    ...(data.status && { status: data.status }),
    reviewed,
    ...optionalTexts(data, ['owner', 'change_note']),
    ...(extra && { extensions: extra }),
    body: { html: view.body, text: rich.text, nodes: rich.nodes },
    links: links(id, options.targets, options.siteUrl),
    contentHash: contentHash(guide),
    readability,
  };
  const entry: ManifestEntry = {
    id,
    codes,
    title: view.title,
    department: view.department,
    category: file.category,
    path,
    contentHash: file.contentHash,
    reviewed,
    readability,
  };
  return { path: `bundle/${path}`, content: `${JSON.stringify(file, null, 2)}\n`, entry };
}

export interface ManifestOptions {
  /** the version of Baihua that built the bundle */
  toolVersion: string;
  /** `git rev-parse HEAD` of the guides' repository, when they are in one */
  sourceCommit?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The bundle's manifest: its versions, every guide's entry and every journey's, sorted by id. No
 * time in it: builds stay identical.
 */
export function bundleManifest(
  entries: readonly ManifestEntry[],
  options: ManifestOptions,
  journeys: readonly JourneyManifestEntry[] = [],
): string {
  const manifest = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    toolVersion: options.toolVersion,
    ...(options.sourceCommit && { sourceCommit: options.sourceCommit }),
    guides: [...entries].sort(byId),
    journeys: [...journeys].sort(byId),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One journey in the manifest. */
export interface JourneyManifestEntry {
  id: string;
  title: string;
  life_event: string;
  /** the journey's file, relative to the bundle folder */
  path: string;
  contentHash: string;
  reviewed: string | null;
}

/** A journey's bundle file and its manifest entry. */
export interface BundledJourney {
  /** relative to the output directory: bundle/journeys/<id>.json */
  path: string;
  content: string;
  entry: JourneyManifestEntry;
}

/** The words a page shows for a step beyond its title: 第2步, 可以和上一步同时办, 可选：…时办. */
const stepText = (step: JourneyView['steps'][number]) => ({
  label: step.label,
  ...(step.parallel && { parallel: step.parallel }),
  ...(step.optional && { optional: step.optional }),
});

/**
 * A journey's file of the portal bundle: the plan as data (steps with the guides' ids, the merged
 * checklist with every use, the totals as numbers and the services a total lacks) and as the
 * words the pages show (`text`), so a portal or a hotline can show either.
 */
export function bundleJourney(
  journey: ParsedGuide,
  view: JourneyView,
  plan: JourneyPlan,
  options: { targets: readonly string[]; siteUrl?: string },
): BundledJourney {
  const { fields } = readJourneyModel(journey);
  const id = view.id;
  const rich = journey.body ? richTextBody(bodyTree(journey.body.tree)) : { nodes: [] as RichTextNode[], text: '' };
  const numberOf = (index: number) => plan.steps.find((step) => step.index === index)?.number ?? 0;
  const source = (produced: JourneyPlan['checklist'][number]['producedBy']) =>
    produced && { step: numberOf(produced.step), guide: produced.service, result: produced.result };
  const reviewed = isoDate(fields.reviewed);
  const path = `journeys/${id}.json`;
  const { totals } = plan;
  const file = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    id,
    title: view.title,
    aliases: view.aliases,
    summary: view.summary,
    life_event: view.lifeEvent,
    ...(view.department && { department: view.department }),
    keywords: view.keywords,
    steps: plan.steps.map((step, position) => ({
      number: step.number,
      title: step.title,
      logic: step.logic,
      optional: step.optional,
      parallel: step.parallel,
      ...(step.when && { when: step.when }),
      ...(step.note && { note: step.note }),
      guides: step.services.map((service) => ({
        id: service.id,
        title: service.service?.title ?? service.id,
        path: `guides/${service.id}.json`,
      })),
      text: stepText(view.steps[position]!),
    })),
    checklist: plan.checklist.map((entry, position) => {
      const shown = view.checklist[position]!;
      return {
        name: entry.name,
        bring: shown.bring,
        ...(entry.producedBy && { producedBy: source(entry.producedBy), bringAlong: entry.bringAlong === true }),
        ...(entry.exempt && { exempt: entry.exempt }),
        uses: entry.uses.map((use) => ({
          step: numberOf(use.step),
          guide: use.service,
          need: use.material.need,
          ...(use.material.situation && { situation: use.material.situation }),
          form: use.material.form ?? [],
          ...(use.material.copies !== undefined && { copies: use.material.copies }),
          ...(use.material.exempt && { exempt: use.material.exempt }),
          ...(use.producedBy && { producedBy: source(use.producedBy) }),
        })),
        text: { ...(shown.mark && { mark: shown.mark }), uses: shown.uses },
      };
    }),
    totals: {
      visits: totals.visits ?? null,
      calendarDays: totals.calendarDays ?? null,
      fee: totals.fee ?? null,
      optionalCounted: totals.optionalCounted,
      sharedVisits: totals.sharedVisits.map((visit) => ({ place: visit.place, guides: visit.services })),
      unknown: totals.unknown,
      text: view.totals,
    },
    reviewed,
    ...optionalTexts(fields, ['owner', 'change_note']),
    body: { html: view.body, text: rich.text, nodes: rich.nodes },
    links: links(id, options.targets, options.siteUrl, 'journeys/'),
    contentHash: contentHash(journey),
  };
  const entry: JourneyManifestEntry = {
    id,
    title: view.title,
    life_event: view.lifeEvent,
    path,
    contentHash: file.contentHash,
    reviewed,
  };
  return { path: `bundle/${path}`, content: `${JSON.stringify(file, null, 2)}\n`, entry };
}
