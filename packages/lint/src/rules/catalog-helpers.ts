import type { CatalogContext, GuideSummary } from '../types.js';
import { EXAMPLE_GUIDE } from './example-guide.js';

/** Guides grouped by a key, in catalog order; guides without the key are left out. */
export function groupBy(
  guides: readonly GuideSummary[],
  key: (guide: GuideSummary) => string | undefined,
): Map<string, GuideSummary[]> {
  const groups = new Map<string, GuideSummary[]>();
  for (const guide of guides) {
    const value = key(guide);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(guide);
    else groups.set(value, [guide]);
  }
  return groups;
}

const LISTED = 3;

/** Other guides named for a message: `a.md、b.md 等 5 份指南`. */
export function nameGuides(context: Pick<CatalogContext, 'displayPath'>, guides: GuideSummary[]): string {
  const names = guides
    .slice(0, LISTED)
    .map((guide) => context.displayPath(guide))
    .join('、');
  return guides.length > LISTED ? `${names} 等 ${guides.length} 份指南` : names;
}

/** The example guide saved as another file of the catalog, with some text changed. */
export function otherGuide(
  filename: string,
  ...changes: Array<[from: string, to: string]>
): { filename: string; code: string } {
  return { filename, code: changes.reduce((code, [from, to]) => code.replace(from, to), EXAMPLE_GUIDE) };
}
