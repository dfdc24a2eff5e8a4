import type { AnalyzedDocument } from '../document.js';
import { STYLE_RULE_IDS, withoutOverlaps, type Finding, type PlainRuleId } from '../findings.js';
import { Lexicon } from '../lexicon.js';
import type { OptionsSchema } from '../rule-options.js';
import type { PlainRule } from './plain-rule.js';

/**
 * The word-list rules: each finds the phrases of its `words.yaml` (see data.ts), with the list's
 * `reason` and each entry's advice in the message.
 */
export const WORD_MESSAGES = { word: '「{{phrase}}」{{reason}}：{{advice}}' };

export interface WordListOptions {
  /** words a catalog decides to allow */
  allow: string[];
}

/** The options of a word-list rule: `allow`, and any of its own. */
export function wordListOptions(extra: OptionsSchema['properties'] = {}): OptionsSchema {
  return {
    type: 'object',
    properties: { allow: { type: 'array', items: { type: 'string' }, default: [] }, ...extra },
    additionalProperties: false,
  };
}

let lexicon: Lexicon | undefined;
/** The word lists, compiled once per process. */
export function defaultLexicon(): Lexicon {
  lexicon ??= new Lexicon();
  return lexicon;
}

/** The rules with a word list (jargon has the glossary, the others are code). */
const LEXICON_RULES = new Set<PlainRuleId>(STYLE_RULE_IDS.filter((rule) => rule !== 'plain/jargon'));

const lexiconCache = new WeakMap<AnalyzedDocument, Map<PlainRuleId, Finding[]>>();

/** All word-list findings of a document, by rule: computed once, shared by the rules. */
function lexiconFindings(doc: AnalyzedDocument, rule: PlainRuleId): Finding[] {
  let byRule = lexiconCache.get(doc);
  if (!byRule) {
    byRule = new Map([...LEXICON_RULES].map((id) => [id, [] as Finding[]]));
    for (const finding of defaultLexicon().find(doc.joined, LEXICON_RULES)) byRule.get(finding.rule)!.push(finding);
    lexiconCache.set(doc, byRule);
  }
  return byRule.get(rule)!;
}

/**
 * The findings of a word list, less the words allowed, one per place. `more` adds findings that
 * take code (给予 before a verb), `adjust` rewrites them (你 instead of 您).
 */
export function wordListFindings(
  doc: AnalyzedDocument,
  rule: PlainRuleId,
  { allow }: WordListOptions,
  more: Finding[] = [],
  adjust?: (finding: Finding) => Finding,
): Finding[] {
  const allowed = new Set(allow);
  let own = more.length ? [...lexiconFindings(doc, rule), ...more] : lexiconFindings(doc, rule);
  if (allowed.size) own = own.filter((finding) => !allowed.has(doc.joined.text.slice(finding.start, finding.end)));
  if (adjust) own = own.map(adjust);
  return own.length > 1 ? withoutOverlaps(own) : own;
}

/** A rule that is its word list and nothing more. */
export function wordListRule(id: PlainRuleId): PlainRule<WordListOptions> {
  return {
    id,
    messages: WORD_MESSAGES,
    options: wordListOptions(),
    find: (doc, options) => wordListFindings(doc, id, options),
  };
}
