import { halfWidthDigits, normalizePhone } from '@baihua/core';
import { otherGuide } from '../catalog-helpers.js';
import { EXAMPLE_GUIDE } from '../example-guide.js';
import { defineCatalogRule, type CatalogRuleContext } from '../define.js';
import type { GuideSummary, Located } from '../../types.js';

/** Spaces, dashes and full-width digits do not make two addresses different; a number is compared as dialled. */
const NORMALIZE = {
  address: (text: string) => halfWidthDigits(text).replace(/[\s－—–]/g, (char) => (/\s/.test(char) ? '' : '-')),
  phone: normalizePhone,
};

interface Written {
  guide: GuideSummary;
  value: Located;
}

const KINDS = { address: '地址', phone: '电话' } as const;

function checkKind(
  context: CatalogRuleContext<unknown>,
  name: string,
  kind: keyof typeof KINDS,
  written: Written[],
): void {
  const variants = new Map<string, Written[]>();
  for (const entry of written) {
    const key = NORMALIZE[kind](entry.value.value);
    variants.set(key, [...(variants.get(key) ?? []), entry]);
  }
  if (variants.size < 2) return;
  const ranked = [...variants.values()].sort((a, b) => b.length - a.length);
  // The way most guides write it is taken as right; with no majority, every variant is reported.
  const majority = ranked[0]!.length > ranked[1]!.length ? ranked[0] : undefined;
  for (const variant of ranked) {
    if (variant === majority) continue;
    const others = ranked.filter((other) => other !== variant);
    const described = others
      .slice(0, 2)
      .map(
        (other) =>
          `“${other[0]!.value.value}”（${context.displayPath(other[0]!.guide)}${other.length > 1 ? ` 等 ${other.length} 份` : ''}）`,
      )
      .join('、');
    for (const { guide, value } of variant) {
      if (!context.reportsOn(guide)) continue;
      context.report(guide, {
        messageId: 'differs',
        data: { place: name, kind: KINDS[kind], written: value.value, others: described },
        at: value.at,
      });
    }
  }
}

export default defineCatalogRule({
  meta: {
    id: 'catalog/inconsistent-contact',
    appliesTo: ['guide'],
    severity: 'warn',
    title: '同一地点的地址和电话要一致',
    description:
      '同一个办理地点，在一份指南里是一个地址、在另一份里是另一个，群众不知道去哪里，多半是搬过家后只改了一部分指南。按地点名称（name）比较各指南写的地址，按地点名称加窗口（window）比较电话；多数指南的写法当作正确的，只提示不一样的那些。',
    howToFix: '核对地点的实际地址和电话，把所有指南里这个地点的 address 和 phone 改成一样。',
    messages: {
      differs:
        '「{{place}}」的{{kind}}这里写的是“{{written}}”，别的指南写的是{{others}}：同一个地点各指南要写成一样，请核对后统一',
    },
  },
  examples: {
    valid: [
      {
        title: '同一地点，写法一致',
        code: EXAMPLE_GUIDE,
        catalog: [otherGuide('id-card-loss.md', ['id: id-card-renewal', 'id: id-card-loss'])],
      },
    ],
    invalid: [
      {
        title: '同一地点，两个地址',
        code: EXAMPLE_GUIDE,
        catalog: [
          otherGuide(
            'id-card-loss.md',
            ['id: id-card-renewal', 'id: id-card-loss'],
            ['东湖区人民路1号2楼', '东湖区湖滨路88号'],
          ),
          otherGuide(
            'passport.md',
            ['id: id-card-renewal', 'id: passport-application'],
            ['东湖区人民路1号2楼', '东湖区湖滨路88号'],
          ),
        ],
        errors: [
          {
            messageId: 'differs',
            data: {
              place: '东湖区政务服务中心',
              kind: '地址',
              written: '东湖区人民路1号2楼',
              others: '“东湖区湖滨路88号”（id-card-loss.md 等 2 份）',
            },
            line: 27,
            column: 33,
            endLine: 27,
            endColumn: 43,
          },
        ],
      },
    ],
  },
  checkCatalog(context) {
    // A place has one address; its windows may each have their own phone.
    const addresses = new Map<string, Written[]>();
    const phones = new Map<string, Written[]>();
    const add = (map: Map<string, Written[]>, key: string, entry: Written) => {
      const entries = map.get(key);
      if (entries) entries.push(entry);
      else map.set(key, [entry]);
    };
    const placeName = (location: GuideSummary['locations'][number]) => location.name.replace(/\s/g, '');
    // Only the places of the guides reported on can have findings: one guide typed in the editor
    // is checked against the guides that name its places, not every place of the catalog.
    const placesReported = new Set(
      context.guides.flatMap((guide) => (context.reportsOn(guide) ? guide.locations.map(placeName) : [])),
    );
    for (const guide of context.guides) {
      for (const location of guide.locations) {
        const name = placeName(location);
        if (!placesReported.has(name)) continue;
        if (location.address) add(addresses, name, { guide, value: location.address });
        if (location.phone)
          add(phones, JSON.stringify([name, location.window?.replace(/\s/g, '') ?? '']), {
            guide,
            value: location.phone,
          });
      }
    }
    for (const [name, written] of addresses) checkKind(context, name, 'address', written);
    for (const [key, written] of phones) {
      const [name, window] = JSON.parse(key) as [string, string];
      checkKind(context, window ? `${name}${window}` : name, 'phone', written);
    }
  },
});
