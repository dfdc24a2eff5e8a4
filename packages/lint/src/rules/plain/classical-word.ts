import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/classical-word',
    severity: 'warn',
    title: '文言和公文用词',
    description:
      '须、兹、系（是）、于、届时、逾期、凡、均、之日起、前来、携带这类文言虚词和公文用词，群众读着费劲，也容易误解。只查整词：联系、系统里的“系”，必须里的“须”，关于、由于里的“于”不算。引用法规名称《》里的字不查。',
    howToFix: '换成口语：须 → 需要/请，于 → 在，前来 → 来，携带 → 带上，逾期 → 过期，上述 → 以上。',
    fixable: 'fix',
  },
  {
    valid: [
      { title: '口语写法', code: EXAMPLE_GUIDE },
      {
        title: '联系、系统、必须、关于不是文言词',
        code: exampleWithParagraph('请联系窗口，系统会发短信告诉您。您必须本人到场，关于补办的问题请打咨询电话。'),
      },
    ],
    invalid: [
      {
        title: '须、携带、于、前来',
        code: exampleWithParagraph('您须携带身份证于周一前来办理。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '须', advice: '改为「需要」或「请」' },
            line: 36,
            column: 2,
            endLine: 36,
            endColumn: 3,
          },
          {
            messageId: 'word',
            data: { phrase: '携带', advice: '改为「带上」' },
            line: 36,
            column: 3,
            endLine: 36,
            endColumn: 5,
          },
          {
            messageId: 'word',
            data: { phrase: '于', advice: '改为「在」' },
            line: 36,
            column: 8,
            endLine: 36,
            endColumn: 9,
          },
          {
            messageId: 'word',
            data: { phrase: '前来', advice: '改为「来」' },
            line: 36,
            column: 11,
            endLine: 36,
            endColumn: 13,
          },
        ],
      },
      {
        title: '可以自动修复的词',
        code: exampleWithParagraph('如遇节假日，请在3日之内补交。'),
        errors: [
          { messageId: 'word', data: { phrase: '如遇' }, line: 36, column: 1, endLine: 36, endColumn: 3 },
          { messageId: 'word', data: { phrase: '之内' }, line: 36, column: 11, endLine: 36, endColumn: 13 },
        ],
        output: exampleWithParagraph('如果遇到节假日，请在3日内补交。'),
      },
    ],
  },
);
