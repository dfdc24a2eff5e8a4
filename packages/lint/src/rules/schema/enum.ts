import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/enum',
    severity: 'error',
    title: '固定选项',
    description:
      '事项类型、办件类型、材料形式等字段只能从固定的几项里选，门户按这些值分类、筛选和统计。门户上常见的别的说法（服务对象写“市民”“企业”，送达方式写“打卡发放”）列在 packages/lint/data/enum-synonyms.yaml，会直接改成对应的选项。',
    howToFix: '从提示列出的选项里选一个照抄；编辑器的自动补全也会列出可选的值。',
    fixable: 'fix',
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
      {
        title: '服务对象写了“市民”（门户上的说法），改为“个人”',
        code: exampleWith('audience: [个人]', 'audience: [市民]'),
        errors: [
          {
            messageId: 'synonym',
            data: {
              field: '「服务对象 › 第 1 项」(audience)',
              allowed: '个人、法人、其他组织',
              actual: '“市民”',
              suggestion: '个人',
            },
            line: 6,
            column: 12,
            endLine: 6,
            endColumn: 14,
          },
        ],
        output: EXAMPLE_GUIDE,
      },
      {
        title: '钱款打卡发放，送达方式写“银行卡到账”',
        code: exampleWith('delivery: [邮寄, 窗口领取]', 'delivery: [打卡发放]'),
        errors: [
          {
            messageId: 'synonym',
            data: {
              field: '「办理结果 › 送达方式 › 第 1 项」(result.delivery)',
              allowed: '窗口领取、当场领取、邮寄、电子证照、网上下载、银行卡到账',
              actual: '“打卡发放”',
              suggestion: '银行卡到账',
            },
            line: 22,
            column: 35,
            endLine: 22,
            endColumn: 39,
          },
        ],
        output: exampleWith('delivery: [邮寄, 窗口领取]', 'delivery: [银行卡到账]'),
      },
    ],
  },
);
