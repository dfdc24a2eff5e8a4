import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/jargon',
    severity: 'warn',
    title: '术语要解释',
    description:
      '一网通办、容缺受理、告知承诺、办结、存量房这些词，工作人员天天说，群众不一定懂。术语表在 packages/plain/src/rules/jargon/glossary.yaml，可以用选项 terms 增加、ignore 去掉。只查每个术语在指南里第一次出现的地方。',
    howToFix: '第一次出现时在后面用括号解释，如“容缺受理（材料缺一点也先收件，之后补交）”；或者直接换成白话。',
  },
  {
    valid: [
      { title: '没有术语', code: EXAMPLE_GUIDE },
      {
        title: '第一次出现时解释了',
        code: exampleWithParagraph('本事项可以容缺受理（材料缺一点也先收件，之后补交）。容缺受理的材料要在5天内补齐。'),
      },
    ],
    invalid: [
      {
        title: '没有解释的术语',
        code: exampleWithParagraph('本事项实行容缺受理。'),
        errors: [
          {
            messageId: 'unexplained',
            data: { term: '容缺受理', meaning: '材料缺一点也先收件，之后补交' },
            line: 36,
            column: 6,
            endLine: 36,
            endColumn: 10,
          },
        ],
      },
      {
        title: '地方术语加到术语表里',
        code: exampleWithParagraph('本事项纳入跨省通办。'),
        options: { terms: { 跨省通办: '在外省也能办' } },
        errors: [
          {
            messageId: 'unexplained',
            data: { term: '跨省通办', meaning: '在外省也能办' },
            line: 36,
            column: 6,
            endLine: 36,
            endColumn: 10,
          },
        ],
      },
    ],
  },
);
