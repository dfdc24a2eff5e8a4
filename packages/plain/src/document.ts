import { tokenize, type Segmenter, type TaggedWord, type Token } from './segmenter.js';

/** A sentence-like unit: it ends at 。！？；, at a line break, or where the text ends. */
export interface Unit {
  start: number;
  end: number;
}

/** One text, segmented, with what every rule needs to know about it. */
export interface AnalyzedText {
  text: string;
  tokens: Token[];
  /** offsets where a word starts / ends: a match must begin and end on them */
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
  units: Unit[];
  /** 《…》 titles of laws and documents: quoted, so word rules leave them alone */
  quoted: Array<[number, number]>;
}

/** Texts in reading order, segmented in one batch; tags are fetched on demand and kept. */
export class AnalyzedDocument {
  readonly texts: AnalyzedText[];
  readonly #segmenter: Segmenter;
  readonly #tags = new Map<string, TaggedWord[]>();

  constructor(texts: string[], segmenter: Segmenter) {
    this.#segmenter = segmenter;
    // A guide without prose (or one that could not be read) never loads the dictionary.
    const words = texts.length ? segmenter.cut(texts) : [];
    this.texts = texts.map((text, index) => analyzeText(text, words[index]!));
  }

  /** Part-of-speech tags for each of `fragments` (sentences), in one batch. */
  tags(fragments: string[]): TaggedWord[][] {
    const missing = [...new Set(fragments.filter((fragment) => !this.#tags.has(fragment)))];
    if (missing.length) {
      const tagged = this.#segmenter.tag(missing);
      missing.forEach((fragment, index) => this.#tags.set(fragment, tagged[index]!));
    }
    return fragments.map((fragment) => this.#tags.get(fragment)!);
  }
}

const UNIT_END = /[。！？；!?;]+|\n/g;

function analyzeText(text: string, words: string[]): AnalyzedText {
  const tokens = tokenize(text, words);
  const units: Unit[] = [];
  let start = 0;
  for (const match of text.matchAll(UNIT_END)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim()) units.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) units.push({ start, end: text.length });
  const quoted: Array<[number, number]> = [];
  for (const match of text.matchAll(/《[^《》]*》/g)) quoted.push([match.index, match.index + match[0].length]);
  return {
    text,
    tokens,
    starts: new Set(tokens.map((token) => token.start)),
    ends: new Set(tokens.map((token) => token.end)),
    units,
    quoted,
  };
}

export function isQuoted(text: AnalyzedText, start: number, end: number): boolean {
  return text.quoted.some(([from, to]) => start >= from && end <= to);
}

/** Han characters, letters and digits: what counts as length (punctuation does not). */
export function contentLength(text: string): number {
  let count = 0;
  for (const char of text) if (/[\p{Script=Han}A-Za-z0-9]/u.test(char)) count++;
  return count;
}
