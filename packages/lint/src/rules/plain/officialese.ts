import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/officialese',
    severity: 'warn',
    title: '公文套话',
    description:
      '高度重视、落到实处、进一步优化、特制定本指南这类套话，群众读完不知道要做什么，还把要紧的信息挤到了后面。',
    howToFix: '删去套话，直接写群众要做的事；要说改进，就写具体变化，如“从5天缩短到2天”。',
  },
  {
    valid: [{ title: '直接写要做的事', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '开头的套话',
        code: exampleWithParagraph('为进一步优化营商环境，特制定本指南。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '为进一步', advice: '删去，直接说做什么' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 5,
          },
          {
            messageId: 'word',
            data: { phrase: '优化营商环境', advice: '删去，写这件事对群众有什么变化' },
            line: 36,
            column: 5,
            endLine: 36,
            endColumn: 11,
          },
          {
            messageId: 'word',
            data: { phrase: '特制定本指南', advice: '删去' },
            line: 36,
            column: 12,
            endLine: 36,
            endColumn: 18,
          },
        ],
      },
    ],
  },
);
