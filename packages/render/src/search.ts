import type { GuideView } from './view.js';

/**
 * The index the web page searches without jieba: for each guide, its names and summary; for each
 * pair of adjacent characters in them (and each single character), the guides that hold it. A
 * query is cut into character pairs the same way and matches a guide holding all of them, so
 * 「身份证」 finds 「换领居民身份证」 and 「换身份证」 finds it through its everyday name.
 */
export interface SearchIndex {
  guides: Array<{ id: string; title: string; summary: string; url: string }>;
  grams: Record<string, number[]>;
}

function grams(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/g, ''));
  return [...chars, ...chars.slice(0, -1).map((char, index) => char + chars[index + 1])];
}

/** What the index reads of a guide: a view, or the build's record of it. */
type Searchable = Pick<GuideView, 'id' | 'title' | 'summary' | 'aliases' | 'keywords' | 'category' | 'department'>;

export function searchIndex<T extends Searchable>(views: readonly T[], url: (view: T) => string): SearchIndex {
  const index: SearchIndex = { guides: [], grams: {} };
  const postings = new Map<string, number[]>();
  views.forEach((view, position) => {
    index.guides.push({ id: view.id, title: view.title, summary: view.summary, url: url(view) });
    const searchable = [view.title, ...view.aliases, ...view.keywords, view.summary, view.category, view.department];
    for (const gram of new Set(searchable.flatMap(grams))) {
      const list = postings.get(gram);
      if (list) list.push(position);
      else postings.set(gram, [position]);
    }
  });
  for (const [gram, list] of [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) index.grams[gram] = list;
  return index;
}
