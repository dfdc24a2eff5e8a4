import { markdownRange, type SourceRange } from '@baihua/core';
import { toString as textContent } from 'mdast-util-to-string';
import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { policyRule } from '../define.js';

interface Options {
  sections: string[];
}

export default policyRule<Options>(
  {
    id: 'policy/required-sections',
    severity: 'error',
    title: '正文要有规定的小节',
    description:
      '同一类指南用同样的小节和顺序，群众换一份指南也知道去哪里找。要求哪些小节、按什么顺序，用选项 sections 列出标题（默认不要求）；标题文字要完全一样，级别不限。',
    howToFix: '按配置补上缺少的小节，并按 sections 的顺序排列标题。',
    messages: {
      missing: '正文缺少「{{title}}」一节：按配置，正文要依次有这些小节：{{sections}}',
      outOfOrder: '「{{title}}」一节应该放在「{{after}}」后面：按配置，正文要依次有这些小节：{{sections}}',
    },
    options: {
      type: 'object',
      properties: {
        sections: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 }, default: [] },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '有规定的小节', code: EXAMPLE_GUIDE, options: { sections: ['办理前请确认'] } },
      { title: '默认不要求小节', code: EXAMPLE_GUIDE },
    ],
    invalid: [
      {
        title: '缺少一节',
        code: EXAMPLE_GUIDE,
        options: { sections: ['办理前请确认', '常见问题'] },
        errors: [
          {
            messageId: 'missing',
            data: { title: '常见问题', sections: '办理前请确认、常见问题' },
            line: 32,
            column: 1,
            endLine: 32,
            endColumn: 10,
          },
        ],
      },
      {
        title: '顺序不对',
        code: exampleWithParagraph('## 常见问题\n\n身份证过期了也能换。'),
        options: { sections: ['常见问题', '办理前请确认'] },
        errors: [
          {
            messageId: 'outOfOrder',
            data: { title: '办理前请确认', after: '常见问题', sections: '常见问题、办理前请确认' },
            line: 32,
            column: 1,
            endLine: 32,
            endColumn: 10,
          },
        ],
      },
    ],
  },
  ({ guide, options, report }) => {
    const required = options.sections;
    if (!required.length) return;
    const body = guide.body;
    const headings = body
      ? body.tree.children.flatMap((node) =>
          node.type === 'heading' ? [{ title: textContent(node).trim(), range: markdownRange(body, node) }] : [],
        )
      : [];
    const sections = required.join('、');
    const found = required.map((title) => headings.find((heading) => heading.title === title));
    // A missing section is reported where it belongs: at the next required section present, else at the last heading.
    const fallback: SourceRange = headings.at(-1)?.range ?? guide.frontMatter ?? { start: 0, end: 0 };
    required.forEach((title, index) => {
      if (found[index]) return;
      const next = found.slice(index + 1).find((heading) => heading !== undefined);
      report({
        messageId: 'missing',
        data: { title, sections },
        range: next?.range ?? fallback,
        absent: [{ pointer: '/body', label: `正文「${title}」一节` }],
      });
    });
    let latest: { title: string; start: number } | undefined;
    found.forEach((heading) => {
      if (!heading) return;
      if (latest && heading.range.start < latest.start) {
        report({
          messageId: 'outOfOrder',
          data: { title: heading.title, after: latest.title, sections },
          range: heading.range,
        });
      } else {
        latest = { title: heading.title, start: heading.range.start };
      }
    });
  },
);
