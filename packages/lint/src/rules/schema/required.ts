import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { schemaRule } from '../define.js';

export default schemaRule(
  {
    id: 'schema/required',
    severity: 'error',
    title: '必填字段',
    description:
      '一次性告知要求指南写全群众需要知道的事：事项名称、受理条件、申请材料、办理流程、时限、收费、地点、咨询和投诉电话等。缺一项，群众就可能多跑一趟。从平台表格或网页导入、还没写完的草稿（status: 草稿）缺的多：缺的和空着的必填字段，连同其他规则只说“缺了什么”的提示（材料的形式、收费依据、办理网址、规定的小节等），合成一条提示，报在 status 上。',
    howToFix: '补上提示里的字段。字段的含义和写法可以在编辑器里把鼠标停在字段名上查看，或看 schema/guide.schema.json。',
  },
  {
    valid: [{ title: '字段齐全的指南', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '缺少办理时限',
        code: exampleWith(
          'time_limit:\n  statutory: { days: 60, unit: 自然日 }\n  promised: { days: 15, unit: 工作日 }\n',
          '',
        ),
        errors: [
          {
            messageId: 'missing',
            data: { owner: '', title: '办理时限', key: 'time_limit' },
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 20,
          },
        ],
      },
      {
        title: '缺了好几个字段：一条提示列出全部',
        code: exampleWith('handling: 承诺件\n', '').replace(
          'time_limit:\n  statutory: { days: 60, unit: 自然日 }\n  promised: { days: 15, unit: 工作日 }\n',
          '',
        ),
        errors: [
          {
            messageId: 'missingMany',
            data: { owner: '', count: 2, list: '办件类型（handling）、办理时限（time_limit）' },
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 20,
          },
        ],
      },
      {
        title: '一句话说明只写了“暂无”：只报一次',
        code: exampleWith('summary: 身份证快到期或已经过期，可以换一张新的。', 'summary: 暂无'),
        errors: [
          {
            messageId: 'placeholder',
            data: { field: '「一句话说明」(summary)', text: '暂无' },
            line: 4,
            column: 10,
            endLine: 4,
            endColumn: 12,
          },
        ],
      },
      {
        title: '写了字段名却没有填内容',
        code: exampleWith('summary: 身份证快到期或已经过期，可以换一张新的。', 'summary:'),
        errors: [
          {
            messageId: 'notFilled',
            data: { field: '「一句话说明」(summary)' },
            line: 4,
            column: 1,
            endLine: 4,
            endColumn: 8,
          },
        ],
      },
      {
        title: '草稿（status: 草稿）：缺的、空着的字段合成一条提示，报在 status 上',
        code: exampleWith('summary: 身份证快到期或已经过期，可以换一张新的。', 'summary: 暂无')
          .replace('  - name: 居民户口簿\n    form: 原件', '  - form: 原件')
          .replace('time_limit:\n  statutory: { days: 60, unit: 自然日 }\n  promised: { days: 15, unit: 工作日 }\n', '')
          .replace('reviewed: 2026-10-01', 'status: 草稿'),
        errors: [
          {
            messageId: 'draft',
            data: {
              count: 4,
              list: '一句话说明（summary）、第 1 项材料的材料名称（name）、办理时限（time_limit）、最后核验日期（reviewed）',
            },
            line: 25,
            column: 9,
            endLine: 25,
            endColumn: 11,
          },
        ],
      },
      {
        title: '“情形必要”的材料没有写适用情形',
        code: exampleWith('    form: 原件\n', '    need: 情形必要\n    form: 原件\n'),
        errors: [
          {
            messageId: 'missingWhen',
            data: {
              owner: '材料「居民户口簿」',
              title: '适用情形',
              key: 'situation',
              condition: '「是否必须」(need)为“情形必要”',
            },
            line: 11,
            column: 5,
            endLine: 11,
            endColumn: 16,
          },
        ],
      },
    ],
  },
);
