import { defineCatalogRule } from '../define.js';
import { JOURNEY_CATALOG, JOURNEY_FILE, journeyWith } from '../example-journey.js';
import { plannedJourneys } from '../journey-helpers.js';

const withSameMaterials = (also: string) =>
  journeyWith('target: { visits: 2 }', `same_materials:\n  - name: 身份证\n    also: [${also}]\ntarget: { visits: 2 }`);

export default defineCatalogRule({
  meta: {
    id: 'journey/unused-name',
    appliesTo: ['journey'],
    severity: 'warn',
    title: '“同一份材料”里的叫法要有服务用到',
    description:
      'same_materials 把几份指南对同一份材料（或前一步办出的结果）的不同叫法连起来，清单才合成一条。写了一个哪份指南都没有用到的叫法，多半是抄错了字，真正的叫法就没有连上：清单上会出现两条，或者前一步办出的东西被当成要群众自己带。这件事有一步的指南不存在时不检查（那份指南可能用到它）。',
    howToFix: '照指南里材料名称（materials 的 name）或办理结果名称（result 的 name）的原样写；不再需要的叫法删去。',
    messages: {
      unused:
        '「{{name}}」没有哪项服务用到：这件事的指南里没有叫这个名字的材料或办理结果。请照指南里的写法改正，或删去',
    },
  },
  examples: {
    valid: [
      {
        title: '叫法是指南里的材料和办理结果的名称',
        filename: JOURNEY_FILE,
        code: withSameMaterials('居民身份证'),
        catalog: JOURNEY_CATALOG,
      },
    ],
    invalid: [
      {
        title: '没有哪份指南这样叫',
        filename: JOURNEY_FILE,
        code: withSameMaterials('居民身份证, 第二代居民身份证'),
        catalog: JOURNEY_CATALOG,
        errors: [
          { messageId: 'unused', data: { name: '第二代居民身份证' }, line: 13, column: 19, endLine: 13, endColumn: 27 },
        ],
      },
    ],
  },
  checkCatalog(context) {
    for (const { journey, plan, placeOf } of plannedJourneys(context)) {
      for (const problem of plan.problems) {
        if (problem.kind !== 'unused-name') continue;
        context.report(journey, {
          messageId: 'unused',
          data: { name: problem.name },
          at: placeOf(`/same_materials/${problem.entry}/also/${problem.position}`),
        });
      }
    }
  },
});
