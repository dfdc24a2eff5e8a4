import { groupBy, nameGuides } from '../catalog-helpers.js';
import { exampleWith } from '../example-guide.js';
import { defineCatalogRule, type CatalogRuleContext } from '../define.js';
import type { GuideSummary, Located } from '../../types.js';

const withCodes = (basic: string, implementation?: string) =>
  exampleWith(
    'type: 公共服务',
    `codes: { basic: "${basic}"${implementation ? `, implementation: "${implementation}"` : ''} }\ntype: 公共服务`,
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
      '实施编码对应一个实施主体办的一个事项，两份指南用同一个实施编码，就是同一件事写了两遍，或者编码抄错了。基本编码可以在不同地方的实施清单里相同（各地各有实施编码）；没有写实施编码的指南，基本编码相同也算重复。',
    howToFix:
      '核对全国一体化政务服务平台上的事项编码：同一件事只留一份指南；编码抄错的改正；不同地方实施的同一事项，写上各自的 codes.implementation。',
    messages: {
      implementation: '实施编码「{{code}}」和 {{others}} 重复：同一件事只应有一份指南，编码抄错了请改正',
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
    ],
    invalid: [
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
    reportDuplicates(context, (guide) => guide.implementationCode, 'implementation');
    reportDuplicates(context, (guide) => (guide.implementationCode ? undefined : guide.basicCode), 'basic');
  },
});
