import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface TaggedWord {
  word: string;
  tag: string;
}

/** Segmentation as the rules need it; an implementation may run jieba elsewhere (a worker). */
export interface Segmenter {
  /** Words of each text, dictionary-based (no HMM guessing), covering every character. */
  cut(texts: string[]): string[][];
  /** Words with jieba part-of-speech tags, for the few patterns that need them. */
  tag(texts: string[]): TaggedWord[][];
}

type Jieba = typeof import('nodejs-jieba');

const require = createRequire(import.meta.url);
/** Government words and every glossary term (a test keeps the glossary in it), so that jieba
 * keeps 容缺受理 or 人社部门 whole. */
const userDictionary = fileURLToPath(new URL('../data/gov-dict.txt', import.meta.url));
let jieba: Jieba | undefined;

/**
 * nodejs-jieba, loaded on first use and once per process (about 1 s and 300 MB): linting that
 * needs no plain rule never pays for it. `load({ userDict })` replaces jieba's own user
 * dictionary, so both are passed.
 */
function loadJieba(): Jieba {
  if (!jieba) {
    const loaded = require('nodejs-jieba') as Jieba;
    loaded.load({ userDict: `${loaded.DEFAULT_USER_DICT}|${userDictionary}` });
    jieba = loaded;
  }
  return jieba;
}

/** jieba in this thread. */
export const inProcessSegmenter: Segmenter = {
  cut(texts) {
    const engine = loadJieba();
    // Without HMM, unknown runs stay single characters instead of being guessed into words
    // (须于, 请于): rules then see 须 and 于. ASCII letters and digits come out one by one and
    // are joined again by `tokenize`. One call for all texts, joined by line breaks (which jieba
    // never joins to a word): a call per text costs more in crossing into C++ than in cutting.
    const pieces = engine.cut(texts.join('\n'), false);
    return splitAtSeparators(texts, pieces) ?? texts.map((text) => engine.cut(text, false));
  },
  tag(texts) {
    const engine = loadJieba();
    return texts.map((text) => engine.tag(text));
  },
};

/** The pieces of `texts.join('\\n')` regrouped per text, or undefined if a piece crossed a separator. */
function splitAtSeparators(texts: string[], pieces: string[]): string[][] | undefined {
  const result: string[][] = [];
  let current: string[] = [];
  let text = 0;
  let used = 0;
  for (const piece of pieces) {
    if (used === texts[text]!.length && piece === '\n' && text < texts.length - 1) {
      result.push(current);
      current = [];
      text++;
      used = 0;
      continue;
    }
    used += piece.length;
    if (used > texts[text]!.length) return undefined;
    current.push(piece);
  }
  result.push(current);
  return result.length === texts.length && used === texts.at(-1)!.length ? result : undefined;
}

/** Words of a text and where they start: word i spans offsets[i] to offsets[i + 1]. */
export interface Words {
  words: string[];
  offsets: Int32Array;
}

const isAsciiWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Words with offsets; runs of ASCII letters and digits become one word. */
export function tokenize(text: string, pieces: string[]): Words {
  const words: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  let previousAscii = false;
  for (const piece of pieces) {
    const ascii = piece.length === 1 && isAsciiWordChar(piece.charCodeAt(0));
    if (ascii && previousAscii) {
      words[words.length - 1] += piece;
    } else {
      words.push(piece);
      offsets.push(offset);
    }
    previousAscii = ascii || (piece.length > 0 && isAsciiWordChar(piece.charCodeAt(piece.length - 1)) && /^[A-Za-z0-9]+$/.test(piece));
    offset += piece.length;
  }
  if (offset !== text.length) throw new Error('segmentation does not cover the text');
  offsets.push(offset);
  return { words, offsets: Int32Array.from(offsets) };
}
