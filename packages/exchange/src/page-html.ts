// A saved guide page (HTML) reduced to the labelled text a browser's copy would give, then read
// by the same reader as `import text`: tables become rows of tab-separated cells, as a browser
// copies them, so 「办理时限 | 20个工作日」 and a material table's header row read the same way.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { pageLabels } from './page-labels.js';
import { type DraftOptions, draftFromText, type PageDraft, titleFromHeading } from './page-text.js';

// Stand-ins that survive toText's whitespace collapsing, put back after it.
const TAB = '\uE000';
const BREAK = '\uE001';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';

function elements(node: Root | Element, name: string, stopAt?: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === name) found.push(child);
    if (child.tagName !== stopAt) found.push(...elements(child, name, stopAt));
  }
  return found;
}

const cellText = (cell: Element, keepLines: boolean) =>
  toText(cell)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(keepLines ? BREAK : ' ');

/**
 * A table as one line (a block) per row, cells joined by tabs. A label | value row keeps the lines of
 * its value (a numbered list in one cell); in wider tables each cell is one line.
 */
function tableAsRows(table: Element): ElementContent[] {
  return elements(table, 'tr', 'table').map((row) => {
    const cells = row.children.filter(
      (cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'),
    );
    const text = cells.map((cell) => cellText(cell, cells.length === 2)).join(TAB);
    return { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: text }] };
  });
}

/** Replaces tables by their rows and drops chrome elements, in place. */
function reduce(node: Root | Element, chrome: ReadonlySet<string>): void {
  const children = (node.children as Array<Root['children'][number]>).flatMap((child): Root['children'] => {
    if (!isElement(child)) return [child];
    if (chrome.has(child.tagName)) return [];
    if (child.tagName === 'table') return tableAsRows(child);
    reduce(child, chrome);
    return [child];
  });
  node.children = children as ElementContent[];
}

/** The labelled text of a saved page and its title (first <h1>, else <title>). */
export function pageTextFromHtml(html: string): { text: string; title?: string } {
  const tree = unified().use(rehypeParse).parse(html);
  const heading = elements(tree, 'h1')[0] ?? elements(tree, 'title')[0];
  const title = heading ? titleFromHeading(toText(heading).replace(/\s+/g, ' ').trim()) : undefined;
  reduce(tree, new Set(pageLabels().chrome_elements));
  const text = toText(tree).replaceAll(TAB, '\t').replaceAll(BREAK, '\n');
  return { text, ...(title ? { title } : {}) };
}

/** The draft guide of a saved page. */
export function draftFromHtml(html: string, options: DraftOptions = {}): PageDraft {
  const { text, title } = pageTextFromHtml(html);
  return draftFromText(text, { ...(title ? { title } : {}), ...options });
}
