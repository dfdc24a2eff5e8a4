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

/** What cannot be in a web address: 登录https://a.gov.cn/x办理 links https://a.gov.cn/x, not …/x办理. */
const NOT_IN_ADDRESS = /[^\x21-\x7e]/;

/**
 * GFM ends a bare address only at white space, so an address followed by Chinese took the rest
 * of the line into the link. Each bare-address link (its text is its source) is cut at the
 * first character an address cannot hold, less the punctuation before it (…/x.办理), and the rest
 * goes back to text.
 */
function endAddressesAtChinese(parent: Nodes): void {
  if (!('children' in parent)) return;
  const children = parent.children as Nodes[];
  for (let index = 0; index < children.length; index++) {
    const link = children[index]!;
    if (link.type !== 'link') {
      endAddressesAtChinese(link);
      continue;
    }
    const text = link.children.length === 1 ? link.children[0]! : undefined;
    const start = link.position?.start;
    if (text?.type !== 'text' || !start || text.position?.start.offset !== start.offset) continue;
    if (text.position?.end.offset !== link.position!.end.offset || !link.url.endsWith(text.value)) continue;
    const stop = text.value.search(NOT_IN_ADDRESS);
    if (stop === -1) continue;
    const cut = stop - /[.,:;!?]*$/.exec(text.value.slice(0, stop))![0].length;
    if (cut <= 0) continue;
    const rest = text.value.slice(cut);
    const restStart = { line: start.line, column: start.column + cut, offset: start.offset! + cut };
    link.url = link.url.slice(0, link.url.length - rest.length);
    text.value = text.value.slice(0, cut);
    text.position!.end = { ...restStart };
    const after = { type: 'text' as const, value: rest, position: { start: restStart, end: link.position!.end } };
    link.position!.end = { ...restStart };
    children.splice(index + 1, 0, after);
  }
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
  const tree = processor.parse(text) as Root;
  if (MAY_HOLD_LITERAL.test(text)) endAddressesAtChinese(tree);
  return tree;
}
