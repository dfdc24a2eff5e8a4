import { spanRange, type ParsedGuide, type ResolvedConfig, type SourceRange, type TextSpan } from '@baihua/core';
import {
  AnalyzedDocument,
  checkRule,
  firstTermUses,
  inProcessSegmenter,
  MIN_SCORED_CHARACTERS,
  readability,
  STYLE_RULE_IDS,
  type Finding,
  type PlainRuleId,
  type Readability,
  type RuleOptions,
} from '@baihua/plain';
import { documentSchema, type DocumentSchema } from './schema-path.js';
import { ruleSeverity } from './severity.js';

interface GuideAnalysis {
  prose: TextSpan[];
  doc: AnalyzedDocument;
  /** section title → indexes into `prose` */
  sections: Map<string, number[]>;
  /** top-level field of the front matter → indexes into `prose` */
  fields: Map<string, number[]>;
  findings: Map<string, Finding[][]>;
}

const analyses = new WeakMap<ParsedGuide, GuideAnalysis>();

/**
 * Whether a span is prose for the reader: every Markdown block, and the YAML strings whose schema
 * (the guide's, or a journey's) says `"x-prose": true`. Every string field of the guide schema states it (a test checks), so a
 * field with a pattern such as `summary` is checked like any sentence, and a code or phone number
 * is not.
 */
function isProse(guide: ParsedGuide, span: TextSpan): boolean {
  if (span.kind !== 'value') return true;
  if (guide.data === undefined) return false;
  // The answer depends on the field, not on which list item: /materials/3/note is /materials/*/note.
  const field = span.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const doc = documentSchema(guide);
  const known = proseFields.get(doc) ?? new Map<string, boolean>();
  proseFields.set(doc, known);
  let prose = known.get(field);
  if (prose === undefined) {
    const schema = doc.schemaAt(guide.data, span.pointer);
    const resolved = schema && doc.resolveRef(schema);
    prose = resolved?.type === 'string' && resolved['x-prose'] === true;
    known.set(field, prose);
  }
  return prose;
}

/** Whether each field is prose, by schema (a guide's, a journey's) and field. */
const proseFields = new Map<DocumentSchema, Map<string, boolean>>();

const FIELDS_SECTION = '字段';

/**
 * Style comes after syntax: a guide whose YAML or Markdown could not be read (or that looks
 * hostile) gets no plain findings and no score; a Markdown file without front matter still does.
 */
export function readableForStyle(guide: ParsedGuide): boolean {
  return guide.problems.every(
    (problem) => problem.ruleId === 'syntax/duplicate-key' || problem.ruleId === 'syntax/front-matter',
  );
}

/** The spans the plain-language rules read: the prose of a guide that could be read. */
export function proseSpans(guide: ParsedGuide): TextSpan[] {
  return readableForStyle(guide) ? guide.texts.filter((span) => isProse(guide, span)) : [];
}

/** The guide's prose, segmented once, shared by every plain rule. */
function append(groups: Map<string, number[]>, name: string, index: number): void {
  const group = groups.get(name);
  if (group) group.push(index);
  else groups.set(name, [index]);
}

function analyze(guide: ParsedGuide): GuideAnalysis {
  let analysis = analyses.get(guide);
  if (!analysis) {
    const prose = proseSpans(guide);
    const sections = new Map<string, number[]>();
    const fields = new Map<string, number[]>();
    let section = FIELDS_SECTION;
    prose.forEach((span, index) => {
      if (span.kind === 'heading') section = span.text.trim();
      else if (span.kind === 'value') {
        section = FIELDS_SECTION;
        // /materials/2/note belongs to materials.
        // /materials/2/note belongs to materials.
        append(fields, span.pointer.split('/')[1]!, index);
      }
      append(sections, section, index);
    });
    analysis = {
      prose,
      doc: new AnalyzedDocument(
        prose.map((span) => span.text),
        inProcessSegmenter,
      ),
      sections,
      fields,
      findings: new Map(),
    };
    analyses.set(guide, analysis);
  }
  return analysis;
}

function findingsOf(analysis: GuideAnalysis, rule: PlainRuleId, options: RuleOptions): Finding[][] {
  const key = `${rule} ${JSON.stringify(options)}`;
  let found = analysis.findings.get(key);
  if (!found) {
    found = checkRule(analysis.doc, rule, options);
    analysis.findings.set(key, found);
  }
  return found;
}

export interface PlacedFinding {
  finding: Finding;
  pointer: string;
  range: SourceRange;
  /** the file text under `range` is exactly the finding's text, so a replacement is safe to apply */
  verbatim: boolean;
}

/** Findings of one plain rule, placed in the file. */
export function plainFindings(guide: ParsedGuide, rule: PlainRuleId, options: RuleOptions): PlacedFinding[] {
  const analysis = analyze(guide);
  const placed: PlacedFinding[] = [];
  findingsOf(analysis, rule, options).forEach((findings, index) => {
    const span = analysis.prose[index]!;
    for (const finding of findings) {
      const start = span.map.toSourceStart(finding.start);
      const end = span.map.toSourceEnd(finding.end);
      // A missing space between two characters that markup or an escaped line break keeps apart
      // in the file (**20**元) has no one place to go: it is reported on what lies between, unfixed.
      const range = start <= end ? { start, end } : { start: end, end: start };
      const verbatim =
        start <= end && guide.file.text.slice(start, end) === span.text.slice(finding.start, finding.end);
      placed.push({ finding, pointer: span.pointer, range, verbatim });
    }
  });
  return placed;
}

/** A glossary term where the guide first uses it, placed in the file. */
export interface GlossaryTermUse {
  range: SourceRange;
  term: string;
  meaning: string;
}

/**
 * The first use of each glossary term in the guide, as plain/jargon finds it under the guide's
 * configuration (its `terms` and `ignore`), explained or not: what a rendered page marks as a
 * definition. None when the rule is off, so page and linter never disagree.
 */
export function glossaryTermUses(guide: ParsedGuide, config: ResolvedConfig): GlossaryTermUse[] {
  if (ruleSeverity(config, 'plain/jargon') === undefined) return [];
  const analysis = analyze(guide);
  const options = config.rules.get('plain/jargon')?.options ?? {};
  return firstTermUses(analysis.doc, options).flatMap((uses, index) => {
    const span = analysis.prose[index]!;
    return uses.map(({ start, end, term, meaning }) => ({
      range: spanRange(span, start, end),
      term,
      meaning,
    }));
  });
}

export type GuideReadability = Readability & {
  sections: Array<Readability & { title: string }>;
  /** each top-level field with prose (its list items and nested strings together), in the order written */
  fields?: Array<Readability & { field: string }>;
};

/**
 * Readability of the whole guide, of each section (fields, then each body heading) and of each
 * field. A guide with fewer than `minCharacters` Han characters of prose gets no score, nor does
 * a section or a field with fewer than `MIN_PARAGRAPH_CHARACTERS`.
 */
export function guideReadability(guide: ParsedGuide, minCharacters = MIN_SCORED_CHARACTERS): GuideReadability {
  const analysis = analyze(guide);
  const perText = analysis.prose.map(() => 0);
  for (const rule of STYLE_RULE_IDS) {
    for (const [index, findings] of findingsOf(analysis, rule, {}).entries()) perText[index]! += findings.length;
  }
  const count = (indexes: number[]) => indexes.reduce((sum, index) => sum + perText[index]!, 0);
  const all = analysis.prose.map((_, index) => index);
  const sections = [...analysis.sections].map(([title, indexes]) => ({
    title,
    ...readability(analysis.doc, count(indexes), indexes),
  }));
  const fields = [...analysis.fields].map(([field, indexes]) => ({
    field,
    ...readability(analysis.doc, count(indexes), indexes),
  }));
  return {
    ...readability(analysis.doc, count(all), all, minCharacters),
    sections: sections.filter((section) => section.sentences > 0),
    fields: fields.filter((field) => field.sentences > 0),
  };
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The guide's prose as words, punctuation and spaces left out: what near-duplicate detection compares. */
export function proseWords(guide: ParsedGuide): string[] {
  return analyze(guide).doc.joined.words.filter((word) => WORD_CHARACTER.test(word));
}
