import { exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/passive',
    severity: 'warn',
    title: '被动说法',
    description: '“经审核”“被退回”“由窗口进行核验”都没说清是谁在做、做完会怎样。群众要知道下一步找谁、等谁。',
    howToFix: '写成主动句，写出是谁：经审核符合条件的 → 区民政局审核通过后；材料被退回 → 窗口退回您的材料。',
  },
  {
    valid: [{ title: '主动说法', code: exampleWithParagraph('区民政局审核通过后，会打电话告诉您。') }],
    invalid: [
      {
        title: '经审核',
        code: exampleWithParagraph('经审核，您的申请符合条件。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '经审核', advice: '写明谁来做，如「区民政局审核同意后」' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 4,
          },
        ],
      },
    ],
  },
);
