import { markdownRange, type ParsedMarkdown } from '@baihua/core';
import type { Root as HastRoot } from 'hast';
import type { Parents, PhrasingContent, Root as MdastRoot, Text as MdastText } from 'mdast';
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
  // dfn: a glossary term where the guide first uses it, its meaning as the title (withTermsMarked).
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'img'), 'dfn'],
  attributes: { ...defaultSchema.attributes, dfn: ['title'] },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
  // Headings keep their ids for the fold-out table of contents, prefixed as GitHub does.
  clobberPrefix: 'body-',
};

/** A glossary term where the guide first uses it (file offsets), as the linter finds it. */
export interface TermMark {
  range: { start: number; end: number };
  term: string;
  meaning: string;
}

/**
 * The body's tree with each term of `marks` that lies in its text as a definition (`<dfn>` with the
 * plain meaning as its title), where the linter found it. The guide's own tree is left as it is:
 * it may be rendered again.
 */
export function withTermsMarked(body: ParsedMarkdown, marks: readonly TermMark[]): MdastRoot {
  const tree = structuredClone(body.tree);
  if (!marks.length) return tree;
  const replacements: Array<{ parent: Parents; node: MdastText; parts: PhrasingContent[] }> = [];
  visitParents(tree, 'text', (node, ancestors) => {
    const { start, end } = markdownRange(body, node);
    const from = node.position?.start.offset;
    const inNode = marks.filter((mark) => mark.range.start >= start && mark.range.end <= end);
    if (!inNode.length || from === undefined) return;
    // The value can differ from the file (an escape, a character reference): each term goes to
    // its occurrence in the value that lies nearest to where the linter found it.
    const places = inNode.flatMap((mark) => {
      let best: number | undefined;
      for (let at = node.value.indexOf(mark.term); at !== -1; at = node.value.indexOf(mark.term, at + 1)) {
        const distance = (index: number) => Math.abs(body.map.toSourceStart(from + index) - mark.range.start);
        if (best === undefined || distance(at) < distance(best)) best = at;
      }
      return best === undefined ? [] : [{ at: best, mark }];
    });
    places.sort((a, b) => a.at - b.at);
    const parts: PhrasingContent[] = [];
    let done = 0;
    for (const { at, mark } of places) {
      if (at < done) continue;
      if (at > done) parts.push({ type: 'text', value: node.value.slice(done, at) });
      const data = { hName: 'dfn', hProperties: { title: mark.meaning } };
      parts.push({ type: 'emphasis', data, children: [{ type: 'text', value: mark.term }] });
      done = at + mark.term.length;
    }
    if (!parts.length) return;
    if (done < node.value.length) parts.push({ type: 'text', value: node.value.slice(done) });
    replacements.push({ parent: ancestors.at(-1)!, node, parts });
  });
  for (const { parent, node, parts } of replacements) {
    const children = parent.children as PhrasingContent[];
    children.splice(children.indexOf(node), 1, ...parts);
  }
  return tree;
}

const processor = unified()
  // Raw HTML in the Markdown is dropped, not passed through: the lint rule markdown/no-html
  // tells the clerk so.
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** The guide's Markdown body (already parsed by @baihua/core) as a sanitized HTML tree. */
export function bodyTree(tree: MdastRoot): HastRoot {
  return processor.runSync(structuredClone(tree)) as HastRoot;
}

/** The guide's Markdown body (already parsed by @baihua/core) as sanitized HTML. */
export function bodyHtml(tree: MdastRoot): string {
  return processor.stringify(bodyTree(tree));
}

/**
 * Body HTML (as bodyHtml writes it) with its headings moved to sit under a heading of `level`:
 * its top heading becomes `level + 1` and the rest follow, so that a page's outline skips no
 * level (the mobile page folds the body under an h2, 「更多说明」). Levels stop at 6.
 */
export function headingsBelow(html: string, level: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
  if (!levels.length) return html;
  const shift = level + 1 - Math.min(...levels);
  // Text in sanitized HTML has its `<` escaped, so every `<h2` here is a tag.
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_tag, close: string, from: string) => {
    return `<${close}h${Math.min(6, Number(from) + shift)}`;
  });
}
