import { EXAMPLE_GUIDE } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/markdown',
    title: '正文无法解析',
    description:
      '正文里有几千个连着的 * 或 _、几十层引用或列表嵌套、几千个方括号时，Markdown 解析会慢到几秒甚至崩溃。真实的指南用不到这些写法，多半是粘贴了别的内容。字段区照常检查。',
    howToFix: '按提示删去多余的符号或缩进；加粗只要两边各写两个 *，列表最多嵌套几层。',
  },
  {
    valid: [{ title: '普通的正文', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '一长串星号',
        code: `${EXAMPLE_GUIDE}\n${'*'.repeat(40)}注意${'*'.repeat(40)}\n`,
        errors: [
          {
            messageId: 'problem',
            data: { problem: '这里连着写了 40 个 * 或 _，正文无法解析。加粗只要两边各两个 *，请删去多余的符号' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 41,
          },
        ],
      },
    ],
  },
);
