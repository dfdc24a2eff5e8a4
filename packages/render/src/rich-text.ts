import type { Element, ElementContent, Root as HastRoot } from 'hast';

/**
 * The tags a body's rich-text nodes may use: those both WeChat's and Alipay's `rich-text`
 * components render (their lists of trusted nodes), without the table tags, which Skyline, WeChat's
 * newer renderer, lacks, nor `a` and `img`, which neither can follow or load from a body.
 */
export const RICH_TEXT_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'div',
  'span',
  'strong',
  'em',
  'del',
  'code',
  'sub',
  'sup',
] as const;

export type RichTextTag = (typeof RICH_TEXT_TAGS)[number];

/** An element node of a mini-program's `rich-text` (`type` left out: `node` is the default). */
export interface RichTextElement {
  name: RichTextTag;
  attrs?: Record<string, string>;
  children?: RichTextNode[];
}

/** A text node; the components decode entities in it, so `&`, `<` and `>` are written as entities. */
export interface RichTextText {
  type: 'text';
  text: string;
}

export type RichTextNode = RichTextElement | RichTextText;

const BLOCKS = new Set<string>(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'div', 'hr']);

/** Elements kept under a name the components know. */
const RENAMED: Readonly<Record<string, RichTextTag>> = {
  b: 'strong',
  i: 'em',
  s: 'del',
  kbd: 'code',
  samp: 'code',
  var: 'code',
  dfn: 'span',
  ins: 'span',
  abbr: 'span',
  section: 'div',
  details: 'div',
  summary: 'p',
  dl: 'div',
  dt: 'p',
  dd: 'p',
};

const isTag = (name: string): name is RichTextTag => (RICH_TEXT_TAGS as readonly string[]).includes(name);
const text = (value: string): RichTextText => ({ type: 'text', text: value });
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** A line break inside a paragraph: nothing between Chinese characters, a space between words. */
function withoutSoftBreaks(value: string): string {
  return value.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    return HAN.test(before) || HAN.test(after) || !before || !after ? '' : ' ';
  });
}

function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textContent).join('') : '';
}

/** A link's text, then its address where the text does not already say it: a mini-program cannot follow it. */
function linkNodes(element: Element, preformatted: boolean): RichTextNode[] {
  const children = convertAll(element.children, preformatted);
  const href = typeof element.properties.href === 'string' ? element.properties.href : '';
  const shown = href.replace(/^(mailto|tel):/i, '');
  const label = element.children.map(textContent).join('');
  if (!shown || href.startsWith('#') || label.includes(shown)) return [{ name: 'span', children }];
  return [{ name: 'span', children: [...children, text(`（${shown}）`)] }];
}

/** A table as a list of its rows, each row a line `header：value` per cell: no table tags. */
function tableNodes(table: Element, preformatted: boolean): RichTextNode[] {
  const rows: Element[] = [];
  const collect = (node: ElementContent) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'tr') rows.push(node);
    else node.children.forEach(collect);
  };
  table.children.forEach(collect);
  const cells = (row: Element) =>
    row.children.filter((cell): cell is Element => cell.type === 'element' && /^t[hd]$/.test(cell.tagName));
  const [head, ...body] = rows;
  if (!head) return [];
  const headers = cells(head).map((cell) => textContent(cell).trim());
  const items = body.map((row): RichTextElement => {
    const lines = cells(row).flatMap((cell, index) => {
      if (!textContent(cell).trim()) return [];
      const header = headers[index];
      return [[...(header ? [text(`${header}：`)] : []), ...convertAll(cell.children, preformatted)]];
    });
    return {
      name: 'li',
      children: lines.flatMap((line, index) => (index ? [{ name: 'br' as const }, ...line] : line)),
    };
  });
  return items.length ? [{ name: 'ul', children: items }] : [];
}

function convert(node: ElementContent, preformatted: boolean): RichTextNode[] {
  if (node.type === 'text') {
    if (preformatted) return [text(node.value)];
    // The line breaks remark-rehype puts between blocks are not content.
    if (/^\s*\n\s*$/.test(node.value)) return [];
    return [text(withoutSoftBreaks(node.value))];
  }
  if (node.type !== 'element') return [];
  const { tagName } = node;
  if (tagName === 'a') return linkNodes(node, preformatted);
  if (tagName === 'table') return tableNodes(node, preformatted);
  if (tagName === 'input')
    return node.properties.type === 'checkbox' ? [text(node.properties.checked ? '☑ ' : '☐ ')] : [];
  if (tagName === 'pre') {
    const children = convertAll(node.children, true);
    return [{ name: 'div', attrs: { style: 'white-space: pre-wrap;' }, children }];
  }
  const name = isTag(tagName) ? tagName : RENAMED[tagName];
  const children = convertAll(node.children, preformatted);
  // An element the components do not know gives its content to its parent.
  if (!name) return children;
  const element: RichTextElement = { name };
  const start = node.properties.start;
  if (name === 'ol' && typeof start === 'number' && start !== 1) element.attrs = { start: String(start) };
  if (name !== 'br' && name !== 'hr') element.children = children;
  return [element];
}

function convertAll(nodes: ElementContent[], preformatted: boolean): RichTextNode[] {
  return nodes.flatMap((node) => convert(node, preformatted));
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escaped(nodes: RichTextNode[]): RichTextNode[] {
  return nodes.map((node) =>
    'type' in node
      ? text(node.text.replace(/[&<>]/g, (char) => ENTITIES[char]!))
      : { ...node, ...(node.children && { children: escaped(node.children) }) },
  );
}

/** The lines of nodes as plain text: a list item starts `- ` or `1. `, what lies under it is indented to match. */
function lines(nodes: RichTextNode[]): string[] {
  const done: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) done.push(line.trim());
    line = '';
  };
  const visit = (node: RichTextNode) => {
    if ('type' in node) {
      line += node.text;
      return;
    }
    if (node.name === 'br') return flush();
    if (!BLOCKS.has(node.name)) return node.children?.forEach(visit);
    flush();
    if (node.name === 'ul' || node.name === 'ol') {
      const first = Number(node.attrs?.start ?? 1);
      for (const [index, item] of (node.children ?? []).entries()) {
        const marker = node.name === 'ol' ? `${first + index}. ` : '- ';
        const inner = 'type' in item ? [item.text] : lines(item.children ?? []);
        done.push(...inner.map((text, at) => (at ? ' '.repeat(marker.length) : marker) + text));
      }
      return;
    }
    done.push(...lines(node.children ?? []));
  };
  nodes.forEach(visit);
  flush();
  return done;
}

/** The body for a mini-program and as plain text (for a hotline's knowledge base, for speech). */
export interface RichTextBody {
  /** a `rich-text` component's `nodes` */
  nodes: RichTextNode[];
  /** the body's text: a block a paragraph, blocks apart by an empty line, list items one a line */
  text: string;
}

/** The sanitized body (bodyTree) as rich-text nodes and as plain text. */
export function richTextBody(tree: HastRoot): RichTextBody {
  const nodes = convertAll(tree.children as ElementContent[], false);
  const text = nodes
    .map((node) => lines([node]).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  return { nodes: escaped(nodes), text };
}
