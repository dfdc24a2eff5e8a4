import { EXAMPLE_GUIDE, exampleWithParagraph } from '../example-guide.js';
import { plainRule } from '../define.js';

export default plainRule(
  {
    id: 'plain/long-sentence',
    severity: 'warn',
    title: '长句',
    description:
      '超过 50 个字、或者有 6 个以上分句（以，；：分开）的句子，在手机上要翻好几屏，读到后面就忘了前面。句子以句号、问号、叹号、分号或换行结束；列表的每一项、每个字段单独算；网址、电话、日期、金额各算一个字。',
    howToFix: '一句只说一件事。按提示在中间的逗号处断开；条件和材料改成分行的列表。',
  },
  {
    valid: [{ title: '短句', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '一句话说了四件事',
        code: exampleWithParagraph(
          '您需要带上身份证原件和户口簿原件到户口所在地的派出所户籍窗口填写申请表并现场拍照采集指纹后缴纳二十元工本费再等待十五个工作日领取新证。',
        ),
        errors: [
          {
            messageId: 'tooLong',
            data: { length: 66, maxLength: 50 },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 68,
          },
        ],
      },
      {
        title: '分句太多',
        code: exampleWithParagraph('带上身份证，带上户口簿，填好申请表，去窗口，交二十元，等十五天。'),
        errors: [
          {
            messageId: 'tooManyClausesSplitAt',
            data: { clauses: 6, maxClauses: 5, clause: '填好申请表，' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 33,
          },
        ],
      },
    ],
  },
);
