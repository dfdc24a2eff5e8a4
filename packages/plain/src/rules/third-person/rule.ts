import type { AnalyzedText } from '../../document.js';
import type { Finding } from '../../findings.js';
import type { PlainRule } from '../plain-rule.js';
import { WORD_MESSAGES, wordListFindings, wordListOptions, type WordListOptions } from '../word-list.js';

interface Options extends WordListOptions {
  pronoun: '您' | '你';
}

function toInformalYou(finding: Finding): Finding {
  const informal = (text: string | number) => (typeof text === 'string' ? text.replaceAll('您', '你') : text);
  const suggestions = finding.suggestions.map(informal) as string[];
  const data = Object.fromEntries(Object.entries(finding.data).map(([name, value]) => [name, informal(value)]));
  return { ...finding, suggestions, data };
}

/** 经办人 is the reader (单位经办人, 经办人身份证) unless the words around make it the staff member. */
const STAFF_BEFORE = new Set(['窗口', '柜台', '大厅', '中心', '由', '向', '给', '交给', '交由', '找', '咨询', '联系']);
/** what only staff do to a file (交给经办人审核, 经办人会当场核对原件) */
const STAFF_ACTIONS = new Set(['审核', '核对', '核验', '受理', '审查', '录入', '核实', '复核', '审批']);
const CLAUSE_END = /^[。！？；，：!?;,:\n]+$/;

function isStaffMember(text: AnalyzedText, finding: Finding): boolean {
  if (text.text.slice(finding.start, finding.end) !== '经办人') return false;
  if (text.text[finding.end] === '员') return true; // 经办人员, cut 经办人/员
  const { words, offsets } = text;
  let first = 0;
  while (offsets[first + 1]! <= finding.start) first++;
  if (first > 0 && offsets[first] === finding.start && STAFF_BEFORE.has(words[first - 1]!)) return true;
  for (let index = first + 1; index < words.length && !CLAUSE_END.test(words[index]!); index++)
    if (STAFF_ACTIONS.has(words[index]!)) return true;
  return false;
}

/** The words are in words.yaml, next to this file. */
const rule: PlainRule<Options> = {
  id: 'plain/third-person',
  messages: WORD_MESSAGES,
  options: wordListOptions({ pronoun: { enum: ['您', '你'], default: '您' } }),
  find: (doc, options) => {
    const adjust = options.pronoun === '你' ? toInformalYou : undefined;
    const found = wordListFindings(doc, 'plain/third-person', options, [], adjust);
    return found.filter((finding) => !isStaffMember(doc.joined, finding));
  },
};

export default rule;
