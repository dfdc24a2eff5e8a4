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

/** The words are in words.yaml, next to this file. */
const rule: PlainRule<Options> = {
  id: 'plain/third-person',
  messages: WORD_MESSAGES,
  options: wordListOptions({ pronoun: { enum: ['您', '你'], default: '您' } }),
  find: (doc, options) =>
    wordListFindings(doc, 'plain/third-person', options, [], options.pronoun === '你' ? toInformalYou : undefined),
};

export default rule;
