import { exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/typography',
    severity: 'warn',
    title: '标点和格式',
    description:
      '中文里用全角标点（，；：（）），数字和字母用半角，时间写 9:00，日期写 2026年10月1日，电话号码用半角连字符。默认按公文写法（profile: official），汉字和数字、字母之间不加空格；选 technical 则按《中文文案排版指北》加空格。网址、时间、电话、1,000 这样的数字不查。',
    howToFix: '按提示改；标点、空格、全角数字这些可以用 --fix 自动修复。',
    fixable: 'fix',
  },
  {
    valid: [
      {
        title: '全角标点、半角数字',
        code: exampleWithParagraph(
          '电话：0000-12345678，周一至周五 9:00–17:00办理，网址：https://example.gov.cn/a,b。',
        ),
      },
    ],
    invalid: [
      {
        title: '半角标点和多余的空格',
        code: exampleWithParagraph('请带上身份证(原件),工本费 20 元。'),
        errors: [
          {
            messageId: 'fullWidthBracket',
            data: { mark: '(', fullWidth: '（' },
            line: 36,
            column: 7,
            endLine: 36,
            endColumn: 8,
          },
          {
            messageId: 'fullWidthBracket',
            data: { mark: ')', fullWidth: '）' },
            line: 36,
            column: 10,
            endLine: 36,
            endColumn: 11,
          },
          {
            messageId: 'fullWidthPunctuation',
            data: { mark: ',', fullWidth: '，' },
            line: 36,
            column: 11,
            endLine: 36,
            endColumn: 12,
          },
          { messageId: 'noSpaceInOfficial', line: 36, column: 15, endLine: 36, endColumn: 16 },
          { messageId: 'noSpaceInOfficial', line: 36, column: 18, endLine: 36, endColumn: 19 },
        ],
        output: exampleWithParagraph('请带上身份证（原件），工本费20元。'),
      },
      {
        title: '技术写法要加空格',
        code: '---\nid: fee\n---\n\n工本费20元。\n',
        options: { profile: 'technical' },
        errors: [
          { messageId: 'spaceInTechnical', line: 5, column: 4, endLine: 5, endColumn: 4 },
          { messageId: 'spaceInTechnical', line: 5, column: 6, endLine: 5, endColumn: 6 },
        ],
        output: '---\nid: fee\n---\n\n工本费 20 元。\n',
      },
      {
        title: '技术写法：数字加粗或是链接时，空格要自己加',
        code: '---\nid: fee\n---\n\n工本费**20**元，见[指南](https://example.gov.cn)3。\n',
        options: { profile: 'technical' },
        errors: [
          { messageId: 'spaceInTechnical', line: 5, column: 4, endLine: 5, endColumn: 6 },
          { messageId: 'spaceInTechnical', line: 5, column: 8, endLine: 5, endColumn: 10 },
          { messageId: 'spaceInTechnical', line: 5, column: 16, endLine: 5, endColumn: 41 },
        ],
      },
    ],
  },
);
