import { markdownRange } from '@baihua/core';
import { visit } from 'unist-util-visit';
import { defineRule } from '../define.js';

export default defineRule({
  meta: {
    id: 'markdown/no-h1',
    severity: 'error',
    title: '正文不用一级标题',
    description:
      '页面的大标题来自 title 字段。正文再写一级标题（#），网页上就会出现两个大标题，读屏软件和搜索引擎也会弄错页面结构。',
    howToFix: '把正文里的 # 改成 ##，下面各级标题相应加一个 #。',
    messages: {
      h1: '正文不用一级标题（#）：页面标题来自 title 字段。请改成 ## {{text}}',
    },
    fixable: 'suggestion',
  },
  examples: {
    valid: [
      { title: '正文从二级标题开始', code: '---\nid: id-card-renewal\n---\n\n## 办理前请确认\n\n请先看看有效期。\n' },
    ],
    invalid: [
      {
        title: '正文用了一级标题',
        code: '---\nid: id-card-renewal\n---\n\n# 换领居民身份证\n\n请先看看有效期。\n',
        errors: [{ messageId: 'h1', data: { text: '换领居民身份证' }, line: 5, column: 1, endLine: 5, endColumn: 10 }],
      },
    ],
  },
  check({ guide, report }) {
    const body = guide.body;
    if (!body) return;
    visit(body.tree, 'heading', (heading) => {
      if (heading.depth !== 1) return;
      const range = markdownRange(body, heading);
      const source = guide.file.text.slice(range.start, range.end);
      const text = source.replace(/^#\s*/, '');
      report({
        messageId: 'h1',
        data: { text },
        range,
        ...(source.startsWith('#') && {
          suggestions: [{ desc: '改成二级标题', fix: { range: [range.start, range.start], text: '#' } }],
        }),
      });
    });
  },
});
