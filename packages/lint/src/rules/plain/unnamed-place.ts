import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/unnamed-place',
    severity: 'warn',
    title: '没写地名和单位名',
    description:
      '“我市”“本省”“辖区”“属地”“本局”默认读者知道指南是哪里、哪个单位写的。可指南常在省里、全国的政务平台、搜索结果和转发的消息里被看到，读者不知道说的是哪里。',
    howToFix:
      '写出地名或单位名称，如“青禾市户籍居民”“青禾市公安局”“您户口所在地的派出所”；单位名称写过以后，可以自称“我们”。' +
      '确实只在本地使用的词，可以用选项 allow 放行，如 allow: [本市]。',
  },
  {
    valid: [
      { title: '写出地名', code: exampleWithParagraph('青禾市户籍居民可以在网上申请。') },
      { title: '自称“我们”', code: EXAMPLE_GUIDE },
    ],
    invalid: [
      {
        title: '我市、本局',
        code: exampleWithParagraph('我市户籍居民可以申请，本局会在5个工作日内答复。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '我市', advice: '写出市名，如「青禾市」' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 3,
          },
          {
            messageId: 'word',
            data: { phrase: '本局', advice: '写出单位名称，如「青禾市公安局」；名称写过以后可以说「我们」' },
            line: 36,
            column: 12,
            endLine: 36,
            endColumn: 14,
          },
        ],
      },
    ],
  },
);
