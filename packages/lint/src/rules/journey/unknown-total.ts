import type { JourneyService } from '@baihua/core';
import { defineCatalogRule } from '../define.js';
import { EXAMPLE_JOURNEY, ID_CARD_GUIDE, JOURNEY_CATALOG, JOURNEY_FILE, PASSPORT_GUIDE } from '../example-journey.js';
import { plannedJourneys } from '../journey-helpers.js';

const LISTED = 3;

export default defineCatalogRule({
  meta: {
    id: 'journey/unknown-total',
    appliesTo: ['journey'],
    severity: 'warn',
    title: '一件事的合计要算得出来',
    description:
      '一件事的页面告诉群众最多跑几次、最长多少天、最多交多少钱，是按各份指南写的到现场次数（visits）、承诺时限（time_limit.promised）和收费金额（fees）加出来的。有一份指南没写，合计就算不出来，页面上只能空着，也查不了是否超过目标。',
    howToFix: '在提示里列出的指南里补上到现场次数、承诺时限或每项收费的金额；不收费的写 fees: { free: true }。',
    messages: {
      visits: '算不出这件事最多跑几次：{{guides}}没有写到现场次数（visits）',
      time: '算不出这件事最长要多少天：{{guides}}没有写承诺时限（time_limit.promised）',
      fee: '算不出这件事最多交多少钱：{{guides}}没有写收费金额（fees）',
    },
  },
  examples: {
    valid: [{ title: '每份指南都写了', filename: JOURNEY_FILE, code: EXAMPLE_JOURNEY, catalog: JOURNEY_CATALOG }],
    invalid: [
      {
        title: '护照的指南没写到现场次数',
        filename: JOURNEY_FILE,
        code: EXAMPLE_JOURNEY,
        catalog: [ID_CARD_GUIDE, { ...PASSPORT_GUIDE, code: PASSPORT_GUIDE.code.replace('visits: 1\n', '') }],
        errors: [
          {
            messageId: 'visits',
            data: { guides: '「首次申请普通护照」' },
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
    for (const { journey, plan } of plannedJourneys(context)) {
      const services = new Map<string, JourneyService>();
      for (const step of plan.steps)
        for (const { id, service } of step.services) if (service) services.set(id, service);
      for (const key of ['visits', 'time', 'fee'] as const) {
        const ids = plan.totals.unknown[key];
        if (ids.length === 0) continue;
        const names = ids
          .slice(0, LISTED)
          .map((id) => `「${services.get(id)?.title ?? id}」`)
          .join('、');
        const guides = ids.length > LISTED ? `${names}等 ${ids.length} 份指南` : names;
        context.report(journey, { messageId: key, data: { guides }, at: journey.at });
      }
    }
  },
});
