import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * CommonMark does not treat `**注意：**请带上身份证` as bold (the closing `**` follows punctuation
 * and precedes a letter); remark-cjk-friendly fixes emphasis next to Chinese punctuation.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).freeze();

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}
