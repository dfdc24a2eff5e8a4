import { calendarDayRange, lengthText, type JourneyPlan, type PlannedStep } from '@baihua/core';
import { defineCatalogRule } from '../define.js';
import { EXAMPLE_JOURNEY, JOURNEY_CATALOG, JOURNEY_FILE, journeyWith } from '../example-journey.js';
import { plannedJourneys } from '../journey-helpers.js';

interface Options {
  visits: number | null;
  days: number | null;
  fee: number | null;
}

const limit = (description: string, fallback: number | null, type: 'integer' | 'number') => ({
  description,
  anyOf: [{ type, minimum: 0 }, { type: 'null' as const }],
  default: fallback,
});

/** The services of a step as a citizen would do them: each of 全部, one of 任选一项. */
function stepText(
  step: PlannedStep,
  value: (service: NonNullable<PlannedStep['services'][number]['service']>) => number | undefined,
  unit: (amount: number) => string,
): string[] {
  const counted = step.services.flatMap(({ service }) => {
    const amount = service && value(service);
    return service && amount ? [{ title: service.title, amount }] : [];
  });
  if (counted.length === 0) return [];
  if (step.logic === '任选一项') {
    const most = Math.max(...counted.map((entry) => entry.amount));
    return [`${counted.map((entry) => `「${entry.title}」`).join('或')}${unit(most)}`];
  }
  return counted.map((entry) => `「${entry.title}」${unit(entry.amount)}`);
}

function visitsDetail(plan: JourneyPlan): string {
  const parts = plan.steps.flatMap((step) =>
    stepText(
      step,
      (service) => service.visits,
      (count) => `${count} 次`,
    ),
  );
  const titles = new Map(
    plan.steps.flatMap((step) =>
      step.services.flatMap(({ id, service }) => (service ? [[id, service.title] as const] : [])),
    ),
  );
  const shared = plan.totals.sharedVisits.map(
    (visit) => `${visit.services.map((id) => `「${titles.get(id) ?? id}」`).join('和')}在${visit.place}一次办`,
  );
  return `${parts.join('、')}${shared.length ? `，其中${shared.join('；')}` : ''}`;
}

function daysDetail(plan: JourneyPlan): string {
  const groups = new Map<number, PlannedStep[]>();
  for (const step of plan.steps) groups.set(step.number, [...(groups.get(step.number) ?? []), step]);
  const parts: string[] = [];
  for (const group of groups.values()) {
    const services = group.flatMap((step) =>
      step.services.flatMap(({ service }) => (service?.promised ? [service] : [])),
    );
    if (services.length === 0) continue;
    const longest = services.reduce((a, b) =>
      calendarDayRange(b.promised!).longest > calendarDayRange(a.promised!).longest ? b : a,
    );
    if (calendarDayRange(longest.promised!).longest > 0)
      parts.push(`「${longest.title}」${lengthText(longest.promised!)}`);
  }
  return parts.join('、');
}

function feeDetail(plan: JourneyPlan): string {
  return plan.steps
    .flatMap((step) =>
      stepText(
        step,
        (service) => service.fee,
        (fee) => `${fee} 元`,
      ),
    )
    .join('、');
}

export default defineCatalogRule<Options>({
  meta: {
    id: 'journey/over-target',
    appliesTo: ['journey'],
    severity: 'warn',
    title: '一件事要做到承诺的目标',
    description:
      '一件事承诺群众“最多跑几次”“多少天办完”“最多交多少钱”。按各份指南写的到现场次数、承诺时限和收费算出来（任选一项的按最多的算，可选步骤也算，同一步在同一地点同一窗口办的几项只算跑一次；工作日按每5个工作日算7天），超过了目标就提示。目标写在这件事的 target 里；没有写 target 的，按这条规则的选项检查：visits 默认 1 次，days 和 fee 默认不检查（null）。',
    howToFix:
      '先看提示里哪几项服务加起来超了：能在同一个地点、同一个窗口一起办的，放进同一步；不用等前一步结果的，写 parallel: true 同时办。确实做不到的，改正 target，别让群众按做不到的承诺来办。',
    messages: {
      visits: '这件事最多要跑 {{value}} 次，超过了目标 {{target}} 次：{{detail}}',
      days: '这件事最长要 {{value}} 天（自然日），超过了目标 {{target}} 天：{{detail}}',
      fee: '这件事最多要交 {{value}} 元，超过了目标 {{target}} 元：{{detail}}',
    },
    options: {
      type: 'object',
      properties: {
        visits: limit('没有写 target 的一件事，最多跑几次；null 为不检查', 1, 'integer'),
        days: limit('没有写 target 的一件事，最长多少个自然日；null 为不检查', null, 'integer'),
        fee: limit('没有写 target 的一件事，最多交多少元；null 为不检查', null, 'number'),
      },
      additionalProperties: false,
    },
  },
  examples: {
    valid: [
      { title: '两步各跑一次，目标是两次', filename: JOURNEY_FILE, code: EXAMPLE_JOURNEY, catalog: JOURNEY_CATALOG },
    ],
    invalid: [
      {
        title: '目标是只跑一次',
        filename: JOURNEY_FILE,
        code: journeyWith('target: { visits: 2 }', 'target: { visits: 1 }'),
        catalog: JOURNEY_CATALOG,
        errors: [
          {
            messageId: 'visits',
            data: { value: 2, target: 1, detail: '「换领居民身份证」1 次、「首次申请普通护照」1 次' },
            line: 11,
            column: 19,
            endLine: 11,
            endColumn: 20,
          },
        ],
      },
      {
        title: '没有写目标：按选项，最多交 100 元',
        filename: JOURNEY_FILE,
        code: journeyWith('target: { visits: 2 }\n', ''),
        options: { visits: null, fee: 100 },
        catalog: JOURNEY_CATALOG,
        errors: [
          {
            messageId: 'fee',
            data: { value: 140, target: 100, detail: '「换领居民身份证」20 元、「首次申请普通护照」120 元' },
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
    for (const { journey, plan, placeOf } of plannedJourneys(context)) {
      const written = journey.journey!.fields.target;
      const options = context.options(journey);
      const targets = written
        ? { visits: written.visits ?? null, days: written.days ?? null, fee: written.fee ?? null }
        : options;
      const { totals } = plan;
      const checks = [
        { key: 'visits', value: totals.visits, target: targets.visits, detail: () => visitsDetail(plan) },
        { key: 'days', value: totals.calendarDays, target: targets.days, detail: () => daysDetail(plan) },
        { key: 'fee', value: totals.fee, target: targets.fee, detail: () => feeDetail(plan) },
      ] as const;
      for (const { key, value, target, detail } of checks) {
        if (value === undefined || target === null || value <= target) continue;
        context.report(journey, {
          messageId: key,
          data: { value, target, detail: detail() },
          at: written ? placeOf(`/target/${key}`) : journey.at,
        });
      }
    }
  },
});
