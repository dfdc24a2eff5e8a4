import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/enum',
    severity: 'error',
    title: '固定选项',
    description: '事项类型、办件类型、材料形式等字段只能从固定的几项里选，门户按这些值分类、筛选和统计。',
    howToFix: '从提示列出的选项里选一个照抄；编辑器的自动补全也会列出可选的值。',
    fixable: 'suggestion',
  },
  {
    valid: [{ title: '事项类型是固定选项之一', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '事项类型多写了字',
        code: exampleWith('type: 公共服务', 'type: 公共服务事项'),
        errors: [
          {
            messageId: 'notAllowedDidYouMean',
            data: { field: '「事项类型」(type)', actual: '“公共服务事项”', suggestion: '公共服务' },
            line: 5,
            column: 7,
            endLine: 5,
            endColumn: 13,
          },
        ],
      },
    ],
  },
);
