import catchAllMaterial from './catch-all-material/rule.js';
import classicalWord from './classical-word/rule.js';
import doubleNegative from './double-negative/rule.js';
import nominalization from './nominalization/rule.js';
import officialese from './officialese/rule.js';
import passive from './passive/rule.js';
import thirdPerson from './third-person/rule.js';
import unnamedPlace from './unnamed-place/rule.js';
import vagueReference from './vague-reference/rule.js';
import vagueTime from './vague-time/rule.js';
import longSentence from './long-sentence/rule.js';
import jargon from './jargon/rule.js';
import typography from './typography/rule.js';
import type { PlainRuleId } from '../findings.js';
import type { PlainRule } from './plain-rule.js';

/** Every plain rule by id: each lives in its own folder here, beside its word list or glossary. */
export const PLAIN_RULES: Record<PlainRuleId, PlainRule> = {
  'plain/catch-all-material': catchAllMaterial,
  'plain/classical-word': classicalWord,
  'plain/double-negative': doubleNegative,
  'plain/nominalization': nominalization,
  'plain/officialese': officialese,
  'plain/passive': passive,
  'plain/third-person': thirdPerson,
  'plain/unnamed-place': unnamedPlace,
  'plain/vague-reference': vagueReference,
  'plain/vague-time': vagueTime,
  'plain/long-sentence': longSentence,
  'plain/jargon': jargon,
  'plain/typography': typography,
};
