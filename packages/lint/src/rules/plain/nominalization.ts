import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/nominalization',
    severity: 'warn',
    title: '虚化动词',
    description:
      '进行审核、予以受理、加以说明里的“进行、予以、加以”不表达意思，只让句子变长变硬。“给予”后面两个词以内跟着动词的（按词性判断，如“给予支持”）也会被找出来；“给予补贴”这种后面是名词的不算。',
    howToFix: '删去虚化动词，直接用后面的动词：进行审核 → 审核，予以受理 → 受理。能安全修改的，--fix 会自动改。',
    fixable: 'fix',
  },
  {
    valid: [
      { title: '直接用动词', code: EXAMPLE_GUIDE },
      { title: '给予补贴：后面是名词', code: exampleWithParagraph('区民政局给予补贴，每月发到您的社保卡。') },
    ],
    invalid: [
      {
        title: '进行审核、予以受理',
        code: exampleWithParagraph('窗口进行审核后，当场予以受理。'),
        errors: [
          {
            messageId: 'word',
            data: { phrase: '进行审核', advice: '改为「审核」' },
            line: 36,
            column: 3,
            endLine: 36,
            endColumn: 7,
          },
          {
            messageId: 'word',
            data: { phrase: '予以受理', advice: '改为「受理」' },
            line: 36,
            column: 11,
            endLine: 36,
            endColumn: 15,
          },
        ],
        output: exampleWithParagraph('窗口审核后，当场受理。'),
      },
      {
        title: '“给予”后面是动词：按词性找到',
        code: exampleWithParagraph('区民政局会给予支持。'),
        errors: [
          {
            messageId: 'dummyVerb',
            data: { phrase: '给予支持', verb: '支持' },
            line: 36,
            column: 6,
            endLine: 36,
            endColumn: 10,
          },
        ],
      },
    ],
  },
);
