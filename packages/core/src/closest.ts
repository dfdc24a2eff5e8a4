import { distance } from 'fastest-levenshtein';

/** Candidates a typo or a near-synonym probably meant: containment first, then edit distance. */
export function closest(input: string, candidates: string[]): string[] {
  const text = input.trim();
  if (!text) return [];
  const containing = candidates.filter((candidate) => candidate.includes(text) || text.includes(candidate));
  if (containing.length) return containing.slice(0, 3);
  const scored = candidates
    .map((candidate) => ({ candidate, score: distance(text.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, score }) => score <= Math.max(1, Math.floor(Math.max(candidate.length, text.length) / 3)))
    .sort((a, b) => a.score - b.score);
  return scored.slice(0, 3).map(({ candidate }) => candidate);
}
