import { candidatePairs, candidatePairsWith, decodeSignature, MIN_THRESHOLD, similarity } from '../../minhash.js';
import { nameGuides, otherGuide } from '../catalog-helpers.js';
import { EXAMPLE_GUIDE } from '../example-guide.js';
import { defineCatalogRule } from '../define.js';
import type { GuideSummary } from '../../types.js';

interface Options {
  threshold: number;
}

/** The same service in different places: one basic code, each place its own implementation code. */
const sameServiceElsewhere = (guide: GuideSummary) => (guide.implementationCode ? guide.basicCode?.value : undefined);

export default defineCatalogRule<Options>({
  meta: {
    id: 'catalog/near-duplicate',
    appliesTo: ['guide'],
    severity: 'warn',
    title: '同一件事不要写两份指南',
    description:
      '两份指南的文字大部分相同，多半是同一件事被两个部门或两个平台各写了一遍：群众不知道该信哪份，改了一份另一份就过时了。比较的是正文和字段里的文字（按词切分后每三个词一组，用 MinHash 估算相同的比例），达到选项 threshold（默认 0.8，即 80%）就提示。基本编码相同、各有实施编码的指南是不同地方实施的同一事项，不算重复。',
    howToFix:
      '同一件事只留一份指南，另一份删去，或改成只写不同之处并用 related 指向保留的那份；确实是不同地方实施的，写上各自的 codes.implementation。',
    messages: {
      similar:
        '这份指南和 {{other}}的文字约 {{percent}}% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
      similarToMany:
        '这份指南和 {{other}}的文字约 {{percent}}% 相同，还有 {{more}} 份指南也和它很像（{{others}}）：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
    },
    options: {
      type: 'object',
      properties: { threshold: { type: 'number', minimum: MIN_THRESHOLD, maximum: 1, default: 0.8 } },
      additionalProperties: false,
    },
  },
  examples: {
    valid: [
      {
        title: '不同的事项',
        code: EXAMPLE_GUIDE,
        catalog: [
          {
            filename: 'passport.md',
            code: `---\nid: passport-application\ntitle: 普通护照申请\n---\n\n## 办理前请确认\n\n第一次申请护照，或者护照快过期了、页数用完了，都可以申请。您可以到任何一个出入境接待大厅办理，办好后邮寄到家。\n`,
          },
        ],
      },
    ],
    invalid: [
      {
        title: '只改了标识和地点的同一份指南',
        code: EXAMPLE_GUIDE,
        catalog: [
          otherGuide(
            'copy.md',
            ['id: id-card-renewal', 'id: id-card-renewal-2'],
            ['东湖区人民路1号2楼', '东湖区人民路3号2楼'],
          ),
        ],
        errors: [
          {
            messageId: 'similar',
            data: { other: 'copy.md（换领居民身份证）', percent: 86 },
            line: 3,
            column: 8,
            endLine: 3,
            endColumn: 15,
          },
        ],
      },
    ],
  },
  checkCatalog(context) {
    const guides = context.guides;
    const signatures = guides.map((guide) => (guide.signature ? decodeSignature(guide.signature) : undefined));
    const threshold = (guide: GuideSummary) => context.options(guide).threshold;
    const alike = new Map<GuideSummary, Array<{ other: GuideSummary; share: number }>>();
    const group = (index: number) => sameServiceElsewhere(guides[index]!);
    const reported = guides.flatMap((guide, index) => (context.reportsOn(guide) ? [index] : []));
    // A few guides reported on among many (the guide being typed in the editor): only their pairs.
    const pairs =
      reported.length * 10 < guides.length
        ? candidatePairsWith(signatures, reported, group)
        : candidatePairs(signatures, group);
    for (const [first, second] of pairs) {
      const share = similarity(signatures[first]!, signatures[second]!);
      for (const [guide, other] of [
        [guides[first]!, guides[second]!],
        [guides[second]!, guides[first]!],
      ] as const) {
        if (context.reportsOn(guide) && share >= threshold(guide))
          alike.set(guide, [...(alike.get(guide) ?? []), { other, share }]);
      }
    }
    // One finding per guide: the most similar one, and how many more there are.
    for (const [guide, others] of alike) {
      others.sort((a, b) => b.share - a.share || a.other.filePath.localeCompare(b.other.filePath));
      const { other, share } = others[0]!;
      const named = other.title ? `${context.displayPath(other)}（${other.title}）` : context.displayPath(other);
      const data = { other: named, percent: Math.floor(share * 100) };
      if (others.length === 1) {
        context.report(guide, { messageId: 'similar', data, at: guide.at });
      } else {
        const rest = nameGuides(
          context,
          others.slice(1).map((entry) => entry.other),
        );
        context.report(guide, {
          messageId: 'similarToMany',
          data: { ...data, more: others.length - 1, others: rest },
          at: guide.at,
        });
      }
    }
  },
});
