import { EXAMPLE_GUIDE } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/encoding',
    title: '文件编码',
    description: '指南必须是 UTF-8 编码的文本文件。GBK 等其他编码或二进制文件在网页、手机和门户上会显示成乱码。',
    howToFix: '在编辑器里用“另存为”选择 UTF-8 编码；如果是二进制文件（图片、Word 文档），请把它移出指南目录。',
  },
  {
    valid: [{ title: 'UTF-8 文本', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '文件里有二进制内容（0x00 字节）',
        code: '---\nid: id-card\u0000renewal\n',
        errors: [
          {
            messageId: 'problem',
            data: { problem: '这是二进制文件，不是文本（第 16 个字节是 0x00），不能作为指南检查' },
            line: 2,
            column: 12,
          },
        ],
      },
    ],
  },
);
