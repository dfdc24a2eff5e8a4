import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/unknown-key',
    severity: 'warn',
    title: '不认识的字段',
    description: '写错的字段名不会报缺失，却也不会显示：门户和网页只认约定的字段。各地自用的字段请以 x- 开头。',
    howToFix: '按提示改成正确的字段名；确实需要自用字段时，写成 x-字段名。',
    fixable: 'suggestion',
  },
  {
    valid: [
      { title: '约定的字段', code: EXAMPLE_GUIDE },
      { title: '以 x- 开头的自用字段', code: exampleWith('visits: 1\n', 'visits: 1\nx-portal-code: ZJ-0001\n') },
    ],
    invalid: [
      {
        title: '字段名拼错',
        code: exampleWith('visits_reason:', 'visit_reason:'),
        errors: [
          {
            messageId: 'unknownDidYouMean',
            data: { where: '指南', key: 'visit_reason', suggestion: 'visits_reason' },
            line: 25,
            column: 1,
            endLine: 25,
            endColumn: 13,
          },
        ],
      },
      {
        title: '用中文名当字段名',
        code: exampleWith('visits: 1\n', '到现场次数: 1\n'),
        errors: [
          {
            messageId: 'unknownDidYouMean',
            data: { where: '指南', key: '到现场次数', suggestion: 'visits' },
            line: 24,
            column: 1,
            endLine: 24,
            endColumn: 6,
          },
        ],
      },
    ],
  },
);
