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
/**
 * Keyword extraction (TF-IDF) is never used, but jieba loads its 6 MB table on start and refuses
 * an empty one: a one-line table saves about 100 ms and 20 MB.
 */
const unusedIdfTable = fileURLToPath(new URL('../data/jieba-unused-idf.utf8', import.meta.url));
let jieba: Jieba | undefined;

/** What Baihua passes to jieba's `load` (the benchmarks load it the same way). */
export function jiebaLoadOptions(defaultUserDict: string): { userDict: string; idfDict: string; stopWordDict: string } {
  return { userDict: `${defaultUserDict}|${userDictionary}`, idfDict: unusedIdfTable, stopWordDict: unusedIdfTable };
}

/**
 * nodejs-jieba, loaded on first use and once per thread (about 0.6 s and 160 MB, with the
 * patch in patches/ that skips the TextRank extractor): linting that needs no plain rule never
 * pays for it. `load({ userDict })` replaces jieba's own user dictionary, so both are passed.
 */
function loadJieba(): Jieba {
  if (!jieba) {
    const loaded = require('nodejs-jieba') as Jieba;
    loaded.load(jiebaLoadOptions(loaded.DEFAULT_USER_DICT));
    jieba = loaded;
  }
  return jieba;
}

/** jieba in this thread. */
export const inProcessSegmenter: Segmenter = {
  cut(texts) {
    const engine = loadJieba();
    // Without HMM, unknown runs stay single characters instead of being guessed into words
    // (须于, 请于): rules then see 须 and 于.
    return texts.map((text) => engine.cut(text, false));
  },
  tag(texts) {
    const engine = loadJieba();
    return texts.map((text) => engine.tag(text));
  },
};

/**
 * jieba's cut for search in this thread: the words of a text and, inside each long word, the
 * shorter words it holds (居民身份证 → 居民, 身份, 身份证, 居民身份证), for a search index.
 */
export function cutForSearch(text: string): string[] {
  return loadJieba().cutForSearch(text);
}

/** Words of a text and where they start: word i spans offsets[i] to offsets[i + 1]. */
export interface Words {
  words: string[];
  offsets: Int32Array;
}

/**
 * Where each word starts. Letters and digits stay one word per character (jieba's cut without
 * HMM splits them): no rule matches inside them, and the score counts only Han words.
 */
export function tokenize(text: string, pieces: string[]): Words {
  const offsets = new Int32Array(pieces.length + 1);
  let offset = 0;
  for (let index = 0; index < pieces.length; index++) {
    offsets[index] = offset;
    offset += pieces[index]!.length;
  }
  if (offset !== text.length) throw new Error('segmentation does not cover the text');
  offsets[pieces.length] = offset;
  return { words: pieces, offsets };
}
