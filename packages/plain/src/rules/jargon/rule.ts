import { Automaton } from '../../aho-corasick.js';
import { loadGlossary } from '../../data.js';
import { endsWord, isQuoted, startsWord, type AnalyzedDocument, type AnalyzedText } from '../../document.js';
import type { Finding } from '../../findings.js';
import type { PlainRule } from '../plain-rule.js';
import { withDefaults } from '../../rule-options.js';

interface JargonOptions {
  terms: Record<string, string>;
  ignore: string[];
}

/** An explanation right after a term: brackets, or 即/也就是/就是 after an optional comma. */
const EXPLANATION = /^[ \t]*(?:[（(]|[，,]?[ \t]*(?:即|也就是|就是|指))/;

let glossaryFirstCharacters: Uint8Array | undefined;

/** The first code units of the glossary's terms: most words are passed over at once. */
function glossaryStarts(): Uint8Array {
  if (!glossaryFirstCharacters) {
    glossaryFirstCharacters = new Uint8Array(0x10000);
    for (const term of Object.keys(loadGlossary())) glossaryFirstCharacters[term.charCodeAt(0)] = 1;
  }
  return glossaryFirstCharacters;
}

const extraAutomata = new Map<string, Automaton<string>>();

/** Terms added by the rule's options are not in jieba's dictionary: they are found as text. */
function extraAutomaton(terms: string[]): Automaton<string> {
  const key = terms.join('\n');
  let automaton = extraAutomata.get(key);
  if (!automaton) {
    automaton = new Automaton(terms.map((term) => [term, term] as [string, string]));
    extraAutomata.set(key, automaton);
  }
  return automaton;
}

/** A glossary term where a document first uses it, with its plain meaning. */
export interface TermUse {
  start: number;
  end: number;
  term: string;
  meaning: string;
  /** explained right after, in brackets or with 即/也就是/指: plain/jargon does not report it */
  explained: boolean;
}

/**
 * Every glossary term (the built-in glossary, plus the option `terms`, less `ignore`) at its
 * first use in the document, explained or not, per text of the document. plain/jargon reports the
 * unexplained ones; a rendered page marks them all as definitions, so page and linter agree.
 */
export function firstTermUses(doc: AnalyzedDocument, options: Record<string, unknown> = {}): TermUse[][] {
  return doc.split(termUses(doc.joined, withDefaults<JargonOptions>(rule.options, options)));
}

function termUses(text: AnalyzedText, options: JargonOptions): TermUse[] {
  const extra = options.terms;
  const ignore = new Set(options.ignore);
  const glossary = loadGlossary();
  const meanings: Record<string, string> = { ...glossary, ...extra };
  // Glossary terms are words of jieba's user dictionary, so each is one word of the text.
  const starts = glossaryStarts();
  const found: Array<{ start: number; end: number; term: string }> = [];
  const { words, offsets } = text;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (starts[word.charCodeAt(0)] === 0 || word.length < 2 || !Object.hasOwn(glossary, word) || ignore.has(word))
      continue;
    found.push({ start: offsets[index]!, end: offsets[index + 1]!, term: word });
  }
  const added = Object.keys(extra).filter((term) => !ignore.has(term));
  if (added.length) {
    for (const { start, end, value } of extraAutomaton(added.sort()).matches(text.text)) {
      if (startsWord(text, start) && endsWord(text, end)) found.push({ start, end, term: value });
    }
  }
  const seen = new Set<string>();
  const uses: TermUse[] = [];
  for (const { start, end, term } of found.sort((a, b) => a.start - b.start)) {
    if (seen.has(term) || isQuoted(text, start, end)) continue;
    seen.add(term);
    uses.push({
      start,
      end,
      term,
      meaning: meanings[term]!,
      explained: EXPLANATION.test(text.text.slice(end, end + 8)),
    });
  }
  return uses;
}

/** Glossary terms at their first use in the document (the joined text), unless explained there. */
function jargon(text: AnalyzedText, options: JargonOptions): Finding[] {
  return termUses(text, options)
    .filter((use) => !use.explained)
    .map(
      ({ start, end, term, meaning }): Finding => ({
        rule: 'plain/jargon',
        start,
        end,
        messageId: 'unexplained',
        data: { term, meaning },
        suggestions: [`${term}（${meaning}）`],
      }),
    );
}

/** The terms are in glossary.yaml, next to this file. */
const rule: PlainRule<JargonOptions> = {
  id: 'plain/jargon',
  messages: { unexplained: '「{{term}}」是行业术语，群众不一定懂。第一次出现时请解释，如「{{term}}（{{meaning}}）」' },
  options: {
    type: 'object',
    properties: {
      terms: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, default: {} },
      ignore: { type: 'array', items: { type: 'string' }, default: [] },
    },
    additionalProperties: false,
  },
  find: (doc, options) => jargon(doc.joined, options),
};

export default rule;
