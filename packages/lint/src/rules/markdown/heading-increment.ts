import { markdownRange } from '@baihua/core';
import { visit } from 'unist-util-visit';
import { defineRule } from '../define.js';

export default defineRule({
  meta: {
    id: 'markdown/heading-increment',
    severity: 'warn',
    title: '标题逐级递进',
    description:
      '标题层级跳级（## 后面直接 ####）会让手机版的折叠目录和读屏软件的导航出错，群众也看不出段落之间的关系。',
    howToFix: '每次只往下一级：## 下面用 ###，### 下面用 ####。',
    messages: {
      skipped:
        '标题跳级了：上一个标题是 {{previous}} 级（{{previousMarks}}），这里应该用 {{expected}} 级（{{expectedMarks}}），现在是 {{depth}} 级',
    },
  },
  examples: {
    valid: [
      {
        title: '逐级递进',
        code: '---\nid: id-card-renewal\n---\n\n## 办理前请确认\n\n### 有效期\n\n请先看看有效期。\n',
      },
    ],
    invalid: [
      {
        title: '从 ## 跳到 ####',
        code: '---\nid: id-card-renewal\n---\n\n## 办理前请确认\n\n#### 有效期\n\n请先看看有效期。\n',
        errors: [
          {
            messageId: 'skipped',
            data: { previous: 2, previousMarks: '##', expected: 3, expectedMarks: '###', depth: 4 },
            line: 7,
            column: 1,
            endLine: 7,
            endColumn: 9,
          },
        ],
      },
    ],
  },
  check({ guide, report }) {
    const body = guide.body;
    if (!body) return;
    let previous = 0;
    visit(body.tree, 'heading', (heading) => {
      if (previous && heading.depth > previous + 1) {
        const expected = previous + 1;
        report({
          messageId: 'skipped',
          data: {
            previous,
            previousMarks: '#'.repeat(previous),
            expected,
            expectedMarks: '#'.repeat(expected),
            depth: heading.depth,
          },
          range: markdownRange(body, heading),
        });
      }
      previous = heading.depth;
    });
  },
});
