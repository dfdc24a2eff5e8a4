/**
 * The search module a web page or a portal loads (`search/search.js`, bundled from this file
 * with esbuild and free of dependencies): it cuts a query with `Intl.Segmenter` and character
 * pairs, loads only the index chunks of the query's terms and the display data of the results it
 * returns, and ranks guides by BM25 over field-weighted scores, with a bonus when every part of
 * the query is in one field. A guide that holds only some parts of the query is still found,
 * after those that hold more.
 */
import {
  type DocumentRow,
  type GuideDisplay,
  INDEX_VERSION,
  normalizeText,
  readPostings,
  scoreValue,
  type SearchMeta,
  termChunk,
} from './search-format.js';

export interface SearchFilters {
  department?: string;
  category?: string;
  city?: string;
}

export interface SearchOptions {
  /** how many results to return with their display data (default 20) */
  limit?: number;
  filters?: SearchFilters;
}

export interface SearchResult extends GuideDisplay {
  score: number;
  /** why it matched: each word of the query the guide holds, and the fields (in Chinese) holding it */
  matched: Array<{ word: string; fields: string[] }>;
  /** the parts of the query the guide does not hold (empty when it holds them all) */
  missing: string[];
}

export interface SearchResponse {
  /** how many guides match, of which `results` are the best `limit` */
  total: number;
  results: SearchResult[];
  /** the parts the query was cut into, without the words every question has (怎么, 办理) */
  words: string[];
  /** keywords to offer when nothing matched */
  suggestions: string[];
}

/** Reads a file of the index (a path such as `terms/3.json`) and returns its parsed JSON. */
export type IndexLoader = (path: string) => Promise<unknown>;

/** Words of how a citizen asks that say nothing of what is asked for. */
const QUESTION_WORDS = new Set(
  (
    '我 我们 我想 我要 你 您 想 要 想要 怎么 怎么办 怎样 如何 哪里 哪儿 在哪 在哪里 去哪 去哪里 什么 需要 吗 呢 的 了 和 啊 吧 ' +
    '办理 办 手续 流程 哪些 可以 能 能不能'
  ).split(' '),
);
const HAN_RUN = /^\p{Script=Han}+$/u;
const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/**
 * A stretch of the query between spaces, punctuation and question words: its characters (a
 * letter-and-digit run is one "character") and the words a browser's segmenter found in it,
 * as [start, end) offsets into `chars`.
 */
export interface QueryRun {
  chars: string[];
  words: Array<[number, number]>;
}

/** The query cut by `Intl.Segmenter`, with the question words (怎么, 办理) dropped. */
export function queryRuns(query: string): QueryRun[] {
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  const runs: QueryRun[] = [];
  const kept: QueryRun[] = [];
  for (const [text] of normalizeText(query).matchAll(RUNS)) {
    if (!HAN_RUN.test(text)) {
      runs.push({ chars: [text], words: [] });
      kept.push({ chars: [text], words: [] });
      continue;
    }
    const segments = segmenter ? [...segmenter.segment(text)].map(({ segment }) => segment) : [text];
    const all: QueryRun = { chars: [], words: [] };
    let run: QueryRun = { chars: [], words: [] };
    for (const segment of segments) {
      const chars = Array.from(segment);
      all.words.push([all.chars.length, all.chars.length + chars.length]);
      all.chars.push(...chars);
      if (QUESTION_WORDS.has(segment)) {
        if (run.chars.length) kept.push(run);
        run = { chars: [], words: [] };
        continue;
      }
      run.words.push([run.chars.length, run.chars.length + chars.length]);
      run.chars.push(...chars);
    }
    if (run.chars.length) kept.push(run);
    runs.push(all);
  }
  // A query of question words alone (「怎么办」) is searched as it is.
  return kept.length ? kept : runs;
}

/** The query's words as a person reads them: each run's segments. */
export function queryWords(query: string): string[] {
  return queryRuns(query).flatMap(({ chars, words }) =>
    words.length ? words.map(([start, end]) => chars.slice(start, end).join('')) : [chars.join('')],
  );
}

/** What a character pair across two of the segmenter's words counts, against one inside a word. */
const ACROSS_WORDS = 0.3;

/** A term looked up for a run: the character pairs (slots) it covers, and its postings. */
interface Unit {
  term: string;
  slots: number[];
  postings: Array<[number, number, number]>;
}

interface Match {
  score: number;
  /** fields holding each slot the guide matched */
  slots: Map<number, number>;
}

/** A search over the index that `load` reads. Files are loaded once and kept. */
export function createSearch(load: IndexLoader) {
  const cache = new Map<string, Promise<unknown>>();
  const file = (path: string) => {
    let loaded = cache.get(path);
    if (!loaded) {
      loaded = load(path);
      cache.set(path, loaded);
      // A failed load (offline) is tried again next time.
      loaded.catch(() => cache.delete(path));
    }
    return loaded;
  };
  const metaFile = async () => {
    const meta = (await file('meta.json')) as SearchMeta;
    if (meta.version !== INDEX_VERSION)
      throw new Error(`search index version ${meta.version}, this module reads version ${INDEX_VERSION}`);
    return meta;
  };
  const postings = async (meta: SearchMeta, term: string) => {
    const chunk = (await file(`terms/${termChunk(term, meta.chunks)}.json`).catch(() => ({}))) as Record<
      string,
      string
    >;
    const text = Object.hasOwn(chunk, term) ? chunk[term]! : '';
    return readPostings(text);
  };

  /**
   * The terms of each run: jieba words of the index the query holds (a segment of three or more
   * characters, or two segments joined: 身份|证 → 身份证), then the character pairs no found
   * word covers. Slots (the run's character pairs, or its one character) are numbered across runs.
   */
  async function runUnits(meta: SearchMeta, runs: QueryRun[]) {
    const units: Unit[] = [];
    const slotText: string[] = [];
    /** the first slot of each run: matched words do not join across runs */
    const runStarts = new Set<number>();
    /** how much each slot counts: a pair across two of the segmenter's words counts less */
    const slotFactor: number[] = [];
    /** the query's characters, run after run, and the characters each slot covers */
    const queryChars: string[] = [];
    const charRunStarts = new Set<number>();
    const slotChars: number[][] = [];
    for (const { chars, words } of runs) {
      const first = slotText.length;
      runStarts.add(first);
      charRunStarts.add(queryChars.length);
      const firstChar = queryChars.length;
      queryChars.push(...chars);
      for (let index = 0; index < Math.max(1, chars.length - 1); index++)
        slotChars.push(chars.length === 1 ? [firstChar] : [firstChar + index, firstChar + index + 1]);
      if (chars.length === 1) {
        slotText.push(chars[0]!);
        slotFactor.push(1);
        units.push({ term: chars[0]!, slots: [first], postings: await postings(meta, chars[0]!) });
        continue;
      }
      for (let index = 0; index + 1 < chars.length; index++) {
        slotText.push(chars[index]! + chars[index + 1]!);
        // A pair inside a word, or between two single characters (the segmenter did not know
        // the word: 低|保), counts fully; a pair across a known word's edge (孩子|上学) less.
        const inWord = words.some(([start, end]) => start <= index && index + 2 <= end);
        const singles =
          words.some(([start, end]) => end === index + 1 && start === index) &&
          words.some(([start, end]) => start === index + 1 && end === index + 2);
        slotFactor.push(inWord || singles || !words.length ? 1 : ACROSS_WORDS);
      }
      const spans = new Map<string, [number, number]>();
      const span = (start: number, end: number) => spans.set(chars.slice(start, end).join(''), [start, end]);
      words.forEach(([start, end], index) => {
        if (end - start >= 3) span(start, end);
        // A word the segmenter cut short: 身份|证, 个体|户.
        const next = words[index + 1];
        if (next && ((end - start === 2 && next[1] - next[0] === 1) || (end - start === 1 && next[1] - next[0] === 2)))
          span(start, next[1]);
      });
      const found = (
        await Promise.all(
          [...spans].map(async ([term, span]) => ({ term, span, postings: await postings(meta, term) })),
        )
      )
        .filter((word) => word.postings.length)
        .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]) || a.span[0] - b.span[0]);
      const covered = new Set<number>();
      for (const { term, span, postings: list } of found) {
        const slots: number[] = [];
        for (let slot = span[0]; slot + 1 < span[1]; slot++) if (!covered.has(slot)) slots.push(slot);
        if (!slots.length) continue;
        for (const slot of slots) {
          covered.add(slot);
          slotFactor[first + slot] = 1;
        }
        units.push({ term, slots: slots.map((slot) => first + slot), postings: list });
      }
      // A pair across the edge of a found word (证换 after 身份证) is a pair across words.
      for (const { span } of found)
        for (const slot of [span[0] - 1, span[1] - 1])
          if (slot >= 0 && slot + 1 < chars.length && !covered.has(slot)) slotFactor[first + slot] = ACROSS_WORDS;
      const pairs = slotText
        .slice(first)
        .flatMap((pair, slot) => (covered.has(slot) ? [] : [[pair, first + slot] as const]));
      units.push(
        ...(await Promise.all(
          pairs.map(async ([pair, slot]) => ({ term: pair, slots: [slot], postings: await postings(meta, pair) })),
        )),
      );
    }
    return { units, slotText, runStarts, slotFactor, queryChars, charRunStarts, slotChars };
  }

  async function search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const meta = await metaFile();
    const limit = options.limit ?? 20;
    const runs = queryRuns(query);
    const idf = (df: number) => Math.log(1 + (meta.documents - df + 0.5) / (df + 0.5));

    const filters = Object.entries(options.filters ?? {}).filter(([, value]) => value);
    const allowed = await Promise.all(
      filters.map(async ([name, value]) => new Set((await postings(meta, `${name}:${value}`)).map(([doc]) => doc))),
    );
    const passes = (doc: number) => allowed.every((set) => set.has(doc));

    const { units, slotText, runStarts, slotFactor, queryChars, charRunStarts, slotChars } = await runUnits(meta, runs);
    // A slot no guide holds (a pair across two words, a typo) tells nothing: it weighs nothing.
    const slotWeight = new Array<number>(slotText.length).fill(0);
    for (const unit of units)
      for (const slot of unit.slots)
        slotWeight[slot] = unit.postings.length ? idf(unit.postings.length) * slotFactor[slot]! : 0;
    const totalWeight = slotWeight.reduce((sum, weight) => sum + weight, 0);

    const matches = new Map<number, Match>();
    for (const unit of units) {
      const unitIdf = idf(unit.postings.length);
      for (const [doc, impact, fields] of unit.postings) {
        if (!passes(doc)) continue;
        const match = matches.get(doc) ?? { score: 0, slots: new Map() };
        match.score += scoreValue(impact) * unitIdf * unit.slots.reduce((sum, slot) => sum + slotFactor[slot]!, 0);
        for (const slot of unit.slots) match.slots.set(slot, fields);
        matches.set(doc, match);
      }
    }
    const held = (match: Match) =>
      totalWeight ? [...match.slots.keys()].reduce((sum, slot) => sum + slotWeight[slot]!, 0) / totalWeight : 0;

    let ranked: Array<[number, number]>;
    if (slotText.length) {
      const shares = new Map([...matches].map(([doc, match]) => [doc, held(match)]));
      const best = Math.max(0, ...shares.values());
      const informative = slotWeight.filter((weight) => weight > 0).length;
      ranked = [...matches]
        .filter(([doc]) => shares.get(doc)! >= best / 2)
        .map(([doc, match]): [number, number] => {
          const share = shares.get(doc)!;
          // Every informative slot in one field: the query as a phrase; in the name or an alias,
          // the guide is named by it.
          const common = [...match.slots.values()].reduce((all, fields) => all & fields, -1);
          const together = informative > 1 && match.slots.size >= informative && common > 0;
          const bonus = together && (common & 3) !== 0 ? 1.5 : together ? 1.2 : 1;
          return [doc, match.score * (0.25 + 0.75 * share * share) * bonus];
        })
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    } else {
      // No words, only filters: the guides they allow, in id order.
      ranked = filters.length
        ? Array.from({ length: meta.documents }, (_, doc) => doc)
            .filter(passes)
            .map((doc): [number, number] => [doc, 0])
        : [];
    }

    const shown = ranked.slice(0, limit);
    const groups = new Map<number, Promise<DocumentRow[]>>();
    for (const [doc] of shown) {
      const group = Math.floor(doc / meta.groupSize);
      if (!groups.has(group)) groups.set(group, file(`docs/${group}.json`) as Promise<DocumentRow[]>);
    }
    const labels = (fields: number) => meta.fields.filter((_, bit) => fields & (1 << bit));
    const results = await Promise.all(
      shown.map(async ([doc, score]): Promise<SearchResult> => {
        const row = (await groups.get(Math.floor(doc / meta.groupSize))!)[doc % meta.groupSize]!;
        const [id, title, summary, url, department, category, city, district] = row;
        return {
          id,
          title,
          summary,
          url,
          department,
          category,
          city,
          district,
          score,
          matched: matchedWords(matches.get(doc)),
          missing: missing(matches.get(doc)),
        };
      }),
    );
    return {
      total: ranked.length,
      results,
      words: queryWords(query),
      suggestions: ranked.length ? [] : meta.suggestions,
    };

    /** The stretches of the query's characters that no matched slot of the guide covers. */
    function missing(match: Match | undefined): string[] {
      const held = new Set([...(match?.slots.keys() ?? [])].flatMap((slot) => slotChars[slot]!));
      const stretches: string[] = [];
      let text = '';
      queryChars.forEach((char, index) => {
        if (charRunStarts.has(index) || held.has(index)) {
          if (text) stretches.push(text);
          text = '';
        }
        if (!held.has(index)) text += char;
      });
      if (text) stretches.push(text);
      return stretches;
    }

    /** The stretches of the query a guide holds: consecutive matched pairs inside words, joined. */
    function matchedWords(match: Match | undefined): SearchResult['matched'] {
      if (!match) return [];
      const words: SearchResult['matched'] = [];
      let text = '';
      let fields = 0;
      const flush = () => {
        if (text) words.push({ word: text, fields: labels(fields) });
        text = '';
        fields = 0;
      };
      slotText.forEach((pair, slot) => {
        const slotFields = match.slots.get(slot);
        // A pair across two words is no word of the query to show: 孩子 and 上学, not 孩子上学.
        if (slotFields === undefined || slotFactor[slot]! < 1) {
          flush();
          return;
        }
        const continues = text && match.slots.has(slot - 1) && !runStarts.has(slot);
        if (!continues) flush();
        text = continues ? text + Array.from(pair).slice(1).join('') : pair;
        fields |= slotFields;
      });
      flush();
      return words;
    }
  }

  return {
    search,
    /** the index's filter values: categories and cities, each with its number of guides */
    filters: async () => (await metaFile()).filters,
    /**
     * The departments of a city ('' for every city when the catalog has few departments, else
     * null), each with its number of guides.
     */
    departments: async (city: string): Promise<Array<[string, number]> | null> => {
      const meta = await metaFile();
      if (!city) return meta.allDepartments ? ((await file('departments/all.json')) as Array<[string, number]>) : null;
      const index = meta.filters.city.findIndex(([name]) => name === city);
      return index < 0 ? [] : ((await file(`departments/${index}.json`)) as Array<[string, number]>);
    },
  };
}

const here = new URL('./', import.meta.url);
const fromHere = createSearch(async (path) => {
  const response = await fetch(new URL(path, here));
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return response.json();
});

/** Searches the index next to this module (fetched over HTTP). From Node, use `createSearch`. */
export const search = fromHere.search;
export const searchFilters = fromHere.filters;
export const searchDepartments = fromHere.departments;
