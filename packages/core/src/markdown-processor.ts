import type { Nodes, Root } from 'mdast';
import type { Extension as FromMarkdownExtension, Transform } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GFM links bare URLs and e-mail addresses with a pass of regular expressions over every text
 * node of the tree, which took a tenth of the parse time of a long guide. Each of its patterns
 * needs `http`, `www` or `@` in one text node, so the pass runs only on the top-level blocks
 * that have such a text node outside links: the same tree, for less.
 */
const autolinkLiterals: Transform = gfmAutolinkLiteralFromMarkdown().transforms![0]!;
const MAY_HOLD_LITERAL = /@|www|http/i;

function mayGainAutolink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_HOLD_LITERAL.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  return node.children.some(mayGainAutolink);
}

function autolinkLiteralsWhereNeeded(tree: Root): undefined {
  for (const block of tree.children) if (mayGainAutolink(block)) autolinkLiterals(block as unknown as Root);
}

function guardAutolinkLiterals(this: Processor): void {
  let replaced = false;
  const extensions = (this.data('fromMarkdownExtensions') ?? []).flat(Infinity) as FromMarkdownExtension[];
  for (const extension of extensions) {
    if (!extension.transforms?.includes(autolinkLiterals)) continue;
    extension.transforms = extension.transforms.map((transform) =>
      transform === autolinkLiterals ? autolinkLiteralsWhereNeeded : transform,
    );
    replaced = true;
  }
  // remark-gfm and this package must share one mdast-util-gfm-autolink-literal.
  if (!replaced)
    throw new Error('remark-gfm no longer registers the autolink-literal transform of mdast-util-gfm-autolink-literal');
}

/**
 * CommonMark does not treat `**注意：**请带上身份证` as bold (the closing `**` follows punctuation
 * and precedes a letter); remark-cjk-friendly fixes emphasis next to Chinese punctuation.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(guardAutolinkLiterals).use(remarkCjkFriendly).freeze();

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}
