import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Link, Paragraph, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { findGuideFiles, OffsetMap, parseMarkdown, type ParsedMarkdown } from '@baihua/core';

/** remark with GFM as published: the autolink-literal pass over the whole tree. */
const published = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).freeze();

function parsed(text: string): ParsedMarkdown {
  const result = parseMarkdown(text, OffsetMap.identity(0, text.length), '/body');
  if (!('tree' in result)) throw new Error(result.message);
  return result;
}

describe('bare URLs and e-mail addresses in the body', () => {
  it('become links exactly where GFM makes them', () => {
    const body = [
      '# 网上办理',
      '',
      '登录 https://zwfw.qinghe.gov.cn/gjj 办理，或发邮件到 gjj@qinghe.gov.cn。',
      '',
      '- 预约：www.qinghe.gov.cn/yuyue',
      '- **咨询**：*HTTP://ZWFW.QINGHE.GOV.CN*',
      '- 已是链接的 [https://zwfw.qinghe.gov.cn](https://zwfw.qinghe.gov.cn) 不再变',
      '',
      '> 转义和字符引用拼出的网址：www\\.qinghe.gov.cn 或 gjj&#64;qinghe.gov.cn',
      '',
      '| 窗口 | 网址 |',
      '| --- | --- |',
      '| 一楼 | https://zwfw.qinghe.gov.cn/dating |',
      '',
      '没有网址的段落。',
    ].join('\n');
    const { tree } = parsed(body);
    expect(tree).toEqual(published.parse(body));
    const links = JSON.stringify(tree).match(/"url":"[^"]+"/g);
    expect(links).toEqual([
      '"url":"https://zwfw.qinghe.gov.cn/gjj"',
      '"url":"mailto:gjj@qinghe.gov.cn"',
      '"url":"http://www.qinghe.gov.cn/yuyue"',
      '"url":"HTTP://ZWFW.QINGHE.GOV.CN"',
      '"url":"https://zwfw.qinghe.gov.cn"',
      '"url":"http://www.qinghe.gov.cn"',
      '"url":"mailto:gjj@qinghe.gov.cn"',
      '"url":"https://zwfw.qinghe.gov.cn/dating"',
    ]);
  });

  it('end where a web address cannot go on: Chinese, full-width marks, and the punctuation before them', () => {
    const body = '登录https://a.gov.cn/x办理，或 www.qinghe.gov.cn/yy.预约，邮件 gjj@qinghe.gov.cn咨询。';
    const { tree } = parsed(body);
    const paragraph = tree.children[0] as Paragraph;
    const links = paragraph.children.filter((node): node is Link => node.type === 'link');
    expect(
      links.map((link) => [
        link.url,
        body.slice(link.position!.start.offset, link.position!.end.offset),
        body.slice(link.children[0]!.position!.start.offset, link.children[0]!.position!.end.offset),
      ]),
    ).toEqual([
      ['https://a.gov.cn/x', 'https://a.gov.cn/x', 'https://a.gov.cn/x'],
      ['http://www.qinghe.gov.cn/yy', 'www.qinghe.gov.cn/yy', 'www.qinghe.gov.cn/yy'],
      ['mailto:gjj@qinghe.gov.cn', 'gjj@qinghe.gov.cn', 'gjj@qinghe.gov.cn'],
    ]);
    // Everything else is text again, each piece where it is in the source.
    for (const node of paragraph.children.filter((child): child is Text => child.type === 'text'))
      expect(body.slice(node.position!.start.offset, node.position!.end.offset)).toBe(node.value);
    expect(paragraph.children.map((node) => (node.type === 'text' ? node.value : '[link]')).join('')).toBe(
      '登录[link]办理，或 [link].预约，邮件 [link]咨询。',
    );
  });

  it('give the same tree as GFM as published for every example guide', async () => {
    const files = (await findGuideFiles([join(import.meta.dirname, '../../../guides')])).filter((file) =>
      file.endsWith('.md'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(parsed(body).tree, file).toEqual(published.parse(body));
    }
  });
});

/** What parseMarkdown says of a body it refuses: the place and the message. */
function refusal(text: string): string {
  const result = parseMarkdown(text, OffsetMap.identity(0, text.length), '/body');
  if ('tree' in result) return 'parsed';
  return `[${result.start}, ${result.end}) ${result.message}`;
}

describe("limits on the body, which bound the parser's work", () => {
  const example = readFileSync(join(import.meta.dirname, '../../../guides/户籍/id-card-renewal.md'), 'utf8')
    .split(/^---$/m)
    .slice(2)
    .join('---');

  it('let the example body repeated to 127 KB through', () => {
    let body = '';
    while (Buffer.byteLength(body + example) < 127 * 1024) body += example;
    expect(refusal(body)).toBe('parsed');
  });

  it('refuse the 2,001st list item of a body, at its marker', () => {
    const items = '1. 1. 办理\n'.repeat(1000);
    expect(refusal(items)).toBe('parsed');
    const at = items.length + '说明：\n\n'.length;
    expect(refusal(`${items}说明：\n\n- 材料\n`)).toBe(
      `[${at}, ${at + 1}) 正文里的列表项超过了 2000 项，正文无法解析。一份指南通常不到 100 项，请检查是不是粘贴了数据或多写了列表符号`,
    );
  });

  it('refuse the 201st line of only - or =, the whole line', () => {
    const headings = '办理\n---\n'.repeat(100) + '材料\n===\n'.repeat(100);
    expect(refusal(headings)).toBe('parsed');
    const at = headings.length + '说明\n'.length;
    expect(refusal(`${headings}说明\n  --  \n`)).toBe(
      `[${at}, ${at + 4}) 正文里只有 - 或 = 的行超过了 200 行，正文无法解析。标题请用 # 开头，不需要的分隔线请删去`,
    );
  });

  it('refuse the 2,001st markup symbol of a body, counted after the markers that open a line', () => {
    const marked = '> - **注意**：带上[身份证](#id)和 `户口簿`\n\n'.repeat(250);
    expect(refusal(marked)).toBe('parsed');
    const at = marked.length + '> - '.length;
    expect(refusal(`${marked}> - 带上 \`户口簿\``)).toBe(
      `[${at + 3}, ${at + 4}) 正文里的标记符号（* _ ~ [ ] \` < > ! |）超过了 2000 个，正文无法解析。一份指南通常不到 200 个，请检查是不是粘贴了程序代码或数据`,
    );
  });

  it('refuse a body over 128 KB (from the API: a file is never that large)', () => {
    const body = '办理居民身份证。\n\n'.repeat(6000);
    expect(Buffer.byteLength(body)).toBeGreaterThan(128 * 1024);
    expect(refusal(body)).toBe(
      '[0, 0) 正文超过 128 KB，无法解析。一份指南的正文通常不到 50 KB，请检查是不是粘贴了程序代码或数据',
    );
  });
});
