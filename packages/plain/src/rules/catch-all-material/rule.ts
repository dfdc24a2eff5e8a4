import { isQuoted, type AnalyzedDocument } from '../../document.js';
import type { Finding } from '../../findings.js';
import type { PlainRule } from '../plain-rule.js';
import { WORD_MESSAGES, wordListFindings, wordListOptions, type WordListOptions } from '../word-list.js';

/**
 * Open lists: 「身份证、护照等身份证件」「户口簿、结婚证等。」 leave the citizen guessing what else
 * counts. 等 (a word of its own, so not 等级, 平等, 等于, 一等奖, 等额, 相等, 稍等) is a finding
 * - before a kind of document or condition (护照等身份证件, 毕业证书等学历证明): one item is enough,
 *   the kind says a list is meant;
 * - at the end of a clause after a list with 「、」 (户口簿、结婚证等。). Without the list, a lone
 *   等 at a clause end is as likely to be "wait" (请在大厅等。), so it is left alone;
 * and never before a count (身份证、户口簿等2项材料 is a closed list). 等 before anything else
 * (公安、民政等部门) is not about what the citizen brings.
 */
const KINDS = [
  '证件',
  '证明',
  '材料',
  '资料',
  '文件',
  '证书',
  '原件',
  '复印件',
  '证照',
  '票据',
  '单据',
  '凭证',
  '条件',
];
const CLAUSE_END = /^[。！？；，：!?;,:\n）)」】]+$/;
const COUNT = /^[\d一二两三四五六七八九十几]/;
/** words after 等 that may make up the kind (等/有效/身份证件) */
const KIND_WORDS = 3;

function openLists(doc: AnalyzedDocument): Finding[] {
  const text = doc.joined;
  if (!text.text.includes('等')) return [];
  const { words, offsets } = text;
  const findings: Finding[] = [];
  for (let index = 0; index < words.length; index++) {
    if (words[index] !== '等' && words[index] !== '等等') continue;
    const start = offsets[index]!;
    const next = words[index + 1];
    if (isQuoted(text, start, start + 1) || (next !== undefined && COUNT.test(next))) continue;
    let end: number | undefined;
    let kind = '';
    for (let after = index + 1; after <= index + KIND_WORDS && after < words.length; after++) {
      if (CLAUSE_END.test(words[after]!) || /\s/.test(words[after]!)) break;
      kind += words[after];
      if (KINDS.some((suffix) => kind.endsWith(suffix))) end = offsets[after + 1]!;
    }
    if (end === undefined && (next === undefined || CLAUSE_END.test(next)) && listBefore(words, index))
      end = offsets[index + 1]!;
    if (end === undefined) continue;
    findings.push({
      rule: 'plain/catch-all-material',
      start,
      end,
      messageId: 'openList',
      data: { phrase: text.text.slice(start, end) },
      suggestions: [],
    });
  }
  return findings;
}

/** Whether the clause before word `index` lists items with 「、」. */
function listBefore(words: string[], index: number): boolean {
  for (let before = index - 1; before >= 0 && !CLAUSE_END.test(words[before]!); before--)
    if (words[before] === '、') return true;
  return false;
}

/** The words are in words.yaml, next to this file; open lists with 等 take the code above. */
const rule: PlainRule<WordListOptions> = {
  id: 'plain/catch-all-material',
  messages: {
    ...WORD_MESSAGES,
    openList: '「{{phrase}}」是没列全的清单，群众不知道还有哪些算数：把每一种证件、材料或条件逐项列出，删去「等」',
  },
  options: wordListOptions(),
  find: (doc, options) => wordListFindings(doc, 'plain/catch-all-material', options, openLists(doc)),
};

export default rule;
