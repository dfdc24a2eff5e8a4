import { readFileSync } from 'node:fs';
import type { JourneyView } from './journey-view.js';
import type { GuideView } from './view.js';
import {
  FIELD_BITS,
  FIELD_LABELS,
  INDEX_VERSION,
  normalizeText,
  postingsText,
  scoreLevel,
  termChunk,
  type DocumentRow,
  type GuideDisplay,
  type SearchField,
  type SearchMeta,
} from './search-format.js';

/**
 * Full-text search without jieba in the browser. At build time each guide becomes a search
 * document (`searchDocument`): every term of every field a citizen reads, with a score already
 * weighted by field and length. The catalog's documents become a chunked index
 * (`searchIndexFiles`) that the search module (built from `search-query.ts`) queries with what a
 * browser cuts cheaply: `Intl.Segmenter` words and character pairs. jieba's words (cut for search,
 * so 身份证 inside 居民身份证 is a term) and every pair of adjacent characters are both indexed, so
 * whichever way the browser cuts a query, its parts are found.
 */

/** jieba's cut for search, injected by the publisher (render does not load jieba). */
export type SearchSegment = (text: string) => string[];

/** How much a term counts in each field, and the length (in terms) at which a field counts fully. */
const FIELD_WEIGHTS: Record<SearchField, { weight: number; length: number; b: number }> = {
  title: { weight: 10, length: 12, b: 0.3 },
  aliases: { weight: 8, length: 30, b: 0.3 },
  keywords: { weight: 5, length: 30, b: 0.3 },
  summary: { weight: 3, length: 60, b: 0.5 },
  conditions: { weight: 1.5, length: 150, b: 0.75 },
  materials: { weight: 1.5, length: 200, b: 0.75 },
  steps: { weight: 1.2, length: 250, b: 0.75 },
  faq: { weight: 1.5, length: 250, b: 0.75 },
  body: { weight: 0.8, length: 1500, b: 0.75 },
  service: { weight: 1, length: 60, b: 0.3 },
};

/**
 * BM25's saturation, in each field on its own (a term repeated in the body never outweighs it
 * once in the title): a field's score grows with the term's length-normalised count and levels
 * off at K1 + 1 times the field's weight.
 */
const K1 = 1.2;
const MAX_SCORE = Object.values(FIELD_WEIGHTS).reduce((sum, { weight }) => sum + weight * (K1 + 1), 0);

/** A guide as the index holds it: what a result shows, and every term with its score and fields. */
export interface SearchDocument extends GuideDisplay {
  /** term → [score level 1..63 (`scoreLevel`), the fields holding it (FIELD_BITS)], sorted by term */
  terms: Record<string, [number, number]>;
}

const HAN = /\p{Script=Han}/u;
/** Runs of Han characters, or of letters and digits (12123, app); everything else separates. */
const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Character pairs of Han runs, whole letter-and-digit runs, and single characters when `singles`. */
function textTerms(text: string, singles: boolean): string[] {
  const terms: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUNS)) {
    if (!HAN.test(run)) {
      terms.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (singles || chars.length === 1) terms.push(...chars);
    for (let index = 0; index + 1 < chars.length; index++) terms.push(chars[index]! + chars[index + 1]!);
  }
  return terms;
}

/** jieba's words of three or more characters (shorter ones are character pairs already). */
function wordTerms(text: string, segment: SearchSegment | undefined): string[] {
  if (!segment) return [];
  return segment(normalizeText(text)).filter((word) => Array.from(word).length >= 3 && /^\p{Script=Han}+$/u.test(word));
}

/** The texts of each field, as a citizen reads them on the guide's page. */
function fieldTexts(view: GuideView): Record<SearchField, string[]> {
  return {
    title: [view.title],
    aliases: view.aliases,
    keywords: view.keywords,
    summary: [view.summary],
    conditions: [...view.conditions, ...view.exclusions, ...(view.quantityLimit ? [view.quantityLimit] : [])],
    materials: view.materials.flatMap((material) => [
      material.name,
      material.need ?? '',
      material.source,
      ...material.details,
    ]),
    steps: view.steps.flatMap((step) => [step.title ?? '', step.how, step.where ?? '']),
    faq: view.faq.flatMap((entry) => [entry.question, entry.answer]),
    body: [bodyText(view.body)],
    service: [
      view.department,
      view.category,
      view.region?.city ?? '',
      view.region?.district ?? '',
      view.result?.name ?? '',
      ...view.fees,
      ...view.timeLimit,
      ...view.locations.flatMap((location) => [location.name, location.address]),
    ],
  };
}

/** The text of the body's sanitized HTML: tags dropped, the few entities the sanitizer writes decoded. */
function bodyText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_entity, name: string) =>
      name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === '#39' ? "'" : '&',
    );
}

/**
 * A guide's search document. `segment` is jieba's cut for search; without it only character
 * pairs are indexed. The document is small and JSON, so it can be made beside the guide's pages
 * (in a worker) and gathered for the catalog's index.
 */
export function searchDocument(view: GuideView, url: string, segment?: SearchSegment): SearchDocument {
  return {
    id: view.id,
    title: view.title,
    summary: view.summary,
    url,
    department: view.department,
    category: view.category,
    city: view.region?.city ?? '',
    district: view.region?.district ?? '',
    terms: scoredTerms(fieldTexts(view), segment),
  };
}

/** The category a journey's search document is filed under: results and the category filter name it. */
export const JOURNEY_CATEGORY = '一件事';

/**
 * A journey's search document: its steps and the services they name are its steps, the merged
 * checklist its materials. Filed under 「一件事」, linking to the journey's page.
 */
export function journeySearchDocument(view: JourneyView, url: string, segment?: SearchSegment): SearchDocument {
  const texts: Record<SearchField, string[]> = {
    title: [view.title],
    aliases: view.aliases,
    keywords: view.keywords,
    summary: [view.summary],
    conditions: view.steps.flatMap((step) => step.optional ?? []),
    materials: view.checklist.map((item) => item.name),
    steps: view.steps.flatMap((step) => [
      step.title,
      step.note ?? '',
      ...step.services.map((service) => service.title),
    ]),
    faq: [],
    body: [bodyText(view.body)],
    service: [view.department, view.lifeEvent],
  };
  return {
    id: view.id,
    title: view.title,
    summary: view.summary,
    url,
    department: view.department,
    category: JOURNEY_CATEGORY,
    city: '',
    district: '',
    terms: scoredTerms(texts, segment),
  };
}

/** Every term of the fields' texts with its score level and the fields that hold it, sorted by term. */
function scoredTerms(
  texts: Record<SearchField, string[]>,
  segment: SearchSegment | undefined,
): SearchDocument['terms'] {
  const scored = new Map<string, { score: number; fields: number }>();
  for (const field of Object.keys(FIELD_WEIGHTS) as SearchField[]) {
    const singles = field === 'title' || field === 'aliases' || field === 'keywords';
    const counts = new Map<string, number>();
    let length = 0;
    for (const text of texts[field]) {
      if (!text) continue;
      for (const term of [...textTerms(text, singles), ...wordTerms(text, segment)]) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        length++;
      }
    }
    const { weight, length: typical, b } = FIELD_WEIGHTS[field];
    const norm = 1 - b + (b * length) / typical;
    for (const [term, count] of counts) {
      const tf = count / norm;
      const entry = scored.get(term) ?? { score: 0, fields: 0 };
      entry.score += (weight * tf * (K1 + 1)) / (tf + K1);
      entry.fields |= FIELD_BITS[field];
      scored.set(term, entry);
    }
  }
  const terms: SearchDocument['terms'] = {};
  for (const term of [...scored.keys()].sort(byCodePoint)) {
    const { score, fields } = scored.get(term)!;
    terms[term] = [scoreLevel(score / MAX_SCORE), fields];
  }
  return terms;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Display data of this many guides share a file: a page of results loads a few of them. */
const GROUP_SIZE = 16;
/** A list of more departments than this is no help in a drop-down: choose a city first. */
const MAX_LISTED_DEPARTMENTS = 300;
/** About this many bytes of postings a chunk file: a query term loads one chunk. */
const CHUNK_BYTES = 12 * 1024;

/**
 * The catalog's index as files, paths relative to the directory that also holds the search module:
 * `meta.json` (counts, the chunk count, filter values, suggestions), `terms/<n>.json` (the
 * postings of the terms whose hash falls in chunk n), `docs/<n>.json` (title, summary, link and
 * filters of 16 guides), `departments/<n>.json` (the departments of the n-th city) and
 * `departments/all.json` (when there are few). Guides are numbered in id order; everything is
 * sorted, so the same documents always give the same bytes.
 */
export function searchIndexFiles(documents: Iterable<SearchDocument>): Map<string, string> {
  // Documents are read once, in any order, and may be made on the fly (a catalog of 100,000
  // guides never holds all its documents at once): postings are kept as packed numbers, arrival
  // number × 2^16 + score × 2^10 + fields, and renumbered in id order at the end.
  const rows: DocumentRow[] = [];
  const postings = new Map<string, number[]>();
  const add = (term: string, packed: number) => {
    const list = postings.get(term);
    if (list) list.push(packed);
    else postings.set(term, [packed]);
  };
  const counts = {
    department: new Map<string, number>(),
    category: new Map<string, number>(),
    city: new Map<string, number>(),
  };
  const keywordCounts = new Map<string, number>();
  /** each city's departments; '' for guides that name no city */
  const departmentsByCity = new Map<string, Map<string, number>>();
  for (const document of documents) {
    const arrival = rows.length * 2 ** 16;
    const { id, title, summary, url, department, category, city, district } = document;
    rows.push([id, title, summary, url, department, category, city, district]);
    for (const [term, [score, fields]] of Object.entries(document.terms)) {
      add(term, arrival + score * 2 ** 10 + fields);
      if (fields & FIELD_BITS.keywords && Array.from(term).length >= 2)
        keywordCounts.set(term, (keywordCounts.get(term) ?? 0) + 1);
    }
    for (const filter of ['department', 'category', 'city'] as const) {
      const value = document[filter];
      if (!value) continue;
      add(`${filter}:${value}`, arrival);
      counts[filter].set(value, (counts[filter].get(value) ?? 0) + 1);
    }
    if (department) {
      const departments = departmentsByCity.get(city) ?? new Map<string, number>();
      departments.set(department, (departments.get(department) ?? 0) + 1);
      departmentsByCity.set(city, departments);
    }
  }
  const order = rows.map((_, arrival) => arrival).sort((a, b) => byCodePoint(rows[a]![0], rows[b]![0]));
  const position = new Int32Array(rows.length);
  order.forEach((arrival, index) => {
    position[arrival] = index;
  });

  const encoded = [...postings.keys()].sort(byCodePoint).map((term) => {
    const list = postings
      .get(term)!
      .map((packed): [number, number, number] => [
        position[Math.floor(packed / 2 ** 16)]!,
        Math.floor(packed / 2 ** 10) % 64,
        packed % 2 ** 10,
      ]);
    postings.delete(term);
    return [term, postingsText(list.sort((a, b) => a[0] - b[0]))] as const;
  });
  const totalBytes = encoded.reduce((sum, [term, text]) => sum + term.length * 3 + text.length + 6, 0);
  let chunkCount = 1;
  while (chunkCount * CHUNK_BYTES < totalBytes) chunkCount *= 2;
  const chunks = Array.from({ length: chunkCount }, () => [] as Array<readonly [string, string]>);
  for (const entry of encoded) chunks[termChunk(entry[0], chunkCount)]!.push(entry);

  const files = new Map<string, string>();
  const sortedCounts = (values: Map<string, number>) =>
    [...values].sort(([a], [b]) => byCodePoint(a, b)) as Array<[string, number]>;
  const values = (filter: keyof typeof counts) => sortedCounts(counts[filter]);
  const cities = values('city');
  const meta: SearchMeta = {
    version: INDEX_VERSION,
    documents: rows.length,
    groupSize: GROUP_SIZE,
    chunks: chunkCount,
    fields: FIELD_LABELS,
    filters: { category: values('category'), city: cities },
    allDepartments: counts.department.size <= MAX_LISTED_DEPARTMENTS,
    suggestions: [...keywordCounts]
      .sort(([a, countA], [b, countB]) => countB - countA || byCodePoint(a, b))
      .slice(0, 8)
      .map(([term]) => term),
  };
  files.set('meta.json', JSON.stringify(meta));
  // Departments by city (the last file: guides that name no city), and all of them when few.
  [...cities.map(([city]) => city), ''].forEach((city, index) => {
    const departments = departmentsByCity.get(city);
    if (departments) files.set(`departments/${index}.json`, JSON.stringify(sortedCounts(departments)));
  });
  if (meta.allDepartments) files.set('departments/all.json', JSON.stringify(values('department')));
  chunks.forEach((entries, index) => {
    if (entries.length) files.set(`terms/${index}.json`, JSON.stringify(Object.fromEntries(entries)));
  });
  const sorted = order.map((arrival) => rows[arrival]!);
  for (let start = 0; start < sorted.length; start += GROUP_SIZE)
    files.set(`docs/${start / GROUP_SIZE}.json`, JSON.stringify(sorted.slice(start, start + GROUP_SIZE)));
  return new Map([...files].sort(([a], [b]) => byCodePoint(a, b)));
}

/** The browser's search module, built by scripts/bundle-cli.mjs from search-query.ts. */
const SEARCH_MODULE = new URL('../dist/search.mjs', import.meta.url);

/**
 * The source of the search module to ship next to the index files. The web target names it
 * `search.js`, which every web server sends as JavaScript (a module script refuses any other
 * type, and not every server knows `.mjs`).
 */
export function searchModuleSource(): string {
  return readFileSync(SEARCH_MODULE, 'utf8');
}

export { normalizeText, termChunk, type DocumentRow, type SearchField, type SearchMeta };
