export { AnalyzedDocument, type AnalyzedText, type Unit } from './document.js';
export { PLAIN_RULE_IDS, STYLE_RULE_IDS, withoutOverlaps, type Finding, type PlainRuleId } from './findings.js';
export { Lexicon } from './lexicon.js';
export { loadLexicons, loadGlossary, type LexiconEntry, type LexiconFile } from './data.js';
export { checkRule, defaultLexicon, type RuleOptions } from './rules.js';
export { readability, explainReadability, band, MIN_SCORED_CHARACTERS, type Readability, type Component, type Band } from './readability.js';
export { inProcessSegmenter, jiebaLoadOptions, tokenize, type Segmenter, type TaggedWord, type Words } from './segmenter.js';
export { exportDictionary, patternSource, type DictionaryFormat } from './export.js';
