import type { FieldPath } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const NUMBER = '[0-9０-９一二三四五六七八九十百千零〇两]+';
/**
 * An article citation as laws write it: 第X条, with the chapter or section before it and the
 * paragraph or item after it (第四章第二十二条第一款第（三）项), optionally introduced by
 * 依据/根据/按照/依照 and the law's name, and closed by 规定 (依据《…》第…条规定). 「条件」 is not an article.
 */
const ONE_ARTICLE = `第${NUMBER}条(?!件)(?:第${NUMBER}款)?(?:第[（(]?${NUMBER}[）)]?项)?`;
const ARTICLE = new RegExp(
  [
    '(?:(?:依据|根据|按照|依照|按)?《[^《》\\n]+》)?',
    `(?:第${NUMBER}[编章节])*`,
    ONE_ARTICLE,
    // 「第一千零四十六条、第一千零四十七条」 is one citation
    `(?:[、，,和及与或至到]${ONE_ARTICLE})*`,
    '(?:(?:之|的)?规定)?',
  ].join(''),
  'gu',
);
/** Clause numbering copied from a law: （一）, (二) … */
const CLAUSE = /[（(][一二三四五六七八九十]+[）)]/u;

const FIELDS = { conditions: '受理条件', exclusions: '不能办理的情形' } as const;

export default policyRule(
  {
    id: 'policy/legal-text-in-conditions',
    severity: 'warn',
    title: '条件要写给群众看，不要照抄法条',
    description:
      '受理条件和不能办理的情形是写给群众看的：照抄的法条（“第四章第二十二条……”“依据《…》第X条规定”，带“（一）（二）”编号的条款）群众看不懂自己符不符合。条件里只写群众要满足什么，法条出处写在设定依据（legal_basis）里。只提到法律名称、不引条款的（如“不属于《中华人民共和国民法典》禁止结婚的情形”）不算照抄法条。',
    howToFix:
      '把条文改写成群众能对照的具体条件，一条一项，每条写成一句话（如“男方年满22周岁，女方年满20周岁”）；条款号移到 legal_basis，写成“《法律名称》第X条”。',
    messages: {
      article: '{{field}}里引用了法条“{{citation}}”：请写出群众要满足的具体条件，条款号移到设定依据（legal_basis）',
      clauses: '{{field}}里有照抄法条的编号“{{clause}}”：请把每一项拆成一条具体条件，用群众的话写',
    },
  },
  {
    valid: [
      { title: '写给群众的条件', code: EXAMPLE_GUIDE },
      {
        title: '只提到法律名称，不引条款',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [男女双方都没有配偶，也不属于《中华人民共和国民法典》禁止结婚的情形。]',
        ),
      },
      {
        title: '“第一次”“条件”不是法条',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [第一次申领身份证，或者已经满足换证的第一条件：有效期不到3个月。]',
        ),
      },
    ],
    invalid: [
      {
        title: '条件里照抄了法条',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [依据《中华人民共和国居民身份证法》第十一条规定，有效期满的应当换领。]',
        ),
        errors: [
          {
            messageId: 'article',
            data: { field: '受理条件', citation: '依据《中华人民共和国居民身份证法》第十一条规定' },
            line: 9,
            column: 14,
            endLine: 9,
            endColumn: 37,
          },
        ],
      },
      {
        title: '引用了几条',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [符合《中华人民共和国民法典》第一千零四十六条、第一千零四十七条规定的结婚条件。]',
        ),
        errors: [
          {
            messageId: 'article',
            data: { field: '受理条件', citation: '《中华人民共和国民法典》第一千零四十六条、第一千零四十七条规定' },
            line: 9,
            column: 16,
          },
        ],
      },
      {
        title: '章节条款号和条款编号',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [第四章第二十二条 有下列情形之一的，应当换领：（一）有效期满的；（二）证件严重损坏的。]',
        ),
        errors: [
          {
            messageId: 'article',
            data: { field: '受理条件', citation: '第四章第二十二条' },
            line: 9,
            column: 14,
            endLine: 9,
            endColumn: 22,
          },
          {
            messageId: 'clauses',
            data: { field: '受理条件', clause: '（一）' },
            line: 9,
            column: 37,
            endLine: 9,
            endColumn: 40,
          },
        ],
      },
    ],
  },
  ({ model, report }) => {
    for (const field of Object.keys(FIELDS) as Array<keyof typeof FIELDS>) {
      model.fields[field]?.forEach((text, index) => {
        if (!text) return;
        const path: FieldPath = [field, index];
        const label = FIELDS[field];
        for (const match of text.matchAll(ARTICLE)) {
          const range = model.textRange(path, match.index, match.index + match[0].length);
          if (range) report({ messageId: 'article', data: { field: label, citation: match[0] }, range });
        }
        const clause = CLAUSE.exec(text);
        const range = clause && model.textRange(path, clause.index, clause.index + clause[0].length);
        if (clause && range) report({ messageId: 'clauses', data: { field: label, clause: clause[0] }, range });
      });
    }
  },
);
