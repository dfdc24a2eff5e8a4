import { today } from '@baihua/core';
import { exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date `months` after `date`, as YYYY-MM-DD; the 31st of a shorter month rolls over, as Date does. */
function addMonths([year, month, day]: [number, number, number], months: number): string {
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

const parts = (date: string) => DATE.exec(date)?.slice(1).map(Number) as [number, number, number] | undefined;

/** A date some months before today, for the examples. */
function monthsAgo(months: number): string {
  const [year, month, day] = parts(today())!;
  const date = new Date(Date.UTC(year, month - 1 - months, Math.min(day, 28)));
  return date.toISOString().slice(0, 10);
}

const recent = monthsAgo(1);
const old = monthsAgo(14);

interface Options {
  maxAgeMonths: number;
}

export default policyRule<Options>(
  {
    id: 'policy/stale',
    severity: 'warn',
    title: '指南要定期核验',
    description:
      '材料、收费、地点和电话常常变，指南没人核对就会信息滞后，群众照着旧指南白跑一趟。reviewed 写最后一次逐项核对的日期，超过选项 maxAgeMonths 个月（默认 12 个月）就要重新核对。',
    howToFix:
      '逐项核对指南（条件、材料、收费、时限、地点、电话、网址），改好后把 reviewed 改成核对的日期，在 change_note 写明改了什么。',
    messages: {
      stale:
        '最后核验日期是 {{reviewed}}，到今天已经超过 {{maxAgeMonths}} 个月没有核对：请逐项核对指南内容，改好后更新 reviewed',
      inFuture: '最后核验日期 {{reviewed}} 在今天之后：请写实际核对的日期',
    },
    options: {
      type: 'object',
      properties: { maxAgeMonths: { type: 'integer', minimum: 1, default: 12 } },
      additionalProperties: false,
    },
    dependsOnDate: true,
  },
  {
    valid: [{ title: '一个月前核验过', code: exampleWith('reviewed: 2026-10-01', `reviewed: ${recent}`) }],
    invalid: [
      {
        title: '超过 12 个月没有核验',
        code: exampleWith('reviewed: 2026-10-01', `reviewed: ${old}`),
        errors: [
          {
            messageId: 'stale',
            data: { reviewed: old, maxAgeMonths: 12 },
            line: 29,
            column: 11,
            endLine: 29,
            endColumn: 21,
          },
        ],
      },
      {
        title: '核验日期写成了以后的日子',
        code: exampleWith('reviewed: 2026-10-01', 'reviewed: 2999-01-01'),
        errors: [
          { messageId: 'inFuture', data: { reviewed: '2999-01-01' }, line: 29, column: 11, endLine: 29, endColumn: 21 },
        ],
      },
    ],
  },
  ({ model, options, report }) => {
    const reviewed = model.fields.reviewed;
    const date = reviewed && parts(reviewed);
    const range = model.rangeOf(['reviewed'])?.value;
    if (!date || !range) return;
    const now = today();
    if (reviewed > now) {
      report({ messageId: 'inFuture', data: { reviewed }, range });
      return;
    }
    const { maxAgeMonths } = options;
    if (now > addMonths(date, maxAgeMonths)) {
      report({ messageId: 'stale', data: { reviewed, maxAgeMonths }, range });
    }
  },
);
