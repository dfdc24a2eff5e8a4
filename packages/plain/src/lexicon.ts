import { Automaton } from './aho-corasick.js';
import { loadLexicons, type LexiconEntry, type LexiconFile } from './data.js';
import { endsWord, isQuoted, startsWord, type AnalyzedText } from './document.js';
import type { Finding, PlainRuleId } from './findings.js';

/**
 * Literal phrases of the word lists are found with one Aho–Corasick automaton and kept only
 * where they begin and end on word boundaries, so 系 is found in 系本市户籍 but not in 联系 or
 * 系统. Patterns are sequences of words with gaps (`经 … 批准|审核`), matched over the
 * segmented words of one sentence.
 */
const GAP = '…';
const MAX_GAP = 8;
/** Gaps stay inside a sentence, and inside a clause unless the list says `gaps: sentence`. */
const SENTENCE_END = /^[。！？；!?;\n]+$/;
/** 对材料，进行审核 is two clauses, not one 对…进行 (double negatives do span clauses: 未…的，…不予). */
const CLAUSE_END = /^[。！？；，：!?;,:\n]+$/;

type Element = { kind: 'words'; words: ReadonlySet<string> } | { kind: 'any' } | { kind: 'gap' };

interface CompiledEntry {
  rule: PlainRuleId;
  reason: string;
  entry: LexiconEntry;
}

interface CompiledPattern extends CompiledEntry {
  elements: Element[];
  gapEnd: RegExp;
}

function compilePattern(source: string): Element[] {
  return source
    .trim()
    .split(/\s+/)
    .map(
      (part): Element =>
        part === GAP
          ? { kind: 'gap' }
          : part === '*'
            ? { kind: 'any' }
            : { kind: 'words', words: new Set(part.split('|')) },
    );
}

export class Lexicon {
  readonly files: LexiconFile[];
  readonly #literals: Automaton<CompiledEntry>;
  /** patterns by the words their first element accepts */
  readonly #patterns = new Map<string, CompiledPattern[]>();
  /** first code units of those words: most words are skipped without a map lookup */
  readonly #patternStarts = new Uint8Array(0x10000);

  constructor(files: LexiconFile[] = loadLexicons()) {
    this.files = files;
    const literals: Array<[string, CompiledEntry]> = [];
    for (const file of files) {
      for (const entry of file.entries) {
        const compiled = { rule: file.rule, reason: file.reason, entry };
        for (const phrase of [entry.match ?? []].flat()) literals.push([phrase, compiled]);
        if (entry.pattern) {
          const elements = compilePattern(entry.pattern);
          const first = elements[0];
          if (first?.kind !== 'words')
            throw new Error(`${file.rule}: a pattern must start with words: ${entry.pattern}`);
          for (const word of first.words) {
            this.#patternStarts[word.charCodeAt(0)] = 1;
            const list = this.#patterns.get(word) ?? [];
            list.push({ ...compiled, elements, gapEnd: file.gaps === 'sentence' ? SENTENCE_END : CLAUSE_END });
            this.#patterns.set(word, list);
          }
        }
      }
    }
    this.#literals = new Automaton(literals);
  }

  /** Every lexicon finding in a text, for the rules in `rules`. */
  find(text: AnalyzedText, rules: ReadonlySet<PlainRuleId>): Finding[] {
    const findings: Finding[] = [];
    for (const { start, end, value } of this.#literals.matches(text.text)) {
      if (!rules.has(value.rule) || !onWordBoundaries(text, start, end) || isQuoted(text, start, end)) continue;
      if (value.entry.except && insideFixedWord(text.text, start, end, value.entry.except)) continue;
      findings.push(toFinding(value, text.text.slice(start, end), start, end));
    }
    const { words, offsets } = text;
    for (let index = 0; index < words.length; index++) {
      if (this.#patternStarts[words[index]!.charCodeAt(0)] === 0) continue;
      const patterns = this.#patterns.get(words[index]!);
      if (!patterns) continue;
      for (const pattern of patterns) {
        if (!rules.has(pattern.rule)) continue;
        const last = matchFrom(words, index, pattern.elements, pattern.gapEnd);
        if (last === undefined) continue;
        const start = offsets[index]!;
        const end = offsets[last + 1]!;
        if (!isQuoted(text, start, end)) findings.push(toFinding(pattern, text.text.slice(start, end), start, end));
      }
    }
    return findings;
  }
}

/**
 * Where a phrase may be found, given jieba's words:
 * - one character (系, 于, 须) only as a word of its own, so 联系, 关于 and 必须 are not findings;
 * - two characters (及时, 依法) as a word, or as the first half of a four-or-more-character
 *   dictionary word (及时处理, 依法追究), but not of a three-character one (自行车 is not 自行);
 * - three or more as words, or ending on a word boundary while beginning inside the word before:
 *   jieba often glues a phrase's first character to that word (及其/他/相关/材料).
 */
function onWordBoundaries(text: AnalyzedText, start: number, end: number): boolean {
  const length = end - start;
  if (startsWord(text, start) && endsWord(text, end)) return true;
  if (length === 1) return false;
  if (length === 2) {
    if (!startsWord(text, start)) return false;
    // The word that begins here must run at least two characters past the phrase.
    for (let offset = start + 1; offset <= end + 1; offset++) if (endsWord(text, offset)) return false;
    return true;
  }
  if (!endsWord(text, end)) return false;
  for (let offset = start + 1; offset < end; offset++) if (endsWord(text, offset)) return true;
  return false;
}

/** Whether text[start, end) is part of one of `words` (the phrase 于 inside 适用于). */
function insideFixedWord(text: string, start: number, end: number, words: string[]): boolean {
  const phrase = text.slice(start, end);
  return words.some((word) => {
    for (let at = word.indexOf(phrase); at !== -1; at = word.indexOf(phrase, at + 1)) {
      if (text.startsWith(word, start - at)) return true;
    }
    return false;
  });
}

/** Index of the last word of a match of `elements` starting at `index`, or undefined. */
function matchFrom(words: string[], index: number, elements: Element[], gapEnd: RegExp): number | undefined {
  const attempt = (position: number, element: number): number | undefined => {
    if (element === elements.length) return position - 1;
    const current = elements[element]!;
    if (current.kind === 'gap') {
      for (let skip = 0; skip <= MAX_GAP && position + skip <= words.length; skip++) {
        if (skip > 0 && gapEnd.test(words[position + skip - 1]!)) break;
        const found = attempt(position + skip, element + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const word = words[position];
    if (word === undefined) return undefined;
    const accepted = current.kind === 'any' ? !/^\s*$/.test(word) && !CLAUSE_END.test(word) : current.words.has(word);
    if (!accepted) return undefined;
    return attempt(position + 1, element + 1);
  };
  return attempt(index, 0);
}

function toFinding({ rule, reason, entry }: CompiledEntry, matched: string, start: number, end: number): Finding {
  const suggestions = [entry.replace ?? []].flat();
  const advice = entry.advice ?? (suggestions.length ? `改为「${suggestions.join('」或「')}」` : '请换个说法');
  return {
    rule,
    start,
    end,
    messageId: 'word',
    data: { phrase: matched, reason, advice },
    suggestions,
    ...(entry.fix && suggestions[0] !== undefined && { fix: suggestions[0] }),
  };
}
