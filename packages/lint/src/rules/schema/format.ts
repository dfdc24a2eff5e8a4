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
    valid: [
      { title: '日期写成 YYYY-MM-DD', code: EXAMPLE_GUIDE },
      {
        title: '地方平台带连字符的事项编码',
        code: exampleWith(
          'type: 公共服务',
          'type: 公共服务\ncodes: { basic: 230702-08-0-0431, implementation: 3707860701401-001 }',
        ),
      },
      {
        title: '书名号前后还有字的法规名称',
        code: exampleWith(
          'legal_basis: [《中华人民共和国居民身份证法》第十一条]',
          'legal_basis: [山东省《社会救助暂行办法》实施细则第五条]',
        ),
      },
      {
        title: '一句话写出的步骤',
        code: exampleWith(
          '  - { title: 到窗口办理, how: 带上户口簿，到户政窗口拍照、采集指纹。 }',
          '  - 带上户口簿，到户政窗口拍照、采集指纹。',
        ),
      },
    ],
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
      {
        title: '设定依据前面带了序号',
        code: exampleWith(
          'legal_basis: [《中华人民共和国居民身份证法》第十一条]',
          'legal_basis: [1、《中华人民共和国居民身份证法》第十一条]',
        ),
        errors: [
          {
            messageId: 'numbered',
            data: { field: '「设定依据 › 第 1 项」(legal_basis)', numbering: '1、' },
            line: 8,
            column: 15,
            endLine: 8,
            endColumn: 17,
          },
        ],
        output: EXAMPLE_GUIDE,
      },
      {
        title: '步骤只写了名称',
        code: exampleWith('  - { title: 到窗口办理, how: 带上户口簿，到户政窗口拍照、采集指纹。 }', '  - 受理'),
        errors: [
          {
            messageId: 'stepNameOnly',
            data: { field: '「办理流程 › 第 1 项」(steps)', text: '受理' },
            line: 16,
            column: 5,
            endLine: 16,
            endColumn: 7,
          },
        ],
      },
      {
        title: '事项编码的写法不对：说明要什么格式，给出例子',
        code: exampleWith('type: 公共服务', 'type: 公共服务\ncodes: { basic: 3707-86_01 }'),
        errors: [
          {
            messageId: 'pattern',
            data: { field: '「事项编码 › 基本编码」(codes.basic)', actual: '“3707-86_01”' },
            line: 6,
            column: 17,
            endLine: 6,
            endColumn: 27,
          },
        ],
      },
    ],
  },
);
