import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/third-person',
    severity: 'warn',
    title: '第三人称',
    description:
      '指南是写给办事的人看的。“申请人”“办事群众”“当事人”“单位经办人”让读者要先想一想“说的是不是我”。指工作人员的“窗口经办人”“经办人员”不算；“我局”“本机关”归 plain/unnamed-place。',
    howToFix: '直接称“您”（选项 pronoun 可改为“你”，一份指南统一一种），自己称“我们”，并写明单位名称。',
  },
  {
    valid: [{ title: '称“您”', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '申请人',
        code: exampleWithParagraph('申请人要本人到场。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '申请人', advice: '改为「您」' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 4,
          },
        ],
      },
      {
        title: '选用“你”的指南',
        code: exampleWithParagraph('办事群众可以在网上预约。'),
        options: { pronoun: '你' },
        errors: [
          {
            messageId: 'word',
            data: { phrase: '办事群众', advice: '改为「你」' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 5,
          },
        ],
      },
    ],
  },
);
