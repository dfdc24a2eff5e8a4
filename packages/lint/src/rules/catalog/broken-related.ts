import { closest } from '../../schema-findings.js';
import { otherGuide } from '../catalog-helpers.js';
import { exampleWith } from '../example-guide.js';
import { defineCatalogRule } from '../define.js';

const withRelated = (related: string) =>
  exampleWith('reviewed: 2026-10-01', `related: [${related}]\nreviewed: 2026-10-01`);
const loss = otherGuide('id-card-loss.md', ['id: id-card-renewal', 'id: id-card-loss']);

export default defineCatalogRule({
  meta: {
    id: 'catalog/broken-related',
    appliesTo: ['guide'],
    severity: 'error',
    title: '相关事项要指向存在的指南',
    description:
      'related 里写的是其他指南的标识（id），网页上会变成“相关事项”链接。标识写错或那份指南已经删除，群众点开就是空页面。要知道哪些指南存在，配置里要用 catalog 列出全部指南（如 catalog: [guides]）；没有列出时这条规则不检查，因为只检查几份指南时，其余的并没有读入。',
    howToFix: '把标识改成目录里实际存在的指南的 id；那份指南已经取消的，从 related 里删去。',
    messages: {
      self: '相关事项「{{id}}」就是这份指南自己：请删去',
      unknownDidYouMean: '相关事项「{{id}}」不存在：目录里没有这个标识的指南。是不是想写「{{suggestion}}」？',
      unknown: '相关事项「{{id}}」不存在：目录里没有这个标识的指南。请核对标识，或删去这一项',
    },
  },
  examples: {
    valid: [{ title: '指向存在的指南', code: withRelated('id-card-loss'), catalog: [loss] }],
    invalid: [
      {
        title: '标识写错了',
        code: withRelated('id-card-lost'),
        catalog: [loss],
        errors: [
          {
            messageId: 'unknownDidYouMean',
            data: { id: 'id-card-lost', suggestion: 'id-card-loss' },
            line: 29,
            column: 11,
            endLine: 29,
            endColumn: 23,
          },
        ],
      },
      {
        title: '指向自己',
        code: withRelated('id-card-renewal'),
        errors: [
          { messageId: 'self', data: { id: 'id-card-renewal' }, line: 29, column: 11, endLine: 29, endColumn: 26 },
        ],
      },
    ],
  },
  checkCatalog(context) {
    const ids = new Set(context.guides.flatMap((guide) => (guide.id ? [guide.id.value] : [])));
    let known: string[] | undefined;
    for (const guide of context.guides) {
      if (!context.reportsOn(guide) || !context.knowsWholeCatalog(guide)) continue;
      for (const related of guide.related) {
        if (related.value === guide.id?.value) {
          context.report(guide, { messageId: 'self', data: { id: related.value }, at: related.at });
        } else if (!ids.has(related.value)) {
          known ??= [...ids];
          const guess = closest(related.value, known)[0];
          const id = related.value;
          if (guess)
            context.report(guide, { messageId: 'unknownDidYouMean', data: { id, suggestion: guess }, at: related.at });
          else context.report(guide, { messageId: 'unknown', data: { id }, at: related.at });
        }
      }
    }
  },
});
