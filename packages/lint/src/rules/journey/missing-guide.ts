import { DRAFT } from '@baihua/core';
import { closest } from '../../schema-findings.js';
import { defineCatalogRule } from '../define.js';
import type { GuideSummary } from '../../types.js';
import {
  EXAMPLE_JOURNEY,
  ID_CARD_GUIDE,
  JOURNEY_CATALOG,
  JOURNEY_FILE,
  journeyWith,
  PASSPORT_GUIDE,
} from '../example-journey.js';
import { plannedJourneys, stepName } from '../journey-helpers.js';

export default defineCatalogRule({
  meta: {
    id: 'journey/missing-guide',
    appliesTo: ['journey'],
    severity: 'error',
    title: '一件事的每一步要指向存在的指南',
    description:
      '一件事的每一步写的是要办的服务的指南标识（id）。标识写错，或那份指南已经删除，这一步就没有办法、材料和时限，清单和“最多跑几次”也算不全。要知道哪些指南存在，配置里要用 catalog 列出全部指南（如 catalog: [guides]）；没有列出时这条规则不检查，因为只检查几份文件时，其余的指南并没有读入。',
    howToFix:
      '把标识改成目录里实际存在的指南的 id；服务还没有指南的，先写好那份指南。指南是草稿（status: 草稿）或已取消的，不会发布，这一步也就找不到它：写完草稿，或改指向接替的事项。',
    messages: {
      unknownDidYouMean: '{{step}}要办的「{{id}}」不存在：目录里没有这个标识的指南。是不是想写「{{suggestion}}」？',
      unknown: '{{step}}要办的「{{id}}」不存在：目录里没有这个标识的指南。请核对标识，或先写好这份指南',
      draft:
        '{{step}}要办的「{{id}}」还是草稿（status: 草稿），不会发布：把 {{path}} 写完、status 改为 在办，这一步才有办法、材料和时限',
      cancelled:
        '{{step}}要办的「{{id}}」已经取消（status: 已取消），不会发布：请从这一步删去它，或改成接替它的事项的指南',
    },
  },
  examples: {
    valid: [
      { title: '每一步都指向存在的指南', filename: JOURNEY_FILE, code: EXAMPLE_JOURNEY, catalog: JOURNEY_CATALOG },
    ],
    invalid: [
      {
        title: '标识写错了',
        filename: JOURNEY_FILE,
        code: journeyWith('guides: [passport-application]', 'guides: [passport-aplication]'),
        catalog: JOURNEY_CATALOG,
        errors: [
          {
            messageId: 'unknownDidYouMean',
            data: { step: '第 2 步「申请护照」', id: 'passport-aplication', suggestion: 'passport-application' },
            line: 10,
            column: 14,
            endLine: 10,
            endColumn: 33,
          },
        ],
      },
      {
        title: '要办的指南还是草稿，不会发布',
        filename: JOURNEY_FILE,
        code: EXAMPLE_JOURNEY,
        catalog: [
          ID_CARD_GUIDE,
          { ...PASSPORT_GUIDE, code: PASSPORT_GUIDE.code.replace('reviewed: 2026-10-01', 'status: 草稿') },
        ],
        errors: [
          {
            messageId: 'draft',
            data: { step: '第 2 步「申请护照」', id: 'passport-application', path: 'passport-application.md' },
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
    let known: string[] | undefined;
    let unpublished: Map<string, GuideSummary> | undefined;
    for (const { journey, plan, placeOf } of plannedJourneys(context)) {
      if (!context.knowsWholeCatalog(journey)) continue;
      for (const problem of plan.problems) {
        if (problem.kind !== 'missing-service') continue;
        const data = { step: stepName(plan, problem.step), id: problem.id };
        const at = placeOf(`/steps/${problem.step}/guides/${problem.position}`);
        // A draft or cancelled guide is left out of the journeys (servicesOf), as out of the site.
        unpublished ??= new Map(
          context.guides.flatMap((guide) => (guide.unpublished && guide.service ? [[guide.service.id, guide]] : [])),
        );
        const left = unpublished.get(problem.id);
        if (left) {
          const path = context.displayPath(left);
          const messageId = left.unpublished === DRAFT ? 'draft' : 'cancelled';
          context.report(journey, { messageId, data: { ...data, path }, at });
          continue;
        }
        known ??= [...new Set(context.guides.flatMap((guide) => (guide.unpublished ? [] : (guide.service?.id ?? []))))];
        const suggestion = closest(problem.id, known)[0];
        context.report(journey, {
          ...(suggestion
            ? { messageId: 'unknownDidYouMean', data: { ...data, suggestion } }
            : { messageId: 'unknown', data }),
          at,
        });
      }
    }
  },
});
