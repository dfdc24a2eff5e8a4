import { markdownRange } from '@baihua/core';
import { visit } from 'unist-util-visit';
import { defineRule } from '../define.js';

export default defineRule({
  meta: {
    id: 'markdown/no-html',
    severity: 'warn',
    title: '正文不写 HTML',
    description: '正文里的 HTML 标签会在生成网页、手机版和打印版时被安全过滤去掉，写了也看不到，还可能让排版错乱。',
    howToFix: '改用 Markdown：加粗写 **文字**，列表每行以 - 开头，表格用 | 分隔，换段空一行。注释 <!-- --> 可以保留。',
    messages: {
      html: '正文里不要写 HTML 标签（{{tag}}）：生成网页时会被去掉。请改用 Markdown，如加粗写 **文字**',
    },
  },
  examples: {
    valid: [
      { title: '用 Markdown 加粗', code: '---\nid: id-card-renewal\n---\n\n请带上**户口簿**。\n' },
      {
        title: '注释和 baihua 指令不算 HTML',
        code: '---\nid: id-card-renewal\n---\n\n<!-- 下次核验时更新地址 -->\n请带上户口簿。\n',
      },
    ],
    invalid: [
      {
        title: '用 HTML 标签加粗',
        code: '---\nid: id-card-renewal\n---\n\n请带上<b>户口簿</b>。\n',
        errors: [
          { messageId: 'html', data: { tag: '<b>' }, line: 5, column: 4, endLine: 5, endColumn: 7 },
          { messageId: 'html', data: { tag: '</b>' }, line: 5, column: 10, endLine: 5, endColumn: 14 },
        ],
      },
    ],
  },
  check({ guide, report }) {
    const body = guide.body;
    if (!body) return;
    visit(body.tree, 'html', (node) => {
      const value = node.value.trim();
      if (/^<!--[\s\S]*-->$/.test(value)) return;
      const tag = /^<\/?[A-Za-z][^\s>/]*/.exec(value)?.[0];
      report({
        messageId: 'html',
        data: { tag: tag ? `${tag}>` : value.slice(0, 10) },
        range: markdownRange(body, node),
      });
    });
  },
});
