import { inCalendarDays, type Duration, type Lenient, type TimeUnit } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

function duration(value: Lenient<Duration> | undefined): { days: number; unit: TimeUnit } | undefined {
  const days = value?.days;
  const unit = value?.unit;
  return days !== undefined && unit !== undefined ? { days, unit } : undefined;
}

export default policyRule(
  {
    id: 'policy/promised-exceeds-statutory',
    severity: 'error',
    title: '承诺时限不能超过法定时限',
    description:
      '承诺办结时限是窗口对群众的承诺，按限时办结制只能比法定时限短。两个时限单位不同时（工作日和自然日），按每 5 个工作日折合 7 个自然日换算后比较；也可以用 mixedUnits: same-unit 要求两个时限写成同一单位。',
    howToFix: '核对承诺时限和法定时限：承诺天数改成不超过法定天数；两个时限最好用同一个单位。',
    options: {
      type: 'object',
      properties: { mixedUnits: { enum: ['convert', 'same-unit'], description: 'convert：换算后比较（默认）；same-unit：要求同一单位' } },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '承诺 15 个工作日，法定 60 个自然日（折合 21 个自然日）', code: EXAMPLE_GUIDE },
      {
        title: '同一单位，承诺等于法定',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { days: 60, unit: 自然日 }'),
      },
    ],
    invalid: [
      {
        title: '承诺时限比法定时限长',
        code: exampleWith('  statutory: { days: 60, unit: 自然日 }', '  statutory: { days: 10, unit: 工作日 }'),
        errors: [{ message: '承诺时限 15 个工作日超过了法定时限 10 个工作日：承诺时限只能比法定时限短', line: 20, column: 21, endLine: 20, endColumn: 23 }],
      },
      {
        title: '单位不同，换算后超过',
        code: exampleWith('  promised: { days: 15, unit: 工作日 }', '  promised: { days: 50, unit: 工作日 }'),
        errors: [
          {
            message: '承诺时限 50 个工作日，按每 5 个工作日折合 7 个自然日算，约 70 个自然日，超过了法定时限 60 个自然日：承诺时限只能比法定时限短',
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
        errors: [{ message: '承诺时限用的是工作日，法定时限用的是自然日：请把两个时限写成同一个单位，方便群众比较', line: 20, column: 31, endLine: 20, endColumn: 34 }],
      },
    ],
  },
  ({ model, options, report }) => {
    const limits = model.fields.time_limit;
    const statutory = duration(limits?.statutory);
    const promised = duration(limits?.promised);
    if (!statutory || !promised) return;
    const at = (key: 'days' | 'unit') => model.rangeOf(['time_limit', 'promised', key])?.value;
    if (promised.unit !== statutory.unit && options.mixedUnits === 'same-unit') {
      const range = at('unit');
      if (range) report({ message: `承诺时限用的是${promised.unit}，法定时限用的是${statutory.unit}：请把两个时限写成同一个单位，方便群众比较`, range });
      return;
    }
    const range = at('days');
    if (!range) return;
    const promise = `承诺时限 ${promised.days} 个${promised.unit}`;
    const law = `法定时限 ${statutory.days} 个${statutory.unit}`;
    if (promised.unit === statutory.unit) {
      if (promised.days > statutory.days) report({ message: `${promise}超过了${law}：承诺时限只能比法定时限短`, range });
      return;
    }
    const promisedDays = inCalendarDays(promised.days, promised.unit);
    const statutoryDays = inCalendarDays(statutory.days, statutory.unit);
    if (promisedDays <= statutoryDays) return;
    const converted = promised.unit === '工作日' ? `，约 ${promisedDays} 个自然日` : '';
    const statutoryConverted = statutory.unit === '工作日' ? `（约 ${statutoryDays} 个自然日）` : '';
    report({ message: `${promise}，按每 5 个工作日折合 7 个自然日算${converted}，超过了${law}${statutoryConverted}：承诺时限只能比法定时限短`, range });
  },
);
