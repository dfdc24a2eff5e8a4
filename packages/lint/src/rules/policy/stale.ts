import { exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const DEFAULT_MAX_AGE_MONTHS = 12;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today as YYYY-MM-DD in local time: a guide reviewed today is 0 months old wherever it is linted. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

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

export default policyRule(
  {
    id: 'policy/stale',
    severity: 'warn',
    title: '指南要定期核验',
    description:
      '材料、收费、地点和电话常常变，指南没人核对就会信息滞后，群众照着旧指南白跑一趟。reviewed 写最后一次逐项核对的日期，超过选项 maxAgeMonths 个月（默认 12 个月）就要重新核对。',
    howToFix: '逐项核对指南（条件、材料、收费、时限、地点、电话、网址），改好后把 reviewed 改成核对的日期，在 change_note 写明改了什么。',
    options: { type: 'object', properties: { maxAgeMonths: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  },
  {
    valid: [{ title: '一个月前核验过', code: exampleWith('reviewed: 2026-10-01', `reviewed: ${recent}`) }],
    invalid: [
      {
        title: '超过 12 个月没有核验',
        code: exampleWith('reviewed: 2026-10-01', `reviewed: ${old}`),
        errors: [{ message: `最后核验日期是 ${old}，到今天已经超过 12 个月没有核对：请逐项核对指南内容，改好后更新 reviewed`, line: 29, column: 11, endLine: 29, endColumn: 21 }],
      },
      {
        title: '核验日期写成了以后的日子',
        code: exampleWith('reviewed: 2026-10-01', 'reviewed: 2999-01-01'),
        errors: [{ message: '最后核验日期 2999-01-01 在今天之后：请写实际核对的日期', line: 29, column: 11, endLine: 29, endColumn: 21 }],
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
      report({ message: `最后核验日期 ${reviewed} 在今天之后：请写实际核对的日期`, range });
      return;
    }
    const maxAge = (options.maxAgeMonths as number | undefined) ?? DEFAULT_MAX_AGE_MONTHS;
    if (now > addMonths(date, maxAge)) {
      report({ message: `最后核验日期是 ${reviewed}，到今天已经超过 ${maxAge} 个月没有核对：请逐项核对指南内容，改好后更新 reviewed`, range });
    }
  },
);
