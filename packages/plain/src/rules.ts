import { endsWord, isHan, isQuoted, startsWord, type AnalyzedDocument, type AnalyzedText } from './document.js';
import { STYLE_RULE_IDS, withoutOverlaps, type Finding, type PlainRuleId } from './findings.js';
import { Automaton } from './aho-corasick.js';
import { loadGlossary } from './data.js';
import { measureUnits } from './readability.js';
import { Lexicon } from './lexicon.js';
import { withDefaults } from './rule-options.js';
import { PLAIN_RULES } from './specs.js';

export type RuleOptions = Record<string, unknown>;

interface WordListOptions {
  allow: string[];
  pronoun?: '您' | '你';
}
interface LongSentenceOptions {
  maxLength: number;
  maxClauses: number;
}
interface JargonOptions {
  terms: Record<string, string>;
  ignore: string[];
}
interface TypographyOptions {
  profile: 'official' | 'technical';
}

let lexicon: Lexicon | undefined;
/** The word lists, compiled once per process. */
export function defaultLexicon(): Lexicon {
  lexicon ??= new Lexicon();
  return lexicon;
}

/** The rules whose words are in data/lexicon (jargon has the glossary, the others are code). */
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
 * Findings of one rule in every text of a document (index = text index). `options` are those
 * configured (checked against the rule's options schema); the others take the schema's defaults.
 */
export function checkRule(doc: AnalyzedDocument, rule: PlainRuleId, options: RuleOptions = {}): Finding[][] {
  return doc.split(findRule(doc, rule, withDefaults(PLAIN_RULES[rule].options, options)));
}

function findRule(doc: AnalyzedDocument, rule: PlainRuleId, options: RuleOptions): Finding[] {
  switch (rule) {
    case 'plain/long-sentence':
      return longSentences(doc.joined, options as unknown as LongSentenceOptions);
    case 'plain/jargon':
      return jargon(doc.joined, options as unknown as JargonOptions);
    case 'plain/typography':
      return typography(doc.joined, options as unknown as TypographyOptions);
    default: {
      const { allow: allowed, pronoun } = options as unknown as WordListOptions;
      const allow = new Set(allowed);
      let own = lexiconFindings(doc, rule);
      if (rule === 'plain/nominalization') own = [...own, ...dummyVerbs(doc)];
      if (allow.size) own = own.filter((finding) => !allow.has(doc.joined.text.slice(finding.start, finding.end)));
      if (rule === 'plain/third-person' && pronoun === '你') own = own.map(toInformalYou);
      return own.length > 1 ? withoutOverlaps(own) : own;
    }
  }
}

function toInformalYou(finding: Finding): Finding {
  const informal = (text: string | number) => (typeof text === 'string' ? text.replaceAll('您', '你') : text);
  const suggestions = finding.suggestions.map(informal) as string[];
  const data = Object.fromEntries(Object.entries(finding.data).map(([name, value]) => [name, informal(value)]));
  return { ...finding, suggestions, data };
}

// 进行, 予以 and 加以 are always dummy verbs and sit in the word list; 给予 is one only before a
// verb (给予答复, not 给予补贴), which takes a part-of-speech tag to tell.
const DUMMY_VERB = '给予';

/**
 * 给予 followed within two words by a verb (v or vn): tagged only in sentences that contain it,
 * since tagging costs three times as much as segmenting.
 */
function dummyVerbs(doc: AnalyzedDocument): Finding[] {
  const text = doc.joined;
  if (!text.text.includes(DUMMY_VERB)) return [];
  const work = text.units.filter((unit) => text.text.slice(unit.start, unit.end).includes(DUMMY_VERB));
  const tagged = doc.tags(work.map((unit) => text.text.slice(unit.start, unit.end)));
  const findings: Finding[] = [];
  work.forEach((unit, index) => {
    let offset = unit.start;
    const positioned = tagged[index]!.map((word) => {
      const start = offset;
      offset += word.word.length;
      return { ...word, start, end: offset };
    });
    positioned.forEach((word, position) => {
      if (word.word !== DUMMY_VERB) return;
      for (const next of positioned.slice(position + 1, position + 3)) {
        if (next.tag === 'x') break;
        if (next.tag === 'v' || next.tag === 'vn') {
          if (isQuoted(text, word.start, next.end)) break;
          const phrase = text.text.slice(word.start, next.end);
          findings.push({
            rule: 'plain/nominalization',
            start: word.start,
            end: next.end,
            messageId: 'dummyVerb',
            data: { phrase, verb: phrase.slice(word.word.length) },
            suggestions: [phrase.slice(word.word.length)],
          });
          break;
        }
      }
    });
  });
  return findings;
}

// Clauses end at ，；：(full-width, so 9:00 and 1,000 do not count); 、 separates list items, not clauses.
const CLAUSE_MARK = /[，；：;]/g;

function countClauseMarks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff0c || code === 0xff1b || code === 0xff1a || code === 59) count++;
  }
  return count;
}

function longSentences(text: AnalyzedText, { maxLength, maxClauses }: LongSentenceOptions): Finding[] {
  const findings: Finding[] = [];
  const measures = measureUnits(text);
  text.units.forEach((unit, index) => {
    const length = measures[index]!.length;
    // Most sentences are short and have few clause marks: count them before building anything.
    if (length <= maxLength && countClauseMarks(text.text, unit.start, unit.end) < maxClauses) return;
    const sentence = text.text.slice(unit.start, unit.end);
    const marks = [...sentence.matchAll(CLAUSE_MARK)].filter((mark) => !isQuoted(text, unit.start + mark.index, unit.start + mark.index + 1));
    const clauses = marks.length + 1;
    if (length <= maxLength && clauses <= maxClauses) return;
    // Suggest the clause break nearest the middle.
    const middle = sentence.length / 2;
    const split = [...marks].sort((a, b) => Math.abs(a.index - middle) - Math.abs(b.index - middle))[0];
    // Quote the clause that ends at the break, at most its last eight characters.
    const clauseStart = split ? Math.max(0, ...marks.filter((mark) => mark.index < split.index).map((mark) => mark.index + 1)) : 0;
    const clause = split && sentence.slice(Math.max(clauseStart, split.index - 7), split.index + 1);
    const [messageId, data] =
      length > maxLength ? ['tooLong', { length, maxLength }] as const : ['tooManyClauses', { clauses, maxClauses }] as const;
    const trimmedEnd = unit.start + sentence.trimEnd().length;
    findings.push({
      rule: 'plain/long-sentence',
      start: unit.start + (sentence.length - sentence.trimStart().length),
      end: trimmedEnd,
      ...(clause ? { messageId: `${messageId}SplitAt`, data: { ...data, clause } } : { messageId, data }),
      suggestions: [],
    });
  });
  return findings;
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

/** Glossary terms at their first use in the document (the joined text), unless explained there. */
function jargon(text: AnalyzedText, options: JargonOptions): Finding[] {
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
    if (starts[word.charCodeAt(0)] === 0 || word.length < 2 || !Object.hasOwn(glossary, word) || ignore.has(word)) continue;
    found.push({ start: offsets[index]!, end: offsets[index + 1]!, term: word });
  }
  const added = Object.keys(extra).filter((term) => !ignore.has(term));
  if (added.length) {
    for (const { start, end, value } of extraAutomaton(added.sort()).matches(text.text)) {
      if (startsWord(text, start) && endsWord(text, end)) found.push({ start, end, term: value });
    }
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { start, end, term } of found.sort((a, b) => a.start - b.start)) {
    if (seen.has(term) || isQuoted(text, start, end)) continue;
    seen.add(term);
    if (EXPLANATION.test(text.text.slice(end, end + 8))) continue;
    const meaning = meanings[term]!;
    findings.push({
      rule: 'plain/jargon',
      start,
      end,
      messageId: 'unexplained',
      data: { term, meaning },
      suggestions: [`${term}（${meaning}）`],
    });
  }
  return findings;
}

const HAN = '\\p{Script=Han}';
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/** URLs and e-mail addresses keep their ASCII punctuation. */
function protectedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(/https?:\/\/[^\s，。；）)]+|[\w.+-]+@[\w-]+\.[\w.]+/g)].map((match) => [match.index, match.index + match[0].length]);
}

const isBlank = (code: number) => code === 32 || code === 9;
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Whether the character at `at` (a code unit index; astral characters by their high half) is Han. */
function hanAt(source: string, at: number): boolean {
  return at >= 0 && at < source.length && isHan(source.codePointAt(at)!);
}

/** Whether the character just before `at` is Han (an astral one ends in a low surrogate). */
function hanBefore(source: string, at: number): boolean {
  const previous = source.charCodeAt(at - 1);
  return previous >= 0xdc00 && previous <= 0xdfff ? hanAt(source, at - 2) : hanAt(source, at - 1);
}

function typography(text: AnalyzedText, options: TypographyOptions): Finding[] {
  const technical = options.profile === 'technical';
  const source = text.text;
  const guarded = protectedRanges(source);
  const inside = (at: number) => guarded.some(([from, to]) => at >= from && at < to) || isQuoted(text, at, at + 1);
  const findings: Finding[] = [];
  type Message = [messageId: string, data?: Record<string, string>];
  const add = (start: number, end: number, [messageId, data = {}]: Message, fix: string | undefined, suggestion?: string) => {
    if (inside(start)) return;
    const suggestions = [fix ?? suggestion ?? ''].filter(Boolean);
    findings.push({ rule: 'plain/typography', start, end, messageId, data, suggestions, ...(fix !== undefined && { fix }) });
  };
  // One pass over the characters for the checks that look at a character and its neighbours;
  // the rarer patterns below only run when their characters occur at all.
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === 44 || code === 59 || code === 58 || code === 33 || code === 63) {
      // Half-width , ; : ! ? touching Chinese (9:00, 1,000 and URLs are left alone).
      const before = hanBefore(source, at) || (isBlank(source.charCodeAt(at - 1)) && hanBefore(source, at - 1));
      const after = hanAt(source, at + 1) || (isBlank(source.charCodeAt(at + 1)) && hanAt(source, at + 2));
      const mark = source[at]!;
      if (before || after) add(at, at + 1, ['fullWidthPunctuation', { mark, fullWidth: FULL_WIDTH[mark]! }], FULL_WIDTH[mark]);
    } else if (technical) {
      if (isAsciiAlnum(code) && hanBefore(source, at)) add(at, at, ['spaceInTechnical'], ' ');
      if (isAsciiAlnum(code) && hanAt(source, at + 1)) add(at + 1, at + 1, ['spaceInTechnical'], ' ');
    } else if (code === 32 || code === 0xa0) {
      // Spaces between Chinese and letters or digits: none in the official style (周一至周五
      // 9:00 keeps its space before a time).
      let end = at;
      while (source.charCodeAt(end) === 32 || source.charCodeAt(end) === 0xa0) end++;
      const right = source.charCodeAt(end);
      const beforeTime = /^\d{1,2}:\d{2}/.test(source.slice(end, end + 5));
      if ((hanBefore(source, at) && isAsciiAlnum(right) && !beforeTime) || (isAsciiAlnum(source.charCodeAt(at - 1)) && hanAt(source, end))) {
        add(at, end, ['noSpaceInOfficial'], '');
      }
      at = end - 1;
    }
  }
  if (source.includes('(')) {
    for (const match of source.matchAll(/\(([^()\n]*)\)/g)) {
      const close = match.index + match[0].length - 1;
      const chinese = new RegExp(HAN, 'u');
      if (!chinese.test(match[1]!) && !chinese.test(source[match.index - 1] ?? '') && !chinese.test(source[close + 1] ?? '')) continue;
      add(match.index, match.index + 1, ['fullWidthBracket', { mark: '(', fullWidth: '（' }], '（');
      add(close, close + 1, ['fullWidthBracket', { mark: ')', fullWidth: '）' }], '）');
    }
  }
  if (/[０-９Ａ-Ｚａ-ｚ]/.test(source)) {
    for (const match of source.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
      const half = match[0].normalize('NFKC'); // full-width digits and letters only, so nothing else changes
      add(match.index, match.index + match[0].length, ['halfWidthAlphanumeric', { written: match[0], halfWidth: half }], half);
    }
  }
  if (source.includes('：')) {
    for (const match of source.matchAll(/(?<=\d)：(?=\d{2})/g)) add(match.index, match.index + 1, ['timeColon'], ':');
  }
  if (source.includes('/') || source.includes('.')) {
    for (const match of source.matchAll(/(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/g)) {
      const written = `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
      add(match.index, match.index + match[0].length, ['date', { date: written }], written);
    }
  }
  if (/[－—–]/.test(source)) {
    for (const match of source.matchAll(/(?<=\d{3,4})[－—–](?=\d{7,8})/g)) add(match.index, match.index + 1, ['phoneHyphen'], '-');
  }
  if (/[￥¥块]/.test(source)) {
    for (const match of source.matchAll(/[￥¥] ?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) ?(?:块钱|块)(?![\p{Script=Han}])/gu)) {
      const amount = match[1] ?? match[2]!;
      add(match.index, match.index + match[0].length, ['amount', { amount }], undefined, `${amount}元`);
    }
  }
  if (source.includes('...') || source.includes('。。。')) {
    for (const match of source.matchAll(/\.{3,}|。{3,}/g)) add(match.index, match.index + match[0].length, ['ellipsis'], '……');
  }
  return findings.sort((a, b) => a.start - b.start);
}

