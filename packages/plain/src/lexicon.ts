import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Automaton } from './aho-corasick.js';
import { isQuoted, type AnalyzedText } from './document.js';
import { PLAIN_RULE_IDS, type Finding, type PlainRuleId } from './findings.js';

/**
 * Word lists live in data/lexicon/*.yaml, one file per rule (the shape below). Literal phrases
 * are found with one Aho–Corasick automaton and kept only where they begin and end on word
 * boundaries, so 系 is found in 系本市户籍 but not in 联系 or 系统. Patterns are sequences of
 * words with gaps (`经 … 批准|审核`), matched over the segmented words of one sentence.
 */
export interface LexiconEntry {
  /** literal phrase(s) */
  match?: string | string[];
  /** word pattern: words separated by spaces, `a|b` alternatives, `*` any one word, `…` a gap */
  pattern?: string;
  /** plainer wording(s), best first */
  replace?: string | string[];
  /** the first replacement may be applied by --fix */
  fix?: boolean;
  /** what to do, when there is no one replacement */
  advice?: string;
  /** a sentence where the entry must fire (tested) */
  test: string;
  /** a sentence with the same characters where it must not (tested) */
  not?: string;
}

export interface LexiconFile {
  rule: PlainRuleId;
  /** why the words are a problem, for messages: 「须」{reason}：… */
  reason: string;
  entries: LexiconEntry[];
}

const lexiconDirectory = fileURLToPath(new URL('../data/lexicon/', import.meta.url));

export function loadLexicons(): LexiconFile[] {
  return readdirSync(lexiconDirectory)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = parse(readFileSync(lexiconDirectory + name, 'utf8')) as LexiconFile;
      if (!PLAIN_RULE_IDS.includes(file.rule)) throw new Error(`${name}: unknown rule ${file.rule}`);
      return file;
    });
}

const GAP = '…';
const MAX_GAP = 8;
/** Gaps stay inside a sentence. */
const SENTENCE_END = /^[。！？；!?;\n]+$/;

type Element = { kind: 'words'; words: ReadonlySet<string> } | { kind: 'any' } | { kind: 'gap' };

interface CompiledEntry {
  rule: PlainRuleId;
  reason: string;
  entry: LexiconEntry;
}

interface CompiledPattern extends CompiledEntry {
  elements: Element[];
}

function compilePattern(source: string): Element[] {
  return source
    .trim()
    .split(/\s+/)
    .map((part): Element => (part === GAP ? { kind: 'gap' } : part === '*' ? { kind: 'any' } : { kind: 'words', words: new Set(part.split('|')) }));
}

export class Lexicon {
  readonly files: LexiconFile[];
  readonly #literals: Automaton<CompiledEntry>;
  /** patterns by the words their first element accepts */
  readonly #patterns = new Map<string, CompiledPattern[]>();

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
          if (first?.kind !== 'words') throw new Error(`${file.rule}: a pattern must start with words: ${entry.pattern}`);
          for (const word of first.words) {
            const list = this.#patterns.get(word) ?? [];
            list.push({ ...compiled, elements });
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
      if (!rules.has(value.rule) || !text.starts.has(start) || !text.ends.has(end) || isQuoted(text, start, end)) continue;
      findings.push(toFinding(value, text.text.slice(start, end), start, end));
    }
    const { tokens } = text;
    for (let index = 0; index < tokens.length; index++) {
      for (const pattern of this.#patterns.get(tokens[index]!.word) ?? []) {
        if (!rules.has(pattern.rule)) continue;
        const last = matchFrom(tokens, index, pattern.elements);
        if (last === undefined) continue;
        const start = tokens[index]!.start;
        const end = tokens[last]!.end;
        if (!isQuoted(text, start, end)) findings.push(toFinding(pattern, text.text.slice(start, end), start, end));
      }
    }
    return findings;
  }
}

/** Index of the last word of a match of `elements` starting at `index`, or undefined. */
function matchFrom(tokens: AnalyzedText['tokens'], index: number, elements: Element[]): number | undefined {
  const attempt = (position: number, element: number): number | undefined => {
    if (element === elements.length) return position - 1;
    const current = elements[element]!;
    if (current.kind === 'gap') {
      for (let skip = 0; skip <= MAX_GAP && position + skip <= tokens.length; skip++) {
        if (skip > 0 && SENTENCE_END.test(tokens[position + skip - 1]!.word)) break;
        const found = attempt(position + skip, element + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const token = tokens[position];
    if (!token || SENTENCE_END.test(token.word)) return undefined;
    if (current.kind === 'any' ? /^\s*$/.test(token.word) : !current.words.has(token.word)) return undefined;
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
    message: `「${matched}」${reason}：${advice}`,
    suggestions,
    ...(entry.fix && suggestions[0] !== undefined && { fix: suggestions[0] }),
  };
}
