import { groupBy, nameGuides, otherGuide } from '../catalog-helpers.js';
import { EXAMPLE_GUIDE } from '../example-guide.js';
import { EXAMPLE_JOURNEY, JOURNEY_FILE, journeyWith } from '../example-journey.js';
import { defineCatalogRule } from '../define.js';

export default defineCatalogRule({
  meta: {
    id: 'catalog/duplicate-id',
    severity: 'error',
    title: '标识不能重复',
    description:
      '标识（id）是指南的网址和文件名，相关事项（related）也靠它互相指向。两份指南用同一个标识，发布时一份会盖掉另一份，链接也会指错。一件事（journeys 文件夹里的文件）的标识另算：两件一件事不能同标识，一件事和一份指南同标识不算重复。',
    howToFix:
      '给其中一份换一个标识：用小写英文和连字符写出事项，如 id-card-renewal、id-card-loss；别的指南 related 里引用它的地方一起改。',
    messages: {
      duplicate: '标识「{{id}}」和 {{others}} 重复：每份指南的标识要不同，请给其中一份换一个',
      duplicateJourney: '一件事的标识「{{id}}」和 {{others}} 重复：每件一件事的标识要不同，请给其中一件换一个',
    },
  },
  examples: {
    valid: [
      {
        title: '标识各不相同',
        code: EXAMPLE_GUIDE,
        catalog: [otherGuide('id-card-loss.md', ['id: id-card-renewal', 'id: id-card-loss'])],
      },
      {
        title: '一件事和指南的标识另算：一件事可以和一份指南同标识',
        filename: JOURNEY_FILE,
        code: journeyWith('id: id-card-and-passport', 'id: id-card-renewal'),
        catalog: [otherGuide('id-card-renewal.md')],
      },
    ],
    invalid: [
      {
        title: '两份指南用了同一个标识',
        code: EXAMPLE_GUIDE,
        catalog: [otherGuide('copy.md', ['title: 换领居民身份证', 'title: 补领居民身份证'])],
        errors: [
          {
            messageId: 'duplicate',
            data: { id: 'id-card-renewal', others: 'copy.md' },
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 20,
          },
        ],
      },
      {
        title: '两件一件事用了同一个标识',
        filename: JOURNEY_FILE,
        code: EXAMPLE_JOURNEY,
        catalog: [
          { filename: 'journeys/copy.md', code: journeyWith('title: 换证出国一件事', 'title: 出国换证一件事') },
        ],
        errors: [
          {
            messageId: 'duplicateJourney',
            data: { id: 'id-card-and-passport', others: 'journeys/copy.md' },
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 25,
          },
        ],
      },
    ],
  },
  checkCatalog(context) {
    // Guides and journeys each have their own ids: a journey may share an id with a guide.
    for (const [files, messageId] of [
      [context.guides, 'duplicate'],
      [context.journeys, 'duplicateJourney'],
    ] as const) {
      for (const [id, guides] of groupBy(files, (guide) => guide.id?.value)) {
        if (guides.length < 2) continue;
        for (const guide of guides) {
          if (!context.reportsOn(guide)) continue;
          const others = guides.filter((other) => other !== guide);
          context.report(guide, { messageId, data: { id, others: nameGuides(context, others) }, at: guide.id!.at });
        }
      }
    }
  },
});
