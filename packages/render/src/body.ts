import { loadGlossary } from '@baihua/plain';
import type { Element, Root as HastRoot, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';

/**
 * The allow-list for a guide's body: GitHub's (rehype-sanitize's default) without images (a
 * guide's pictures come from the build, not from arbitrary URLs) and with only the link schemes a
 * citizen's phone can follow safely: no `javascript:`, no `data:`.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
  // Headings keep their ids for the fold-out table of contents, prefixed as GitHub does.
  clobberPrefix: 'body-',
};

/**
 * Marks the first use of each glossary term as a definition, with the plain explanation as its
 * title (plain/jargon has the guide explain it in brackets right after, so nothing is repeated).
 */
function markGlossaryTerms(tree: HastRoot): void {
  const glossary = loadGlossary();
  const terms = Object.keys(glossary).sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  const replacements: Array<{ parent: Element | HastRoot; node: Text; parts: Array<Text | Element> }> = [];
  visitParents(tree, 'text', (node, ancestors) => {
    const parent = ancestors.at(-1) as Element | HastRoot;
    if (ancestors.some((ancestor) => ancestor.type === 'element' && ['a', 'code', 'pre', 'dfn', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(ancestor.tagName))) return;
    const parts: Array<Text | Element> = [];
    let rest = node.value;
    for (;;) {
      const found = terms
        .filter((term) => !seen.has(term))
        .map((term) => ({ term, at: rest.indexOf(term) }))
        .filter(({ at }) => at !== -1)
        .sort((a, b) => a.at - b.at || b.term.length - a.term.length)[0];
      if (!found) break;
      seen.add(found.term);
      if (found.at > 0) parts.push({ type: 'text', value: rest.slice(0, found.at) });
      parts.push({ type: 'element', tagName: 'dfn', properties: { title: glossary[found.term]! }, children: [{ type: 'text', value: found.term }] });
      rest = rest.slice(found.at + found.term.length);
    }
    if (parts.length) {
      if (rest) parts.push({ type: 'text', value: rest });
      replacements.push({ parent, node, parts });
    }
  });
  for (const { parent, node, parts } of replacements) parent.children.splice(parent.children.indexOf(node as never), 1, ...(parts as never[]));
}

const processor = unified()
  // Raw HTML in the Markdown is dropped, not passed through: the lint rule markdown/no-html
  // tells the clerk so.
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(() => markGlossaryTerms)
  .use(rehypeStringify);

/** The guide's Markdown body (already parsed by @baihua/core) as sanitized HTML. */
export function bodyHtml(tree: MdastRoot): string {
  const hast = processor.runSync(structuredClone(tree)) as HastRoot;
  return processor.stringify(hast);
}
