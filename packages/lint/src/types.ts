import type {
  GuideStatus,
  JourneyFields,
  JourneyPlan,
  JourneyService,
  Length,
  ParsedGuide,
  SourceRange,
} from '@baihua/core';
import type { OptionsSchema } from '@baihua/plain';
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
  /**
   * the finding's identity across edits (`fingerprint.ts`): its rule, the sentence or field line
   * it is in and the words flagged, not its position; findings on the same words share it
   */
  fingerprint: string;
  /**
   * in `suppressedMessages`, why it is not reported, in ESLint's shape: `file` when the baseline
   * lists it (as ESLint marks what its suppressions file holds); inline directives leave it out
   */
  suppressions?: Suppression[];
}

/** ESLint's record of a suppression; Baihua's baseline is ESLint's suppressions file, kind `file`. */
export interface Suppression {
  kind: 'file';
  justification: string;
}

/** Message data: the values of a message's `{{placeholders}}`. */
export type MessageData = Record<string, string | number>;

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
  /** the rule's page, generated from this meta and the examples (`ruleDocsUrl`) */
  docs: { url: string };
  /** the rule's messages by id, Chinese, with `{{name}}` placeholders filled from a report's data */
  messages: Record<string, string>;
  /** `fix`: `--fix` may apply it; `suggestion`: shown, never applied automatically */
  fixable?: 'fix' | 'suggestion';
  /** JSON Schema of the rule's options; every property has its `default` */
  options?: OptionsSchema;
  /** problems that stop a file from being read; always errors, never disabled */
  fatal?: boolean;
  /** the findings depend on the day the guide is linted, so a cached result holds for that day only */
  dependsOnDate?: boolean;
  /**
   * the kinds of file the rule checks (a catalog rule: reports on); absent, every kind. The policy
   * rules read a guide's fields, which a journey (一件事) does not have.
   */
  appliesTo?: readonly DocumentKind[];
}

/** A guide (办事指南), or a journey (一件事: a file in a `journeys` folder, `isJourneyPath`). */
export type DocumentKind = 'guide' | 'journey';

/** A finding a bad example expects: its message by id, and the message's data where it matters. */
export interface ExpectedError {
  messageId: string;
  data?: MessageData;
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
  /** for catalog rules: the other guides linted together with this one */
  catalog?: Array<{ filename: string; code: string }>;
}

/** A finding as the engine receives it, its message rendered (rules report a `RuleReport`). */
export interface ReportInput {
  message: string;
  range: SourceRange;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** a severity that depends on where the finding is (catch-all wording in a material list) */
  severity?: 'error' | 'warn';
  /**
   * what the finding says is missing or empty (a field, a body section): in a draft (`isDraft`)
   * the finding is not reported, and these join the one schema/required finding listing all
   */
  absent?: Absent[];
}

/** Something a guide lacks, or has only blank or a placeholder. */
export interface Absent {
  /** the JSON pointer of the field, written or not (`/body` for a section of the body) */
  pointer: string;
  /** how to name it when the schema's titles cannot (a section of the body) */
  label?: string;
}

/** What a rule reports: one of its messages by id, with the message's data (see `defineRule`). */
export interface RuleReport extends Omit<ReportInput, 'message'> {
  messageId: string;
  data?: MessageData;
}

/** What the engine gives a rule: the options as configured, and a report taking rendered messages. */
export interface RuleContext {
  guide: ParsedGuide;
  options: Record<string, unknown>;
  report(input: ReportInput): void;
}

/** A rule that looks at one guide at a time. */
export interface GuideRule {
  meta: RuleMeta;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  check(context: RuleContext): void;
}

/** A rule that looks across the guides linted together, through their summaries. */
export interface CatalogRule {
  meta: RuleMeta;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  checkCatalog(context: CatalogContext): void;
}

export type Rule = GuideRule | CatalogRule;

/** Where a finding goes, worked out when the guide was read so the catalog pass needs no text. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: [number, number];
}

export interface Located {
  value: string;
  at: Place;
}

/**
 * What the catalog rules know of one guide: a few hundred bytes, kept for every guide of the
 * catalog (and in the lint cache) instead of its text.
 */
export interface GuideSummary {
  filePath: string;
  /** set for a journey (一件事); its ids are another namespace than the guides' */
  kind?: 'journey';
  /** where a finding about the guide as a whole goes: its title, else its first line */
  at: Place;
  title?: string;
  id?: Located;
  basicCode?: Located;
  implementationCode?: Located;
  /** 业务办理项编码: several guides may share one 实施编码, one per 办理项 */
  itemCode?: Located;
  related: Located[];
  locations: Array<{ name: string; window?: string; address?: Located; phone?: Located }>;
  /** names of the materials, departments and material issuers written, for completion in editors */
  materialNames?: string[];
  departments?: string[];
  issuers?: string[];
  /** MinHash signature of the prose, base64 (only when catalog/near-duplicate is on) */
  signature?: string;
  /** inline disable comments, when the file has any */
  directives?: Directive[];
  /** what `baihua report` tells of the guide beyond its findings */
  facts: GuideFacts;
  /** a guide's facts for the journeys that name it (`journeyService`); absent for a guide without an id */
  service?: JourneyService;
  /** a journey's steps, shared names and target, with where each is written */
  journey?: JourneySummary;
  /** the status that keeps the guide off the site (草稿, 已取消: `unpublishedStatus`) */
  unpublished?: GuideStatus;
}

/** What the journey rules read of a journey (一件事): the fields `planJourney` takes, placed. */
export interface JourneySummary {
  fields: Pick<JourneyFields, 'steps' | 'same_materials' | 'target'>;
  /**
   * where the values are written, by JSON pointer: each step (`/steps/0`, its first line), each
   * guide id of a step (`/steps/0/guides/1`), each `same_materials` entry and name
   * (`/same_materials/0`, `/same_materials/0/also/0`), the target and each of its values
   */
  places: Record<string, Place>;
}

/**
 * The facts of a guide the catalog report counts (the national evaluation's completeness, 减时间
 * and 减跑动), read where the guide is parsed so that a report on 10,000 guides keeps none parsed.
 */
export interface GuideFacts {
  category?: string;
  /** YYYY-MM-DD as written */
  reviewed?: string;
  visits?: number;
  /** 网办程度 (`online.level`) */
  onlineLevel?: string;
  /** the time limits when written whole: days with a unit, or months */
  promised?: Length;
  statutory?: Length;
  /** the fields the guide schema requires that the guide does not give (absent, or not of their type) */
  missingRequired: string[];
}

export interface CatalogContext {
  /** every guide of the catalog, including those only read for reference (journeys are not guides) */
  guides: readonly GuideSummary[];
  /** every journey (一件事) of the catalog, likewise */
  journeys: readonly GuideSummary[];
  /** a journey's plan over the catalog's guides, made once per catalog pass for every rule to read */
  planOf(journey: GuideSummary): JourneyPlan | undefined;
  /** whether the rule reports on this guide (linted, and the rule is on in its configuration) */
  reportsOn(guide: GuideSummary): boolean;
  options(guide: GuideSummary): Record<string, unknown>;
  /** whether the guide's configuration names its whole catalog (`catalog:`), not just the guides linted with it */
  knowsWholeCatalog(guide: GuideSummary): boolean;
  /** a path to name another guide by in messages */
  displayPath(guide: GuideSummary): string;
  report(guide: GuideSummary, finding: { message: string; at: Place }): void;
}

/** The result for one file, ESLint-compatible. */
export interface LintResult {
  filePath: string;
  /** set when the file is a journey (一件事), absent for a guide */
  kind?: 'journey';
  messages: Diagnostic[];
  suppressedMessages: Diagnostic[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** the fixed text, when fixes were applied */
  output?: string;
  /** with `output`: the digest of the bytes the fixes were computed from, so that a writer can
   * tell whether the file changed meanwhile (not printed in reports) */
  sourceDigest?: string;
  /** readability of the guide and of each section, when plain-language rules ran */
  stats?: GuideStats;
}

export interface GuideStats {
  readability: GuideReadability;
}

/** One guide checked: its result before the catalog pass, and what the catalog pass and a renderer need of it. */
export interface Linted {
  result: LintResult;
  /** for the catalog rules; only when one of them is on */
  summary?: GuideSummary;
  /** the cache key of the bytes linted, when the job asked for it */
  key?: string;
  /** the guide as parsed (after fixes), when asked for: in this thread only, it does not cross to workers */
  guide?: ParsedGuide;
}

/** One guide for a run to lint. */
export interface LintJob {
  filePath: string;
  /** answer with the cache key of the bytes linted (read again, so that no run holds them all) */
  keyed?: boolean;
}

/**
 * Inline disables, as in ESLint: `<!-- baihua-disable-next-line plain/long-sentence -->` in the
 * Markdown body, `# baihua-disable-line schema/unknown-key` in YAML, and `baihua-disable` …
 * `baihua-enable` blocks. No rule ids means every rule; text after ` -- ` is a reason.
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** empty: all rules */
  rules: string[];
  line: number;
  endLine: number;
  offset: number;
}

export interface FormatterContext {
  /** paths in reports are shown relative to this directory */
  cwd: string;
  color: boolean;
  /** the tool version, for SARIF */
  version: string;
  /** each rule's published page, {id} to be replaced (`rule_docs_url`); else the page installed here */
  ruleDocsUrl?: string;
  /** the text linted, by path, for files whose text on disk is not what was linted (standard input) */
  sources?: ReadonlyMap<string, string>;
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;
