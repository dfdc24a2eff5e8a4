import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A word of a text with its place: `text.slice(start, end) === word`. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

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
    // are joined again by `tokenize`.
    return texts.map((text) => engine.cut(text, false));
  },
  tag(texts) {
    const engine = loadJieba();
    return texts.map((text) => engine.tag(text));
  },
};

const ASCII_WORD = /^[A-Za-z0-9]$/;

/** Words with offsets; runs of ASCII letters and digits become one word. */
export function tokenize(text: string, words: string[]): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of words) {
    const last = tokens.at(-1);
    if (last && ASCII_WORD.test(word) && /[A-Za-z0-9]$/.test(last.word) && last.end === offset) {
      last.word += word;
      last.end += word.length;
    } else {
      tokens.push({ word, start: offset, end: offset + word.length });
    }
    offset += word.length;
  }
  if (offset !== text.length) throw new Error('segmentation does not cover the text');
  return tokens;
}
