import { exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/double-negative',
    severity: 'warn',
    title: '双重否定',
    description:
      '“未经批准不得变更”“非本人不得代领”要读者自己把两个否定抵消掉。“非营业时间不接待”里的“非”是前缀，不算。',
    howToFix: '改成肯定的说法：非本人不得代领 → 只有本人才能领；未经批准不得变更 → 批准后才能变更。',
  },
  {
    valid: [
      { title: '肯定的说法', code: exampleWithParagraph('只有本人才能领取。') },
      { title: '“非”作前缀', code: exampleWithParagraph('非营业时间不接待，没有房产也可以申请。') },
    ],
    invalid: [
      {
        title: '非……不得',
        code: exampleWithParagraph('非本人不得代领。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '非本人不得', advice: '改为「只有……才能……」' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 6,
          },
        ],
      },
    ],
  },
);
