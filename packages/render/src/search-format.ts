/**
 * The search index's format, shared by the build (`search.ts`) and the browser module
 * (`search-query.ts`, bundled into the search module): this file imports nothing, so the module
 * stays free of dependencies.
 */

/** Bumped when the files change shape: the search module refuses an index of another version. */
export const INDEX_VERSION = 1;

export type SearchField =
  | 'title'
  | 'aliases'
  | 'keywords'
  | 'summary'
  | 'conditions'
  | 'materials'
  | 'steps'
  | 'faq'
  | 'body'
  | 'service';

/** One bit per field in each posting: why a guide matched. */
export const FIELD_BITS: Record<SearchField, number> = {
  title: 1,
  aliases: 2,
  keywords: 4,
  summary: 8,
  conditions: 16,
  materials: 32,
  steps: 64,
  faq: 128,
  body: 256,
  service: 512,
};

/** The fields as a result names them, in bit order. */
export const FIELD_LABELS: string[] = [
  '名称',
  '别名',
  '关键词',
  '简介',
  '办理条件',
  '材料',
  '办理步骤',
  '常见问题',
  '正文',
  '部门与地点',
];

export interface SearchMeta {
  version: number;
  /** how many guides; they are numbered 0..documents-1 in id order */
  documents: number;
  /** guides per `docs/<n>.json` */
  groupSize: number;
  /** how many `terms/<n>.json` chunks the terms are hashed into */
  chunks: number;
  fields: string[];
  /** the values a search can be narrowed to, each with its number of guides */
  filters: { category: Array<[string, number]>; city: Array<[string, number]> };
  /** `departments/all.json` lists every department (else only a city's, `departments/<n>.json`) */
  allDepartments: boolean;
  /** keywords many guides share, to offer when a search finds nothing */
  suggestions: string[];
}

/** What a result shows of a guide: held by its search document, returned with each result. */
export interface GuideDisplay {
  id: string;
  title: string;
  summary: string;
  /** the guide's page, relative to the index's directory */
  url: string;
  department: string;
  category: string;
  city: string;
  district: string;
}

/** A display row of `docs/<n>.json`: id, title, summary, url, department, category, city, district. */
export type DocumentRow = [string, string, string, string, string, string, string, string];

/** Text as both sides of the index compare it: full-width forms folded, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** FNV-1a over UTF-16 code units: which chunk holds a term. */
export function termChunk(term: string, chunkCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < term.length; index++) {
    hash ^= term.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % chunkCount;
}

/**
 * A term's score in a guide (0..1 of the most it can be) as one character: the square root
 * keeps detail at the low end, where one mention in the body lies. `scoreValue` reads it back.
 */
export function scoreLevel(share: number): number {
  return Math.min(63, Math.max(1, Math.round(63 * Math.sqrt(share))));
}

export function scoreValue(level: number): number {
  return (level / 63) ** 2;
}

/** 64 characters that need no escaping in JSON: a postings list is a string of them. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE = new Map([...ALPHABET].map((char, index) => [char, index]));

/**
 * A term's postings as text: for each guide (ascending), the gap from the previous guide number
 * in base 32 with a continuation flag, then the score (one character) and the fields (two).
 */
export function postingsText(postings: ReadonlyArray<readonly [number, number, number]>): string {
  let text = '';
  let previous = -1;
  for (const [position, score, fields] of postings) {
    let gap = position - previous - 1;
    previous = position;
    while (gap >= 32) {
      text += ALPHABET[32 + (gap & 31)];
      gap >>>= 5;
    }
    text += ALPHABET[gap]! + ALPHABET[score]! + ALPHABET[fields >> 6]! + ALPHABET[fields & 63]!;
  }
  return text;
}

/** The postings of `postingsText`, as [guide number, score, fields]. */
export function readPostings(text: string): Array<[number, number, number]> {
  const postings: Array<[number, number, number]> = [];
  let previous = -1;
  let index = 0;
  while (index < text.length) {
    let gap = 0;
    let shift = 0;
    let digit = VALUE.get(text[index++]!)!;
    while (digit >= 32) {
      gap += (digit - 32) * 2 ** shift;
      shift += 5;
      digit = VALUE.get(text[index++]!)!;
    }
    gap += digit * 2 ** shift;
    previous += gap + 1;
    const score = VALUE.get(text[index++]!)!;
    const fields = VALUE.get(text[index++]!)! * 64 + VALUE.get(text[index++]!)!;
    postings.push([previous, score, fields]);
  }
  return postings;
}
