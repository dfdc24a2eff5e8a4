import { textOf } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const DETAILS = { form: '形式（原件、复印件或电子）', copies: '份数', source: '来源（自备、政府部门核发等）' } as const;
type Detail = keyof typeof DETAILS;

interface Options {
  require: Detail[];
}

export default policyRule<Options>(
  {
    id: 'policy/material-incomplete',
    severity: 'error',
    title: '材料要写清形式、份数和来源',
    description:
      '群众要照着材料清单一次带齐（一次性告知）。每份材料都要写明要原件、复印件还是电子版，纸质的要几份，从哪里来；只要电子版的不用写份数；标了免提交的，要写明窗口从哪个共享系统或电子证照库获取。要求写哪几项用选项 require 设置。',
    howToFix: '给每份材料补上 form、copies（纸质材料）和 source；免提交的材料在 exempt.source 写明共享来源。',
    messages: {
      missingDetails: '{{material}}没写{{details}}：群众要照着清单一次带齐，请补上',
      copiesOfElectronic: '{{material}}只要电子版，不用写份数：删去 copies，或在 form 里加上原件或复印件',
      exemptWithoutSource:
        '{{material}}标了免提交，但没写窗口从哪里获取：请在 exempt.source 写明共享系统或电子证照的名称',
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
      { title: '写清了形式、份数和来源', code: EXAMPLE_GUIDE },
      {
        title: '免提交，写明了共享来源',
        code: exampleWith(
          '    form: 原件\n    copies: 1\n    source: 自备\n',
          '    exempt: { source: 青禾市公安户籍信息平台 }\n',
        ),
      },
      {
        title: '只要求写形式（require: [form]）',
        code: exampleWith('    copies: 1\n    source: 自备\n', ''),
        options: { require: ['form'] },
      },
    ],
    invalid: [
      {
        title: '没写份数和来源',
        code: exampleWith('    copies: 1\n    source: 自备\n', ''),
        errors: [
          {
            messageId: 'missingDetails',
            data: { material: '材料「居民户口簿」', details: '份数和来源（自备、政府部门核发等）' },
            line: 11,
            column: 11,
            endLine: 11,
            endColumn: 16,
          },
        ],
      },
      {
        title: '电子材料写了份数',
        code: exampleWith('    form: 原件\n', '    form: 电子\n'),
        errors: [
          {
            messageId: 'copiesOfElectronic',
            data: { material: '材料「居民户口簿」' },
            line: 13,
            column: 5,
            endLine: 13,
            endColumn: 11,
          },
        ],
      },
      {
        title: '免提交，没写从哪里获取',
        code: exampleWith(
          '    form: 原件\n    copies: 1\n    source: 自备\n',
          '    exempt: { note: 窗口直接查询。 }\n',
        ),
        errors: [
          {
            messageId: 'exemptWithoutSource',
            data: { material: '材料「居民户口簿」' },
            line: 12,
            column: 5,
            endLine: 12,
            endColumn: 11,
          },
        ],
      },
    ],
  },
  // A detail written with the wrong type is the schema rules' to report, not missing.
  ({ model, options, report }) => {
    const required = new Set(options.require);
    model.fields.materials?.forEach((material, index) => {
      if (!material) return;
      const name = textOf(material.name) ? `材料「${textOf(material.name)}」` : `第 ${index + 1} 份材料`;
      // A detail of the wrong type is written all the same: the schema rules report it.
      const written = (key: Detail) => model.rangeOf(['materials', index, key]) !== undefined;
      const { exempt } = material;
      if (exempt) {
        const range = model.rangeOf(['materials', index, 'exempt'])?.key;
        if (!textOf(exempt.source) && range) {
          const absent = [{ pointer: `/materials/${index}/exempt/source` }];
          report({ messageId: 'exemptWithoutSource', data: { material: name }, range, absent });
        }
        return;
      }
      const forms = [material.form].flat().filter((form) => form !== undefined);
      const paper = forms.some((form) => form !== '电子');
      const missing: Detail[] = [];
      if (!written('form')) missing.push('form');
      if (paper && !written('copies')) missing.push('copies');
      if (!written('source')) missing.push('source');
      const unwritten = missing.filter((detail) => required.has(detail));
      const where = model.rangeOf(['materials', index, 'name'])?.value ?? model.rangeOf(['materials', index])?.value;
      if (unwritten.length && where) {
        const list = unwritten.map((detail) => DETAILS[detail]);
        const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join('、')}和${list.at(-1)}`;
        report({
          messageId: 'missingDetails',
          data: { material: name, details: named! },
          range: where,
          absent: unwritten.map((detail) => ({ pointer: `/materials/${index}/${detail}` })),
        });
      }
      const copies = model.rangeOf(['materials', index, 'copies'])?.key;
      if (forms.length && !paper && copies) {
        report({ messageId: 'copiesOfElectronic', data: { material: name }, range: copies });
      }
    });
  },
);
