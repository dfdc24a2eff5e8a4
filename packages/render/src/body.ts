import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

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

const processor = unified()
  // Raw HTML in the Markdown is dropped, not passed through: the lint rule markdown/no-html
  // tells the clerk so.
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** The guide's Markdown body (already parsed by @baihua/core) as sanitized HTML. */
export function bodyHtml(tree: MdastRoot): string {
  const hast = processor.runSync(structuredClone(tree)) as HastRoot;
  return processor.stringify(hast);
}
