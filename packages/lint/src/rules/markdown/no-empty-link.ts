import { markdownRange } from '@baihua/core';
import { toString as textContent } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { defineRule } from '../define.js';

export default defineRule({
  meta: {
    id: 'markdown/no-empty-link',
    severity: 'error',
    title: '链接要有文字和网址',
    description: '没有网址的链接点了没反应；没有文字的链接在页面上看不见，读屏软件也读不出来。',
    howToFix: '写成 [链接文字](https://完整网址)，链接文字说清点开是什么，如 [下载申请表](https://…)。',
    messages: {
      noUrl: '链接「{{text}}」没有网址：请在括号里写上完整的 https:// 网址',
      noText: '链接没有文字：请在方括号里写上点开后是什么，如“在线预约”',
    },
  },
  examples: {
    valid: [
      {
        title: '有文字和网址的链接',
        code: '---\nid: id-card-renewal\n---\n\n[在线预约](https://example.gov.cn/id-card)\n',
      },
    ],
    invalid: [
      {
        title: '链接没有网址',
        code: '---\nid: id-card-renewal\n---\n\n点这里[在线预约]()。\n',
        errors: [{ messageId: 'noUrl', data: { text: '在线预约' }, line: 5, column: 4, endLine: 5, endColumn: 12 }],
      },
      {
        title: '链接没有文字',
        code: '---\nid: id-card-renewal\n---\n\n[](https://example.gov.cn/id-card)\n',
        errors: [{ messageId: 'noText', line: 5, column: 1, endLine: 5, endColumn: 35 }],
      },
    ],
  },
  check({ guide, report }) {
    const body = guide.body;
    if (!body) return;
    visit(body.tree, 'link', (link) => {
      const text = textContent(link).trim();
      const range = markdownRange(body, link);
      if (!link.url.trim() || link.url.trim() === '#') {
        report({ messageId: 'noUrl', data: { text: text || '（无文字）' }, range });
      } else if (!text) {
        report({ messageId: 'noText', range });
      }
    });
  },
});
