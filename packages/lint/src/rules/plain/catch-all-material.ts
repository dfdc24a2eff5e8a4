import { EXAMPLE_GUIDE, exampleWith, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/catch-all-material',
    severity: 'error',
    title: '兜底材料',
    description:
      '“其他材料”“有关部门要求的其他材料”“法律、法规规定的其他条件”这类兜底写法，和“身份证、护照等有效证件”“户口簿、结婚证等。”这样用“等”结尾的清单，都等于没告诉群众要带什么，国家规定材料清单和受理条件里不能有。写在材料和条件里是错误，写在别处是警告。',
    howToFix: '删去兜底条款，把需要的材料、条件逐项列全；确实因人而异的，写明每种情形要什么。',
  },
  {
    valid: [{ title: '材料逐项列出', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '材料清单里的兜底条款',
        code: exampleWith(
          '    source: 自备\n',
          '    source: 自备\n  - { name: 其他材料, form: 原件, copies: 1, source: 自备 }\n',
        ),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '其他材料', advice: '删去，把需要的材料逐项列全' },
            line: 15,
            column: 13,
            endLine: 15,
            endColumn: 17,
          },
        ],
      },
      {
        title: '用“等”结尾的清单',
        code: exampleWithParagraph('请带上身份证、护照等有效证件。'),
        errors: [
          {
            messageId: 'openList',
            data: { phrase: '等有效证件' },
            line: 36,
            column: 10,
            endLine: 36,
            endColumn: 15,
          },
        ],
      },
    ],
  },
  (pointer) => (pointer.startsWith('/materials/') || pointer.startsWith('/conditions/') ? 'error' : 'warn'),
);
