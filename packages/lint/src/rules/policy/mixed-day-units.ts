import { spanRange } from '@baihua/core';
import { fixWhereVerbatim } from '../../fix.js';
import { proseSpans } from '../../plain-analysis.js';
import { exampleWith, exampleWithParagraph } from '../example-guide.js';
import { policyRule } from '../define.js';

const COUNT = '[0-9０-９]+|[零〇一二三四五六七八九十百千两]+';
/**
 * A time limit written as a bare count of days, 「20日内」「3天以内」「20日办结」: the way limits are
 * written, without saying 工作日 or 自然日. Not a date (「10月3日内」), an ordinal (「第3日」), nor a
 * window before a day (「到期前90天内」, which counts every day), nor a count that is no limit
 * (「公示7天」「住满183天」: neither 内 nor a word of finishing after it).
 */
const BARE_DAYS = new RegExp(
  `(?<![月第前0-9０-９零〇一二三四五六七八九十百千两])(${COUNT})(日|天)(?=以内|之内|内|办结|办完|办好|完成)`,
  'gu',
);
/** 「3个工作日」 in prose. */
const WORKING_DAYS = new RegExp(`(?:${COUNT})个?工作日`, 'u');

export default policyRule(
  {
    id: 'policy/mixed-day-units',
    severity: 'warn',
    title: '时限不要一处写工作日、一处只写“日”',
    description:
      '同一份指南里，办理时限按工作日算，别处又写“20日内”“3天内”，群众分不清这几天含不含周末和节假日。指南的时限（time_limit）用工作日，或文字里写了“N个工作日”的，文字里的“N日内”“N天内”就要写明是工作日还是自然日。查的是时限的写法：“N日内”“N天以内”“N日办结”；日期（10月3日）、“到期前90天内”这类日历上的期限、不是时限的天数（公示7天、住满183天）不算。',
    howToFix: '写成“N个工作日内”或“N个自然日内”，和办理时限用同一种说法（编辑器里可以选一种替换）。',
    messages: {
      bareDays:
        '“{{days}}”没说是工作日还是自然日：这份指南别处按工作日算时限，群众分不清周末算不算。请写成“{{count}}个工作日”或“{{count}}个自然日”',
    },
    fixable: 'suggestion',
  },
  {
    valid: [
      { title: '时限都写明了单位', code: exampleWithParagraph('审核通过后，3个工作日内寄出新证。') },
      { title: '日期不是时限', code: exampleWithParagraph('10月3日内寄出的，10月8日前能收到。') },
      { title: '日历上的期限', code: exampleWithParagraph('身份证到期前90天内就可以来换。公示7天。') },
      {
        title: '时限按自然日算，文字里写“日内”',
        code: exampleWith('promised: { days: 15, unit: 工作日 }', 'promised: { days: 15, unit: 自然日 }').replace(
          '请先看看身份证背面的有效期。',
          '请先看看身份证背面的有效期。受理后15日内寄出新证。',
        ),
      },
    ],
    invalid: [
      {
        title: '时限按工作日算，文字里写“20日内”',
        code: exampleWithParagraph('材料不全的，请在20日内补齐。'),
        errors: [
          {
            messageId: 'bareDays',
            data: { days: '20日', count: '20' },
            line: 36,
            column: 9,
            endLine: 36,
            endColumn: 12,
          },
        ],
      },
      {
        title: '时限按工作日算，说明里写“10日办结”',
        code: exampleWith(
          'promised: { days: 15, unit: 工作日 }',
          'promised: { days: 15, unit: 工作日, note: 材料齐全的，10日办结。 }',
        ),
        errors: [
          {
            messageId: 'bareDays',
            data: { days: '10日', count: '10' },
            line: 20,
            column: 48,
            endLine: 20,
            endColumn: 51,
          },
        ],
      },
      {
        title: '一处写“3个工作日”，一处写“五天内”',
        code: exampleWith('promised: { days: 15, unit: 工作日 }', 'promised: { days: 15, unit: 自然日 }').replace(
          '请先看看身份证背面的有效期。',
          '受理后3个工作日内出证，出证后五天内寄到。',
        ),
        errors: [
          {
            messageId: 'bareDays',
            data: { days: '五天', count: '五' },
            line: 34,
            column: 16,
            endLine: 34,
            endColumn: 18,
          },
        ],
      },
    ],
  },
  ({ guide, model, report }) => {
    const { statutory, promised } = model.fields.time_limit ?? {};
    const spans = proseSpans(guide);
    const inWorkingDays =
      statutory?.unit === '工作日' || promised?.unit === '工作日' || spans.some((span) => WORKING_DAYS.test(span.text));
    if (!inWorkingDays) return;
    for (const span of spans) {
      for (const match of span.text.matchAll(BARE_DAYS)) {
        const range = spanRange(span, match.index, match.index + match[0].length);
        const count = match[1]!;
        const suggestions = ['工作日', '自然日'].flatMap((unit) => {
          const fix = fixWhereVerbatim(guide.file.text, range, match[0], `${count}个${unit}`);
          return fix ? [{ desc: `改为「${count}个${unit}」`, fix }] : [];
        });
        report({
          messageId: 'bareDays',
          data: { days: match[0], count },
          range,
          ...(suggestions.length ? { suggestions } : {}),
        });
      }
    }
  },
);
