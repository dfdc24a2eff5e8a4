import { EXAMPLE_GUIDE } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/front-matter',
    title: '字段区',
    description:
      '.md 格式的指南以字段区开头：第一行 ---，然后是 id、title 等字段，再用一行 --- 结束，正文写在后面。机器检查和门户对接都靠这些字段。',
    howToFix: '在文件开头补上两行 ---，把字段写在中间；正文不要写进 body 字段，直接写在第二个 --- 之后。',
  },
  {
    valid: [{ title: '以字段区开头的指南', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '没有字段区',
        code: '## 办理前请确认\n\n请先看看身份证背面的有效期。\n',
        errors: [
          {
            messageId: 'problem',
            data: {
              problem: '文件开头缺少字段区：第一行写 ---，接着写 id、title 等字段，再用一行 --- 结束，正文写在后面',
            },
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 10,
          },
        ],
      },
      {
        title: '字段区没有结束的 ---',
        code: '---\nid: id-card-renewal\ntitle: 换领居民身份证\n',
        errors: [
          {
            messageId: 'problem',
            data: { problem: '字段区没有结束：在最后一个字段后面加一行 ---，再写正文' },
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 4,
          },
        ],
      },
    ],
  },
);
