import { halfWidthDigits, isDialable, normalizePhone, textOf } from '@baihua/core';
import type { FieldPath } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { fixWhereVerbatim } from '../../fix.js';
import type { Fix, RuleReport } from '../../types.js';
import { policyRule } from '../define.js';

const SEPARATORS = /[、，,；;／/]|或/;
const DAYS = /周[一二三四五六日天]|星期[一二三四五六日天]|工作日|每天|每日|全天|节假日|双休日/;
const TIME_RANGE = /\d{1,2}:\d{2}\s*[–-]\s*\d{1,2}:\d{2}|24\s*小时/;
const HOUSE_NUMBER = /[0-9０-９一二三四五六七八九十百]+号/;

/**
 * Hours in the form the guides use: half-width colons and an en dash between times, and a space,
 * not a colon, after a label (「上午:8:00」 → 「上午 8:00」: a half-width colon after Chinese is what
 * plain/typography asks to change).
 */
function normalizeHours(text: string): string {
  return halfWidthDigits(text)
    .replace(/(\d{1,2})[：:](\d{2})/g, '$1:$2')
    .replace(/([\u4e00-\u9fff])\s*[：:]\s*(?=\d)/gu, '$1 ')
    .replace(/(\d{1,2}:\d{2})\s*(?:-|－|—|~|～|至|到)\s*(\d{1,2}:\d{2})/g, '$1–$2');
}

interface Options {
  hotlines: string[];
}

export default policyRule<Options>(
  {
    id: 'policy/contact-format',
    severity: 'warn',
    title: '电话、时间、地址要写成能直接用的样子',
    description:
      '手机上点电话号码就能拨打，前提是号码写成“区号-号码”（0571-88888888）、手机号或 12345 这样的服务号；办公时间写成“周一至周五 9:00–17:00”，群众一眼看清哪几天、几点；地址写到门牌号，才找得到。咨询电话和投诉电话不能是同一个号码。其他服务号用选项 hotlines 补充。',
    howToFix:
      '电话用半角数字，区号和号码之间用 - 连接，一个字段只写一个号码；时间用半角冒号和“–”，“上午”“下午”后面空一格，不用冒号；地址写到路名和门牌号。',
    messages: {
      phoneFormat: '电话“{{written}}”要写成“{{normalized}}”：手机上才能点了直接拨打',
      phoneNotDialable: '电话“{{written}}”拨不通：请写成“区号-号码”（如 0571-88888888）、手机号或 12345 这样的服务号',
      sameComplaintNumber: '投诉电话和咨询电话是同一个号码：投诉要打给监督部门，请写 12345 热线或监督部门的电话',
      addressWithoutNumber: '地址“{{address}}”没写门牌号：请写到路名和门牌号，如“某区人民路1号2楼”',
      hoursUnclear:
        '办公时间“{{hours}}”没写清哪几天、几点到几点：请写成“周一至周五 9:00–17:00”的样子，中午休息的写两段',
      hoursFormat: '办公时间“{{hours}}”要写成“{{normalized}}”：时间里用半角冒号，时间之间用“–”，“上午”等后面空一格',
    },
    fixable: 'fix',
    options: {
      type: 'object',
      properties: { hotlines: { type: 'array', items: { type: 'string', pattern: '^[0-9-]+$' }, default: [] } },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '号码、时间和地址都规范', code: EXAMPLE_GUIDE },
      {
        title: '区号加五位服务号',
        code: exampleWith('consult: "0000-12345678"', 'consult: "0431-12333"'),
      },
      {
        title: '本地的服务号（hotlines）',
        code: exampleWith('complaint: "12345"', 'complaint: "8890"'),
        options: { hotlines: ['8890'] },
      },
    ],
    invalid: [
      {
        title: '区号加了括号',
        code: exampleWith('consult: "0000-12345678"', 'consult: "（0000）12345678"'),
        errors: [
          {
            messageId: 'phoneFormat',
            data: { written: '（0000）12345678', normalized: '0000-12345678' },
            line: 28,
            column: 23,
            endLine: 28,
            endColumn: 37,
          },
        ],
        output: exampleWith('consult: "0000-12345678"', 'consult: "0000-12345678"'),
      },
      {
        title: '时间用了全角冒号和波浪线',
        code: exampleWith('hours: 周一至周五 9:00–17:00', 'hours: 周一至周五 9：00~17：00'),
        errors: [
          {
            messageId: 'hoursFormat',
            data: { hours: '周一至周五 9：00~17：00', normalized: '周一至周五 9:00–17:00' },
            line: 27,
            column: 52,
            endLine: 27,
            endColumn: 68,
          },
        ],
        output: EXAMPLE_GUIDE,
      },
      {
        title: '时段名称后面用了冒号',
        code: exampleWith('hours: 周一至周五 9:00–17:00', 'hours: 周一至周五 上午:9:00-12:00，下午：13:30-17:00'),
        errors: [
          {
            messageId: 'hoursFormat',
            data: {
              hours: '周一至周五 上午:9:00-12:00，下午：13:30-17:00',
              normalized: '周一至周五 上午 9:00–12:00，下午 13:30–17:00',
            },
            line: 27,
            column: 52,
          },
        ],
        output: exampleWith('hours: 周一至周五 9:00–17:00', 'hours: 周一至周五 上午 9:00–12:00，下午 13:30–17:00'),
      },
      {
        title: '没写哪几天、地址没有门牌号',
        code: exampleWith(
          'address: 东湖区人民路1号2楼, hours: 周一至周五 9:00–17:00',
          'address: 东湖区人民路, hours: 上班时间',
        ),
        errors: [
          {
            messageId: 'addressWithoutNumber',
            data: { address: '东湖区人民路' },
            line: 27,
            column: 33,
            endLine: 27,
            endColumn: 39,
          },
          { messageId: 'hoursUnclear', data: { hours: '上班时间' }, line: 27, column: 48, endLine: 27, endColumn: 52 },
        ],
      },
      {
        title: '投诉电话和咨询电话相同',
        code: exampleWith('complaint: "12345"', 'complaint: "0000-12345678"'),
        errors: [{ messageId: 'sameComplaintNumber', line: 28, column: 51, endLine: 28, endColumn: 64 }],
      },
    ],
  },
  ({ guide, model, options, report }) => {
    const hotlines = new Set(options.hotlines);
    const checkPhone = (text: string | undefined, path: FieldPath) => {
      if (!text) return;
      let offset = 0;
      for (const piece of text.split(SEPARATORS)) {
        const start = text.indexOf(piece, offset);
        offset = start + piece.length;
        const trimmed = piece.trim();
        if (!trimmed) continue;
        const pieceStart = start + piece.indexOf(trimmed);
        const range = model.textRange(path, pieceStart, pieceStart + trimmed.length);
        if (!range || isDialable(trimmed, hotlines)) continue;
        const normalized = normalizePhone(trimmed);
        const input: RuleReport = isDialable(normalized, hotlines)
          ? {
              messageId: 'phoneFormat',
              data: { written: trimmed, normalized },
              range,
              ...optional(fixWhereVerbatim(guide.file.text, range, trimmed, normalized)),
            }
          : { messageId: 'phoneNotDialable', data: { written: trimmed }, range };
        report(input);
      }
    };
    const { contacts } = model.fields;
    checkPhone(contacts?.consult, ['contacts', 'consult']);
    checkPhone(contacts?.complaint, ['contacts', 'complaint']);
    const consult = textOf(contacts?.consult);
    const complaint = textOf(contacts?.complaint);
    if (consult && complaint && normalizePhone(consult) === normalizePhone(complaint)) {
      const range = model.textRange(['contacts', 'complaint'], 0, contacts!.complaint!.length);
      if (range) report({ messageId: 'sameComplaintNumber', range });
    }
    model.fields.locations?.forEach((location, index) => {
      if (!location) return;
      const { address } = location;
      if (address?.trim() && !HOUSE_NUMBER.test(address)) {
        const range = model.textRange(['locations', index, 'address'], 0, address.length);
        if (range) report({ messageId: 'addressWithoutNumber', data: { address }, range });
      }
      const { hours } = location;
      const hoursRange = hours?.trim() && model.textRange(['locations', index, 'hours'], 0, hours.length);
      if (hours && hoursRange) {
        const normalized = normalizeHours(hours);
        if (!DAYS.test(normalized) || !TIME_RANGE.test(normalized)) {
          report({ messageId: 'hoursUnclear', data: { hours }, range: hoursRange });
        } else if (normalized !== hours) {
          report({
            messageId: 'hoursFormat',
            data: { hours, normalized },
            range: hoursRange,
            ...optional(fixWhereVerbatim(guide.file.text, hoursRange, hours, normalized)),
          });
        }
      }
      checkPhone(location.phone, ['locations', index, 'phone']);
    });
  },
);

const optional = (fix: Fix | undefined) => (fix ? { fix } : {});
