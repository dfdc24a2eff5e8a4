import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/duplicate-key',
    title: '重复字段',
    description: '同一个字段写了两次时，只有一处会生效，另一处被悄悄丢掉，群众看到的可能不是您想写的那个。',
    howToFix: '把两处合并成一处，删去多余的那一个。',
  },
  {
    valid: [{ title: '每个字段只写一次', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: 'visits 写了两次',
        code: exampleWith('visits: 1\n', 'visits: 1\nvisits: 2\n'),
        errors: [
          {
            messageId: 'problem',
            data: { problem: '字段「visits」重复了，第 24 行已经写过。请把两处合并成一处' },
            line: 25,
            column: 1,
            endLine: 25,
            endColumn: 7,
          },
        ],
      },
    ],
  },
);
