import { EXAMPLE_GUIDE } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/empty',
    title: '空文件',
    description: '空文件不是指南：门户上会出现一个没有内容的页面。',
    howToFix: '运行 baihua init guide --id <标识> --title <事项名称> 生成模板后填写；不需要的文件请删除。',
  },
  {
    valid: [{ title: '有内容的指南', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '只有空行的文件',
        code: '\n\n',
        errors: [
          {
            messageId: 'problem',
            data: { problem: '文件是空的。可以运行 baihua init guide --id <标识> --title <事项名称> 生成一份指南模板' },
            line: 1,
            column: 1,
          },
        ],
      },
    ],
  },
);
