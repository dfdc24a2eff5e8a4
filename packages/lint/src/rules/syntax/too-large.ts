import { EXAMPLE_GUIDE } from '../example-guide.js';
import { syntaxRule } from '../define.js';

export default syntaxRule(
  {
    id: 'syntax/too-large',
    title: '文件过大',
    description:
      '一份指南通常不到 50 KB。超过 128 KB 的文件多半是放错的数据或日志，不读取也不检查，以免拖慢整个目录的检查。',
    howToFix: '确认这个文件是不是指南；如果是，把附件、长表格移到单独的文件，用链接引用。',
  },
  {
    valid: [{ title: '普通大小的指南', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '超过 128 KB 的文件',
        code: `---\nid: big\n---\n${'这是一段很长的文字。'.repeat(5_000)}\n`,
        errors: [
          {
            messageId: 'problem',
            data: {
              problem: '文件太大（147 KB），指南文件不能超过 128 KB。一份指南通常不到 50 KB，请确认是不是放错了文件',
            },
            line: 1,
            column: 1,
          },
        ],
      },
    ],
  },
);
