import { textOf, type Fee, type FieldPath } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const DETAILS = { amount: '金额', basis: '收费依据' } as const;
type Detail = keyof typeof DETAILS;

/** A fee item, or one of its fields, in either form of `fees`: a list, or `{ free, items }`. */
function feePath(inItems: boolean, index: number, key?: keyof Fee): FieldPath {
  if (inItems) return key ? ['fees', 'items', index, key] : ['fees', 'items', index];
  return key ? ['fees', index, key] : ['fees', index];
}

interface Options {
  require: Detail[];
}

export default policyRule<Options>(
  {
    id: 'policy/fee-basis',
    severity: 'error',
    title: '收费要写清金额和依据',
    description:
      '群众要事先知道交多少钱、凭什么收。每个收费项目都要写金额和收费依据（文件名称和文号）；不收费写 free: true，写了免费就不能再列收费项目。要求写哪几项用选项 require 设置。',
    howToFix:
      '给每个收费项目补上 amount（元）和 basis（收费文件的名称和文号）；不收费的写 fees: { free: true }，删去收费项目。',
    messages: {
      missingDetails: '{{fee}}没写{{details}}：群众要事先知道交多少钱、凭什么收，请补上',
      freeWithItems:
        '写了免费（free: true），又列了收费项目：到底收不收费？不收费就删去 items，收费就把 free 改成 false',
      notFreeWithoutItems: '写了收费（free: false），但没列收费项目：请在 items 里逐项写出收费项目、金额和依据',
    },
    options: {
      type: 'object',
      properties: {
        require: {
          type: 'array',
          uniqueItems: true,
          items: { enum: Object.keys(DETAILS) },
          default: Object.keys(DETAILS),
        },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '写了金额和依据', code: EXAMPLE_GUIDE },
      {
        title: '不收费',
        code: exampleWith(
          'fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]',
          'fees: { free: true }',
        ),
      },
      {
        title: '只要求写金额（require: [amount]）',
        code: exampleWith(
          'fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]',
          'fees: [{ item: 工本费, amount: 20 }]',
        ),
        options: { require: ['amount'] },
      },
    ],
    invalid: [
      {
        title: '没写金额和依据',
        code: exampleWith(
          'fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]',
          'fees: [{ item: 工本费 }]',
        ),
        errors: [
          {
            messageId: 'missingDetails',
            data: { fee: '收费项目「工本费」', details: '金额和收费依据' },
            line: 21,
            column: 16,
            endLine: 21,
            endColumn: 19,
          },
        ],
      },
      {
        title: '写了免费，又列了收费项目',
        code: exampleWith(
          'fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]',
          'fees: { free: true, items: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }] }',
        ),
        errors: [{ messageId: 'freeWithItems', line: 21, column: 15, endLine: 21, endColumn: 19 }],
      },
      {
        title: '写了收费，没列项目',
        code: exampleWith(
          'fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]',
          'fees: { free: false }',
        ),
        errors: [{ messageId: 'notFreeWithoutItems', line: 21, column: 15, endLine: 21, endColumn: 20 }],
      },
    ],
  },
  ({ model, options, report }) => {
    const required = new Set(options.require);
    const { fees } = model.fields;
    const statement = Array.isArray(fees) ? undefined : fees;
    const items = (Array.isArray(fees) ? fees : statement?.items) ?? [];
    if (statement?.free !== undefined) {
      const range = model.rangeOf(['fees', 'free'])?.value;
      if (statement.free && items.length && range) {
        report({ messageId: 'freeWithItems', range });
      } else if (!statement.free && !items.length && range) {
        report({ messageId: 'notFreeWithoutItems', range, absent: [{ pointer: '/fees/items' }] });
      }
    }
    const inItems = statement !== undefined;
    items.forEach((fee, index) => {
      if (!fee) return;
      // A detail of the wrong type is written all the same: the schema rules report it.
      const missing = (Object.keys(DETAILS) as Detail[]).filter(
        (detail) => required.has(detail) && !model.rangeOf(feePath(inItems, index, detail)),
      );
      const range =
        model.rangeOf(feePath(inItems, index, 'item'))?.value ?? model.rangeOf(feePath(inItems, index))?.key;
      if (!missing.length || !range) return;
      const name = textOf(fee.item) ? `收费项目「${textOf(fee.item)}」` : `第 ${index + 1} 个收费项目`;
      report({
        messageId: 'missingDetails',
        data: { fee: name, details: missing.map((detail) => DETAILS[detail]).join('和') },
        range,
        absent: missing.map((detail) => ({ pointer: `/${feePath(inItems, index, detail).join('/')}` })),
      });
    });
  },
);
