import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/yaml',
    title: 'YAML 格式',
    description:
      '字段区用 YAML 书写：靠缩进表示层级，冒号后面要有空格，引号要成对。格式错了，机器就读不出字段，后面的检查也没法进行。',
    howToFix: '按提示检查这一行：同一层的字段左边对齐，下一层多缩进 2 个空格；不要用 Tab 键；引号和括号成对出现。',
  },
  {
    valid: [{ title: '缩进整齐的字段', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '一个字段少缩进了一个空格',
        code: exampleWith('    copies: 1\n', '   copies: 1\n'),
        errors: [
          {
            messageId: 'problem',
            data: {
              problem:
                '缩进不对：第 13 行「copies」前面有 3 个空格，第 12 行「form」前面有 4 个空格。同一层的字段要左边对齐；下一层的字段比上一层多缩进 2 个空格',
            },
            line: 13,
            column: 4,
            endLine: 13,
            endColumn: 10,
          },
        ],
      },
      {
        title: '引号没有成对',
        code: exampleWith(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          "visits_reason: '需要本人到场拍照、采集指纹。",
        ),
        errors: [
          {
            messageId: 'problem',
            data: { problem: "这里的 ' 没有配对的结尾引号：请在内容末尾补上 '，或者去掉开头的 '" },
            line: 25,
            column: 16,
            endLine: 25,
            endColumn: 31,
          },
        ],
      },
    ],
  },
);
