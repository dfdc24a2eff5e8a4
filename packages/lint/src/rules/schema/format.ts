import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/format',
    severity: 'error',
    title: '字段写法',
    description:
      '日期、网址、标识等字段有固定写法，字数也有上限：标题不超过 40 个字，一句话说明不超过 120 个字，在手机上一屏能看完。',
    howToFix:
      '日期写成 2026-10-01，网址写完整的 https:// 地址，标识只用小写字母、数字和连字符；太长的内容请精简，细节写到正文里。',
    fixable: 'fix',
  },
  {
    valid: [{ title: '日期写成 YYYY-MM-DD', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '日期用了斜杠',
        code: exampleWith('reviewed: 2026-10-01', 'reviewed: 2026/10/1'),
        errors: [
          {
            messageId: 'date',
            data: { field: '「最后核验日期」(reviewed)', actual: '“2026/10/1”' },
            line: 29,
            column: 11,
            endLine: 29,
            endColumn: 20,
          },
        ],
        output: EXAMPLE_GUIDE,
      },
      {
        title: '标识用了大写和下划线',
        code: exampleWith('id: id-card-renewal', 'id: ID_card'),
        errors: [
          {
            messageId: 'pattern',
            data: { field: '「标识」(id)', actual: '“ID_card”' },
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 12,
          },
        ],
      },
    ],
  },
);
