import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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

  it('give the same tree as GFM as published for every example guide', async () => {
    const files = (await findGuideFiles([join(import.meta.dirname, '../../../guides')])).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(parsed(body).tree, file).toEqual(published.parse(body));
    }
  });
});
