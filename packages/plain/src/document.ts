import { tokenize, type Segmenter, type TaggedWord, type Words } from './segmenter.js';

/** A sentence-like unit: it ends at 。！？；, at a line break, or where the text ends. */
export interface Unit {
  start: number;
  end: number;
}

/** One text, segmented, with what every rule needs to know about it. */
export interface AnalyzedText extends Words {
  text: string;
  /** per offset: bit 1 a word starts there, bit 2 a word ends there */
  boundaries: Uint8Array;
  units: Unit[];
  /** 《…》 titles of laws and documents: quoted, so word rules leave them alone */
  quoted: Array<[number, number]>;
}

export const startsWord = (text: AnalyzedText, offset: number) => (text.boundaries[offset]! & 1) !== 0;
export const endsWord = (text: AnalyzedText, offset: number) => (text.boundaries[offset]! & 2) !== 0;

/**
 * Texts in reading order (a guide's fields, then its body), analysed as one: joined by line
 * breaks, which end every sentence and are a word of their own, so nothing crosses from one text
 * into the next. One segmentation call and one pass of each rule for a whole guide, instead of
 * a hundred small ones, is what keeps the rules' cost close to segmentation's. Findings are split
 * back per text with `split`. Tags are fetched on demand and kept.
 */
export class AnalyzedDocument {
  readonly joined: AnalyzedText;
  /** where each text starts in `joined` */
  readonly starts: readonly number[];
  readonly #segmenter: Segmenter;
  readonly #tags = new Map<string, TaggedWord[]>();

  constructor(texts: string[], segmenter: Segmenter) {
    this.#segmenter = segmenter;
    const text = texts.join('\n');
    // A guide without prose (or one that could not be read) never loads the dictionary.
    this.joined = analyzeText(text, texts.length ? segmenter.cut([text])[0]! : []);
    const starts: number[] = [];
    let offset = 0;
    for (const part of texts) {
      starts.push(offset);
      offset += part.length + 1;
    }
    this.starts = starts;
  }

  /** The index of the text that holds an offset of `joined`. */
  textAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Findings on `joined`, as findings on each text (offsets relative to that text). */
  split<T extends { start: number; end: number }>(findings: T[]): T[][] {
    const perText: T[][] = this.starts.map(() => []);
    for (const finding of findings) {
      const index = this.textAt(finding.start);
      const shift = this.starts[index]!;
      perText[index]!.push({ ...finding, start: finding.start - shift, end: finding.end - shift });
    }
    return perText;
  }

  /** Part-of-speech tags for each of `fragments` (sentences), in one batch. */
  tags(fragments: string[]): TaggedWord[][] {
    const missing = [...new Set(fragments.filter((fragment) => !this.#tags.has(fragment)))];
    if (missing.length) {
      const tagged = this.#segmenter.tag(missing);
      for (const [index, fragment] of missing.entries()) this.#tags.set(fragment, tagged[index]!);
    }
    return fragments.map((fragment) => this.#tags.get(fragment)!);
  }
}

/** 。！？；!?; (and runs of them) or a line break end a unit. */
function isUnitEnd(code: number): boolean {
  return (
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0xff1b ||
    code === 33 ||
    code === 63 ||
    code === 59 ||
    code === 10
  );
}

function analyzeText(text: string, words: string[]): AnalyzedText {
  const { words: segmented, offsets } = tokenize(text, words);
  const boundaries = new Uint8Array(text.length + 1);
  for (let index = 0; index < segmented.length; index++) {
    boundaries[offsets[index]!]! |= 1;
    boundaries[offsets[index + 1]!]! |= 2;
  }
  const units: Unit[] = [];
  let start = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isUnitEnd(code)) {
      // A run of enders (？！, 。\n) closes one unit.
      while (i + 1 < text.length && isUnitEnd(text.charCodeAt(i + 1)) && text.charCodeAt(i) !== 10) i++;
      if (content) units.push({ start, end: i + 1 });
      start = i + 1;
      content = false;
    } else if (code !== 32 && code !== 9 && code !== 13) {
      content = true;
    }
  }
  if (content) units.push({ start, end: text.length });
  const quoted: Array<[number, number]> = [];
  if (text.includes('《'))
    for (const match of text.matchAll(/《[^《》\n]*》/g)) quoted.push([match.index, match.index + match[0].length]);
  return { text, words: segmented, offsets, boundaries, units, quoted };
}

export function isQuoted(text: AnalyzedText, start: number, end: number): boolean {
  return text.quoted.length > 0 && text.quoted.some(([from, to]) => start >= from && end <= to);
}

/** Whether a code point is a Han character (the CJK blocks guides use, astral ones included). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x323af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}
