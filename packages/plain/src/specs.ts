import type { OptionsSchema } from './rule-options.js';
import type { PlainRuleId } from './findings.js';

/** What a plain rule says and which options it takes: its messages by id and its options schema. */
export interface PlainRuleSpec {
  /** Chinese, with `{{name}}` placeholders filled from a finding's data */
  messages: Record<string, string>;
  options: OptionsSchema;
}

/** A word-list finding: the words, why they are a problem (the list's `reason`) and what to do. */
const WORD_MESSAGES = { word: '「{{phrase}}」{{reason}}：{{advice}}' };

/** Words a catalog decides to allow. */
const ALLOW = { type: 'array', items: { type: 'string' }, default: [] };

const wordList = (extra: OptionsSchema['properties'] = {}): PlainRuleSpec => ({
  messages: WORD_MESSAGES,
  options: { type: 'object', properties: { allow: ALLOW, ...extra }, additionalProperties: false },
});

export const PLAIN_RULES: Record<PlainRuleId, PlainRuleSpec> = {
  'plain/classical-word': wordList(),
  'plain/officialese': wordList(),
  'plain/nominalization': {
    messages: { ...WORD_MESSAGES, dummyVerb: '「{{phrase}}」多了一个虚化动词，直接用后面的动词更清楚：改为「{{verb}}」' },
    options: wordList().options,
  },
  'plain/passive': wordList(),
  'plain/vague-reference': wordList(),
  'plain/vague-time': wordList(),
  'plain/catch-all-material': wordList(),
  'plain/third-person': wordList({ pronoun: { enum: ['您', '你'], default: '您' } }),
  'plain/double-negative': wordList(),
  'plain/long-sentence': {
    messages: {
      tooLong: '这句话有 {{length}} 个字，超过 {{maxLength}} 个字。请拆成两三句短句',
      tooLongSplitAt: '这句话有 {{length}} 个字，超过 {{maxLength}} 个字。可以在「{{clause}}」处断开，改成两句',
      tooManyClauses: '这句话有 {{clauses}} 个分句，超过 {{maxClauses}} 个。请拆成两三句短句',
      tooManyClausesSplitAt: '这句话有 {{clauses}} 个分句，超过 {{maxClauses}} 个。可以在「{{clause}}」处断开，改成两句',
    },
    options: {
      type: 'object',
      properties: { maxLength: { type: 'integer', minimum: 10, default: 50 }, maxClauses: { type: 'integer', minimum: 2, default: 5 } },
      additionalProperties: false,
    },
  },
  'plain/jargon': {
    messages: { unexplained: '「{{term}}」是行业术语，群众不一定懂。第一次出现时请解释，如「{{term}}（{{meaning}}）」' },
    options: {
      type: 'object',
      properties: {
        terms: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, default: {} },
        ignore: { type: 'array', items: { type: 'string' }, default: [] },
      },
      additionalProperties: false,
    },
  },
  'plain/typography': {
    messages: {
      fullWidthPunctuation: '中文里要用全角标点：把「{{mark}}」改为「{{fullWidth}}」',
      fullWidthBracket: '中文里要用全角括号：把「{{mark}}」改为「{{fullWidth}}」',
      spaceInTechnical: '技术写法里汉字和数字、字母之间加一个空格',
      noSpaceInOfficial: '公文写法里汉字和数字、字母之间不加空格',
      halfWidthAlphanumeric: '数字和字母用半角：把「{{written}}」改为「{{halfWidth}}」',
      timeColon: '时间里用半角冒号，如 9:00',
      date: '日期写成「{{date}}」',
      phoneHyphen: '电话号码里用半角连字符「-」',
      amount: '金额写成「{{amount}}元」',
      ellipsis: '省略号写成「……」',
    },
    options: { type: 'object', properties: { profile: { enum: ['official', 'technical'], default: 'official' } }, additionalProperties: false },
  },
};
