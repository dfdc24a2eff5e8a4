import { exampleWith, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/vague-time',
    severity: 'warn',
    title: '时间不具体',
    description: '“及时”“尽快”“另行通知”没说是多久，群众没法安排请假、跑腿。写在办理时限里的模糊时间是错误。',
    howToFix: '写出天数或日期：尽快 → 3个工作日内；另行通知 → 写明用什么方式、最晚哪天通知。',
  },
  {
    valid: [{ title: '写出天数', code: exampleWithParagraph('我们会在3个工作日内打电话告诉您。') }],
    invalid: [
      {
        title: '正文里的“尽快”',
        code: exampleWithParagraph('我们会尽快办理，领证时间另行通知。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '尽快', advice: '写出最晚日期或天数' },
            line: 36,
            column: 4,
            endLine: 36,
            endColumn: 6,
          },
          {
            messageId: 'word',
            data: { phrase: '另行通知', advice: '写明通知方式和最晚日期' },
            line: 36,
            column: 13,
            endLine: 36,
            endColumn: 17,
          },
        ],
      },
      {
        title: '办理时限里的模糊时间是错误',
        code: exampleWith(
          'promised: { days: 15, unit: 工作日 }',
          'promised: { days: 15, unit: 工作日, note: 特殊情况除外 }',
        ),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '特殊情况除外', advice: '写出是哪些情况' },
            line: 20,
            column: 42,
            endLine: 20,
            endColumn: 48,
          },
        ],
      },
    ],
  },
  (pointer) => (pointer.startsWith('/time_limit/') ? 'error' : undefined),
);
