export { AnalyzedDocument, type AnalyzedText, type Unit } from './document.js';
export { PLAIN_RULE_IDS, STYLE_RULE_IDS, withoutOverlaps, type Finding, type PlainRuleId } from './findings.js';
export { Lexicon } from './lexicon.js';
export {
  loadLexicons,
  loadGlossary,
  dataDirectory,
  rulesDirectory,
  type LexiconEntry,
  type LexiconFile,
} from './data.js';
export { checkRule, type RuleOptions } from './rules.js';
export { defaultLexicon } from './rules/word-list.js';
export { PLAIN_RULES } from './rules/index.js';
export { firstTermUses, type TermUse } from './rules/jargon/rule.js';
export type { PlainRule } from './rules/plain-rule.js';
export {
  readability,
  explainReadability,
  band,
  MIN_SCORED_CHARACTERS,
  MIN_PARAGRAPH_CHARACTERS,
  UNSCORED,
  type Readability,
  type Component,
  type Band,
} from './readability.js';
export {
  cutForSearch,
  inProcessSegmenter,
  jiebaLoadOptions,
  tokenize,
  type Segmenter,
  type TaggedWord,
  type Words,
} from './segmenter.js';
export { exportDictionary, patternSource, type DictionaryFormat } from './export.js';
export { withDefaults, type OptionsSchema } from './rule-options.js';
export { URL_SOURCE, urlPattern } from './url.js';
