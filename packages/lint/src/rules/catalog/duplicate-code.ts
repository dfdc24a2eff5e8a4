import { groupBy, nameGuides } from '../catalog-helpers.js';
import { exampleWith } from '../example-guide.js';
import { defineCatalogRule, type CatalogRuleContext } from '../define.js';
import type { GuideSummary, Located } from '../../types.js';

const withCodes = (basic: string, implementation?: string, item?: string) =>
  exampleWith(
    'type: 公共服务',
    `codes: { basic: "${basic}"${implementation ? `, implementation: "${implementation}"` : ''}${item ? `, item: "${item}"` : ''} }\ntype: 公共服务`,
  );

function reportDuplicates(
  context: CatalogRuleContext<unknown>,
  code: (guide: GuideSummary) => Located | undefined,
  messageId: string,
): void {
  for (const [value, guides] of groupBy(context.guides, (guide) => code(guide)?.value)) {
    if (guides.length < 2) continue;
    for (const guide of guides) {
      if (!context.reportsOn(guide)) continue;
      const others = nameGuides(
        context,
        guides.filter((other) => other !== guide),
      );
      context.report(guide, { messageId, data: { code: value, others }, at: code(guide)!.at });
    }
  }
}

export default defineCatalogRule({
  meta: {
    id: 'catalog/duplicate-code',
    appliesTo: ['guide'],
    severity: 'error',
    title: '事项编码不能重复',
    description:
      '实施编码对应一个实施主体办的一个事项，两份指南用同一个实施编码，就是同一件事写了两遍，或者编码抄错了；一个事项分成几个业务办理项（如首次申领、换领）时，各份指南写各自的业务办理项编码（codes.item），比较的是它。基本编码可以在不同地方的实施清单里相同（各地各有实施编码）；没有写实施编码的指南，基本编码相同也算重复。',
    howToFix:
      '核对全国一体化政务服务平台上的事项编码：同一件事只留一份指南；编码抄错的改正；不同地方实施的同一事项，写上各自的 codes.implementation。',
    messages: {
      item: '业务办理项编码「{{code}}」和 {{others}} 重复：一个办理项只应有一份指南，编码抄错了请改正',
      implementation:
        '实施编码「{{code}}」和 {{others}} 重复：同一件事只应有一份指南，编码抄错了请改正；同一事项分成几个办理项的，请写上各自的业务办理项编码（codes.item）',
      basic:
        '基本编码「{{code}}」和 {{others}} 重复：同一件事只应有一份指南；不同地方实施的同一事项，请写上各自的实施编码（codes.implementation）',
    },
  },
  examples: {
    valid: [
      {
        title: '同一基本编码，各自的实施编码',
        code: withCodes('000104101000', '11330100002489187Q3000104101000'),
        catalog: [
          {
            filename: 'xiling.md',
            code: withCodes('000104101000', '11330100002489195Q3000104101000').replace(
              'id: id-card-renewal',
              'id: id-card-renewal-xiling',
            ),
          },
        ],
      },
      {
        title: '同一实施编码下的两个业务办理项',
        code: withCodes('000104101000', '11330100002489187Q3000104101000', '11330100002489187Q3000104101000001'),
        catalog: [
          {
            filename: 'replacement.md',
            code: withCodes(
              '000104101000',
              '11330100002489187Q3000104101000',
              '11330100002489187Q3000104101000002',
            ).replace('id: id-card-renewal', 'id: id-card-replacement'),
          },
        ],
      },
    ],
    invalid: [
      {
        title: '两份指南用了同一个业务办理项编码',
        code: withCodes('000104101000', '11330100002489187Q3000104101000', '11330100002489187Q3000104101000001'),
        catalog: [
          {
            filename: 'copy.md',
            code: withCodes(
              '000104101000',
              '11330100002489187Q3000104101000',
              '11330100002489187Q3000104101000001',
            ).replace('id: id-card-renewal', 'id: id-card-renewal-copy'),
          },
        ],
        errors: [
          {
            messageId: 'item',
            data: { code: '11330100002489187Q3000104101000001', others: 'copy.md' },
            line: 5,
            column: 90,
            endLine: 5,
            endColumn: 126,
          },
        ],
      },
      {
        title: '两份指南用了同一个实施编码',
        code: withCodes('000104101000', '11330100002489187Q3000104101000'),
        catalog: [
          {
            filename: 'copy.md',
            code: withCodes('000104101000', '11330100002489187Q3000104101000').replace(
              'id: id-card-renewal',
              'id: id-card-renewal-copy',
            ),
          },
        ],
        errors: [
          {
            messageId: 'implementation',
            data: { code: '11330100002489187Q3000104101000', others: 'copy.md' },
            line: 5,
            column: 49,
            endLine: 5,
            endColumn: 82,
          },
        ],
      },
      {
        title: '没有实施编码，基本编码相同',
        code: withCodes('000104101000'),
        catalog: [
          {
            filename: 'copy.md',
            code: withCodes('000104101000').replace('id: id-card-renewal', 'id: id-card-renewal-copy'),
          },
        ],
        errors: [
          {
            messageId: 'basic',
            data: { code: '000104101000', others: 'copy.md' },
            line: 5,
            column: 17,
            endLine: 5,
            endColumn: 31,
          },
        ],
      },
    ],
  },
  checkCatalog(context) {
    // The most specific code a guide has is the one that must be unique: 办理项 of one 实施 share its code.
    reportDuplicates(context, (guide) => guide.itemCode, 'item');
    reportDuplicates(context, (guide) => (guide.itemCode ? undefined : guide.implementationCode), 'implementation');
    reportDuplicates(
      context,
      (guide) => (guide.itemCode || guide.implementationCode ? undefined : guide.basicCode),
      'basic',
    );
  },
});
