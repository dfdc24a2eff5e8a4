import { defineCatalogRule } from '../define.js';
import { EXAMPLE_JOURNEY, JOURNEY_CATALOG, JOURNEY_FILE, journeyWith } from '../example-journey.js';
import { plannedJourneys } from '../journey-helpers.js';

const SWAPPED = journeyWith(
  '  - title: 换身份证\n    guides: [id-card-renewal]\n  - title: 申请护照\n    guides: [passport-application]\n',
  '  - title: 申请护照\n    guides: [passport-application]\n  - title: 换身份证\n    guides: [id-card-renewal]\n',
);

const AT_ONCE = journeyWith(
  '    guides: [passport-application]\n',
  '    guides: [passport-application]\n    parallel: true\n',
);

export default defineCatalogRule({
  meta: {
    id: 'journey/needs-later-result',
    appliesTo: ['journey'],
    severity: 'error',
    title: '要用前一步办出来的东西，这一步就要排在后面',
    description:
      '一项服务要的材料，如果是这件事里另一项服务办出来的（那份指南的办理结果，名称相同或在 same_materials 里写明是同一份），办出它的那一步就要排在前面。排反了或写成同时办（parallel），群众按步骤去办，到窗口才发现材料还没有。',
    howToFix:
      '把要用这份材料的步骤移到办出它的步骤之后；两项写在同一步里的，拆成先后两步；写了 parallel: true 的，改为 false 或删去。材料其实不是同一份的，改正 same_materials。',
    messages: {
      later:
        '{{guide}}要的「{{material}}」要等{{producerStep}}的{{producer}}办出来，可那一步排在后面：请把这一步移到{{producerStep}}之后',
      atOnce:
        '{{guide}}要的「{{material}}」要等{{producerStep}}的{{producer}}办出来，可两项是同时办的：请把它放到后面单独的一步；写了 parallel: true 的，改为 false',
    },
  },
  examples: {
    valid: [{ title: '先换身份证，再办护照', filename: JOURNEY_FILE, code: EXAMPLE_JOURNEY, catalog: JOURNEY_CATALOG }],
    invalid: [
      {
        title: '办护照排在了换身份证前面',
        filename: JOURNEY_FILE,
        code: SWAPPED,
        catalog: JOURNEY_CATALOG,
        errors: [
          {
            messageId: 'later',
            data: { guide: '「首次申请普通护照」', material: '居民身份证', producerStep: '第 2 步「换身份证」' },
            line: 8,
            column: 14,
            endLine: 8,
            endColumn: 34,
          },
        ],
      },
      {
        title: '要等结果的两项写成了同时办',
        filename: JOURNEY_FILE,
        code: AT_ONCE,
        catalog: JOURNEY_CATALOG,
        errors: [
          {
            messageId: 'atOnce',
            data: { guide: '「首次申请普通护照」', material: '居民身份证', producerStep: '第 1 步「换身份证」' },
            line: 10,
            column: 14,
            endLine: 10,
            endColumn: 34,
          },
        ],
      },
    ],
  },
  checkCatalog(context) {
    for (const { journey, plan, placeOf } of plannedJourneys(context)) {
      for (const problem of plan.problems) {
        if (problem.kind !== 'needs-later-result') continue;
        const step = plan.steps.find((candidate) => candidate.index === problem.step)!;
        const producer = plan.steps.find((candidate) => candidate.index === problem.producer.step)!;
        const serviceOf = (index: number, id: string) =>
          plan.steps.find((candidate) => candidate.index === index)?.services.find((planned) => planned.id === id)
            ?.service;
        context.report(journey, {
          messageId: producer.number > step.number ? 'later' : 'atOnce',
          data: {
            guide: `「${serviceOf(problem.step, problem.service)?.title ?? problem.service}」`,
            material: problem.material,
            producerStep: `第 ${producer.number} 步「${producer.title}」`,
            producer: `「${serviceOf(producer.index, problem.producer.service)?.title ?? problem.producer.service}」`,
          },
          at: placeOf(`/steps/${problem.step}/guides/${problem.position}`),
        });
      }
    }
  },
});
