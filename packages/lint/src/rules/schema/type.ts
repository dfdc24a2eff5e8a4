import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/type',
    severity: 'error',
    title: '字段类型',
    description:
      '每个字段要按约定的类型书写：份数、天数、金额写阿拉伯数字，电话写成加引号的文字，多项内容写成列表。类型对了，网页、手机版和门户才能正确显示和比较。',
    howToFix: '按提示改写：数字去掉“份”“天”等字，电话加上引号，多项内容用 [甲, 乙] 或分行的 - 列表。',
    fixable: 'fix',
  },
  {
    valid: [{ title: '份数写成数字', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '份数写成了汉字',
        code: exampleWith('    copies: 1\n', '    copies: 两份\n'),
        errors: [
          {
            messageId: 'wrongType',
            data: { field: '材料「居民户口簿」的份数(copies)', expected: '数字', actual: '“两份”' },
            line: 13,
            column: 13,
            endLine: 13,
            endColumn: 15,
          },
        ],
        output: EXAMPLE_GUIDE.replace('    copies: 1\n', '    copies: 2\n'),
      },
      {
        title: '电话号码没有加引号',
        code: exampleWith('complaint: "12345"', 'complaint: 12345'),
        errors: [
          {
            messageId: 'wrongType',
            data: { field: '「咨询和投诉 › 投诉电话」(contacts.complaint)', expected: '文字', actual: ' 12345' },
            line: 28,
            column: 50,
            endLine: 28,
            endColumn: 55,
          },
        ],
        output: EXAMPLE_GUIDE,
      },
      {
        title: '承诺时限写成了“及时”：要写天数和单位',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: 及时'),
        errors: [
          {
            messageId: 'duration',
            data: { field: '「办理时限 › 承诺时限」(time_limit.promised)', actual: '“及时”' },
            line: 20,
            column: 13,
            endLine: 20,
            endColumn: 15,
          },
        ],
      },
    ],
  },
);
