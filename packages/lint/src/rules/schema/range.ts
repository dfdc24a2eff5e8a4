import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/range',
    severity: 'error',
    title: '数量范围',
    description: '次数、天数、份数要在合理范围内，列表不能是空的，也不能有重复的项。',
    howToFix: '按提示改正数字，补上或删去列表里的项。',
  },
  {
    valid: [{ title: '到现场 1 次', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '到现场次数是负数',
        code: exampleWith('visits: 1\n', 'visits: -1\n'),
        errors: [
          {
            messageId: 'tooSmall',
            data: { field: '「到现场次数」(visits)', limit: 0, value: -1 },
            line: 24,
            column: 9,
            endLine: 24,
            endColumn: 11,
          },
        ],
      },
      {
        title: '服务对象重复',
        code: exampleWith('audience: [个人]', 'audience: [个人, 个人]'),
        errors: [
          {
            messageId: 'duplicateItem',
            data: { field: '「服务对象」(audience)', first: 1, second: 2 },
            line: 6,
            column: 16,
            endLine: 6,
            endColumn: 18,
          },
        ],
      },
    ],
  },
);
