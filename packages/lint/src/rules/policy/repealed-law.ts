import { pointerTokens, spanRange } from '@baihua/core';
import { fixWhereVerbatim } from '../../fix.js';
import { LAW_SCHEMA, repealedLaws, type RepealedLaw } from '../../rule-data.js';
import { EXAMPLE_GUIDE, exampleWith, exampleWithParagraph } from '../example-guide.js';
import { policyRule } from '../define.js';

/** A title in 《》; a title does not hold another 《 or a line break. */
const CITATION = /《([^《》\n]+)》/g;
/** Words that already tell the reader a law is gone: 「原《婚姻法》」「《婚姻法》（已废止）」. */
const SAID_GONE_BEFORE = /原$/u;
const SAID_GONE_AFTER = /^[（(]?已?(?:废止|失效)/u;

const withoutSpaces = (title: string) => title.replace(/\s+/g, '');

/** Laws by every name they are cited by, spaces removed (「中华人民共和国 婚姻法」); a catalog's own entries win. */
function lawsByName(extra: RepealedLaw[]): Map<string, RepealedLaw> {
  const laws = [...repealedLaws(), ...extra];
  return new Map(laws.flatMap((law) => [law.name, ...(law.also ?? [])].map((name) => [withoutSpaces(name), law])));
}

interface Options {
  extra: RepealedLaw[];
}

/** `2021-01-01` as the messages write a day: 2021年1月1日. */
const chineseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

export default policyRule<Options>(
  {
    id: 'policy/repealed-law',
    severity: 'error',
    title: '不要引用已经废止的法律法规',
    description:
      '指南引用的法律法规要现行有效：《中华人民共和国婚姻法》《中华人民共和国合同法》等九部法律自2021年1月1日起被《中华人民共和国民法典》取代，《公司登记管理条例》《个体工商户条例》等也已废止。群众照着废止的法律去查，查到的是失效的条文。已废止、被替代或名称写错的法律法规列在 packages/lint/data/repealed-laws.yaml，每条写明依据；本地法规的废止和更名用选项 extra 补充。检查设定依据（legal_basis）和所有文字里用书名号引用的名称；写明了“原《…》”或“（已废止）”的不算，以 x- 开头的扩展字段不检查。',
    howToFix:
      '改为引用现行的法律法规，并核对条款号：新法的条款号和旧法不同，要查新法里对应的条文。只是名称写错或改了名的，按提示改成正式名称（可以自动修复）。',
    messages: {
      replaced:
        '《{{name}}》已于{{date}}废止（依据：{{source}}），现行的是《{{replacement}}》：请改为引用《{{replacement}}》的相应条款',
      repealed: '《{{name}}》已于{{date}}废止（依据：{{source}}）：请删去这条引用，或改为引用现行有效的依据',
      renamed: '《{{name}}》自{{date}}起改名为《{{replacement}}》（依据：{{source}}）：请写现在的名称',
      misnamed: '没有《{{name}}》这个名称，正式名称是《{{replacement}}》（{{source}}）：请写正式名称',
    },
    fixable: 'fix',
    options: {
      type: 'object',
      properties: {
        extra: {
          type: 'array',
          items: LAW_SCHEMA,
          default: [],
          description: '本地补充的条目，写法同 repealed-laws.yaml',
        },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '引用现行的法律', code: EXAMPLE_GUIDE },
      {
        title: '引用民法典',
        code: exampleWith(
          'legal_basis: [《中华人民共和国居民身份证法》第十一条]',
          'legal_basis: [《中华人民共和国民法典》第一千零四十九条]',
        ),
      },
      {
        title: '写明了已经废止',
        code: exampleWithParagraph('原《中华人民共和国婚姻法》已经废止，《中华人民共和国收养法》（已废止）也一样。'),
      },
      {
        title: '名称里含有旧法名称的现行文件',
        code: exampleWithParagraph('结婚登记按《婚姻登记条例》和《婚姻登记工作规范》办理。'),
      },
    ],
    invalid: [
      {
        title: '设定依据引用了已被民法典取代的婚姻法',
        code: exampleWith(
          'legal_basis: [《中华人民共和国居民身份证法》第十一条]',
          'legal_basis: [《中华人民共和国婚姻法》第八条]',
        ),
        errors: [
          {
            messageId: 'replaced',
            data: {
              name: '中华人民共和国婚姻法',
              date: '2021年1月1日',
              source: '《中华人民共和国民法典》第一千二百六十条',
              replacement: '中华人民共和国民法典',
            },
            line: 8,
            column: 15,
            endLine: 8,
            endColumn: 27,
          },
        ],
      },
      {
        title: '正文里用简称引用已废止的条例',
        code: exampleWithParagraph('个体户登记按《个体工商户条例》办理。'),
        errors: [
          {
            messageId: 'replaced',
            data: { name: '个体工商户条例', date: '2022年11月1日', replacement: '促进个体工商户发展条例' },
            line: 36,
            column: 7,
            endLine: 36,
            endColumn: 16,
          },
        ],
      },
      {
        title: '条例名称前多写了“中华人民共和国”',
        code: exampleWithParagraph('结婚登记按《中华人民共和国婚姻登记条例》办理。'),
        errors: [
          {
            messageId: 'misnamed',
            data: { name: '中华人民共和国婚姻登记条例', replacement: '婚姻登记条例' },
            line: 36,
            column: 6,
            endLine: 36,
            endColumn: 21,
          },
        ],
        output: exampleWithParagraph('结婚登记按《婚姻登记条例》办理。'),
      },
      {
        title: '引用已废止、没有替代的条例',
        code: exampleWithParagraph('营业税按《中华人民共和国营业税暂行条例》缴纳。'),
        errors: [
          {
            messageId: 'repealed',
            data: { name: '中华人民共和国营业税暂行条例', date: '2017年11月19日' },
            line: 36,
            column: 5,
            endLine: 36,
            endColumn: 21,
          },
        ],
      },
      {
        title: '本地改了名的办法（extra）',
        code: exampleWithParagraph('补助标准见《青禾市困难群众临时救助办法》。'),
        options: {
          extra: [
            {
              name: '青禾市困难群众临时救助办法',
              status: '更名',
              date: '2025-01-01',
              replacement: '青禾市临时救助办法',
              source: '青禾市人民政府令第12号',
            },
          ],
        },
        errors: [
          {
            messageId: 'renamed',
            data: {
              name: '青禾市困难群众临时救助办法',
              date: '2025年1月1日',
              replacement: '青禾市临时救助办法',
              source: '青禾市人民政府令第12号',
            },
            line: 36,
            column: 6,
            endLine: 36,
            endColumn: 21,
          },
        ],
        output: exampleWithParagraph('补助标准见《青禾市临时救助办法》。'),
      },
    ],
  },
  ({ guide, options, report }) => {
    const laws = lawsByName(options.extra);
    for (const span of guide.texts) {
      // Extension fields are the portal's own (the schema says Baihua does not read them).
      if (pointerTokens(span.pointer)[0]?.startsWith('x-')) continue;
      for (const match of span.text.matchAll(CITATION)) {
        const law = laws.get(withoutSpaces(match[1]!));
        if (!law) continue;
        const start = match.index;
        const end = start + match[0].length;
        if (SAID_GONE_BEFORE.test(span.text.slice(0, start)) || SAID_GONE_AFTER.test(span.text.slice(end))) continue;
        const range = spanRange(span, start, end);
        const data = {
          name: match[1]!,
          date: law.date ? chineseDate(law.date) : '',
          source: law.source,
          replacement: law.replacement ?? '',
        };
        const messageId = { 废止: 'repealed', 被替代: 'replaced', 更名: 'renamed', 名称有误: 'misnamed' }[law.status];
        // Only a new name for the same text is corrected here: a replacing law's articles differ.
        const fix =
          law.status === '更名' || law.status === '名称有误'
            ? fixWhereVerbatim(guide.file.text, range, match[0], `《${law.replacement}》`)
            : undefined;
        report({ messageId, data, range, ...(fix && { fix }) });
      }
    }
  },
);
