import { calendarDayRange, durationText, inCalendarDays, lengthOf, type Length } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const unitOf = (length: Length) => ('months' in length ? '月' : length.unit);

interface Options {
  mixedUnits: 'convert' | 'same-unit';
}

export default policyRule<Options>(
  {
    id: 'policy/promised-exceeds-statutory',
    severity: 'error',
    title: '承诺时限不能超过法定时限',
    description:
      '承诺办结时限是窗口对群众的承诺，按限时办结制只能比法定时限短。两个时限单位不同时（工作日和自然日），按每 5 个工作日折合 7 个自然日换算后比较。按月计的时限（{ months: 1 }）天数不定，按最宽的算：一个月最少 28 天、最多 31 天，承诺时限最少的天数仍超过法定时限最多的天数才报告。也可以用 mixedUnits: same-unit 要求两个时限写成同一单位。',
    howToFix: '核对承诺时限和法定时限：承诺天数改成不超过法定天数；两个时限最好用同一个单位。',
    messages: {
      mixedUnits:
        '承诺时限用的是{{promisedUnit}}，法定时限用的是{{statutoryUnit}}：请把两个时限写成同一个单位，方便群众比较',
      exceeds:
        '承诺时限 {{promisedDays}} 个{{unit}}超过了法定时限 {{statutoryDays}} 个{{unit}}：承诺时限只能比法定时限短',
      exceedsInCalendarDays:
        '承诺时限 {{promisedDays}} 个工作日，按每 5 个工作日折合 7 个自然日算，约 {{promisedCalendarDays}} 个自然日，超过了法定时限 {{statutoryDays}} 个自然日：承诺时限只能比法定时限短',
      exceedsInMonths:
        '承诺时限 {{promised}}（最少约 {{promisedCalendarDays}} 个自然日）超过了法定时限 {{statutory}}（最多约 {{statutoryCalendarDays}} 个自然日）：承诺时限只能比法定时限短',
      exceedsStatutoryInCalendarDays:
        '承诺时限 {{promisedDays}} 个自然日，按每 5 个工作日折合 7 个自然日算，超过了法定时限 {{statutoryDays}} 个工作日（约 {{statutoryCalendarDays}} 个自然日）：承诺时限只能比法定时限短',
    },
    options: {
      type: 'object',
      properties: {
        mixedUnits: {
          enum: ['convert', 'same-unit'],
          default: 'convert',
          description: 'convert：换算后比较（默认）；same-unit：要求同一单位',
        },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '承诺 15 个工作日，法定 60 个自然日（折合 21 个自然日）', code: EXAMPLE_GUIDE },
      {
        title: '承诺 1 个月，法定 30 个自然日：一个月可能有 31 天，不算超过',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { months: 1 }').replace(
          '  statutory: { days: 60, unit: 自然日 }',
          '  statutory: { days: 30, unit: 自然日 }',
        ),
      },
      {
        title: '同一单位，承诺等于法定',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { days: 60, unit: 自然日 }'),
      },
    ],
    invalid: [
      {
        title: '承诺时限比法定时限长',
        code: exampleWith('  statutory: { days: 60, unit: 自然日 }', '  statutory: { days: 10, unit: 工作日 }'),
        errors: [
          {
            messageId: 'exceeds',
            data: { promisedDays: 15, statutoryDays: 10, unit: '工作日' },
            line: 20,
            column: 21,
            endLine: 20,
            endColumn: 23,
          },
        ],
      },
      {
        title: '单位不同，换算后超过',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { days: 50, unit: 工作日 }'),
        errors: [
          {
            messageId: 'exceedsInCalendarDays',
            data: { promisedDays: 50, promisedCalendarDays: 70, statutoryDays: 60 },
            line: 20,
            column: 21,
            endLine: 20,
            endColumn: 23,
          },
        ],
      },
      {
        title: '要求同一单位（mixedUnits: same-unit）',
        code: EXAMPLE_GUIDE,
        options: { mixedUnits: 'same-unit' },
        errors: [
          {
            messageId: 'mixedUnits',
            data: { promisedUnit: '工作日', statutoryUnit: '自然日' },
            line: 20,
            column: 31,
            endLine: 20,
            endColumn: 34,
          },
        ],
      },
      {
        title: '按月计：承诺 2 个月，法定 30 个工作日（约 42 个自然日）',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { months: 2 }').replace(
          '  statutory: { days: 60, unit: 自然日 }',
          '  statutory: { days: 30, unit: 工作日 }',
        ),
        errors: [
          {
            messageId: 'exceedsInMonths',
            data: { promised: '2个月', promisedCalendarDays: 58, statutory: '30个工作日', statutoryCalendarDays: 42 },
            line: 20,
            column: 23,
            endLine: 20,
            endColumn: 24,
          },
        ],
      },
    ],
  },
  ({ model, options, report }) => {
    const limits = model.fields.time_limit;
    const statutory = lengthOf(limits?.statutory);
    const promised = lengthOf(limits?.promised);
    if (!statutory || !promised) return;
    const at = (key: 'days' | 'unit' | 'months') => model.rangeOf(['time_limit', 'promised', key])?.value;
    if (unitOf(promised) !== unitOf(statutory) && options.mixedUnits === 'same-unit') {
      const range = at('months' in promised ? 'months' : 'unit');
      if (range)
        report({
          messageId: 'mixedUnits',
          data: { promisedUnit: unitOf(promised), statutoryUnit: unitOf(statutory) },
          range,
        });
      return;
    }
    const range = at('months' in promised ? 'months' : 'days');
    if (!range) return;
    if ('months' in promised || 'months' in statutory) {
      const promisedDays = calendarDayRange(promised).shortest;
      const statutoryDays = calendarDayRange(statutory).longest;
      const exceeds =
        'months' in promised && 'months' in statutory
          ? promised.months > statutory.months
          : promisedDays > statutoryDays;
      if (exceeds)
        report({
          messageId: 'exceedsInMonths',
          data: {
            promised: durationText(limits?.promised)!,
            promisedCalendarDays: promisedDays,
            statutory: durationText(limits?.statutory)!,
            statutoryCalendarDays: statutoryDays,
          },
          range,
        });
      return;
    }
    const days = { promisedDays: promised.days, statutoryDays: statutory.days };
    if (promised.unit === statutory.unit) {
      if (promised.days > statutory.days)
        report({ messageId: 'exceeds', data: { ...days, unit: promised.unit }, range });
      return;
    }
    const promisedDays = inCalendarDays(promised.days, promised.unit);
    const statutoryDays = inCalendarDays(statutory.days, statutory.unit);
    if (promisedDays <= statutoryDays) return;
    report(
      promised.unit === '工作日'
        ? { messageId: 'exceedsInCalendarDays', data: { ...days, promisedCalendarDays: promisedDays }, range }
        : {
            messageId: 'exceedsStatutoryInCalendarDays',
            data: { ...days, statutoryCalendarDays: statutoryDays },
            range,
          },
    );
  },
);
