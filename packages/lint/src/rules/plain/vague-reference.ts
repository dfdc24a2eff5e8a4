import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/vague-reference',
    severity: 'warn',
    title: '指代不明',
    description:
      '“相关部门”“有关规定”“相关材料”没说是哪一个，群众只能再打电话问，或者多跑一趟。一次性告知就是要写清楚。',
    howToFix: '写出具体的名称：单位写全称到科室或窗口，规定写法规名称和条款，材料逐项列出。',
  },
  {
    valid: [
      { title: '写出具体名称', code: EXAMPLE_GUIDE },
      { title: '“与……相关”不是指代', code: exampleWithParagraph('费用多少与您选的快递方式相关。') },
    ],
    invalid: [
      {
        title: '相关部门、相关材料',
        code: exampleWithParagraph('请带上相关材料到相关部门办理。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '相关材料', advice: '逐项写出材料名称' },
            line: 36,
            column: 4,
            endLine: 36,
            endColumn: 8,
          },
          {
            messageId: 'word',
            data: { phrase: '相关部门', advice: '写出单位全称（到科室、窗口）' },
            line: 36,
            column: 9,
            endLine: 36,
            endColumn: 13,
          },
        ],
      },
    ],
  },
);
