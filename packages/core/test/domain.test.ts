import { describe, expect, it } from 'vitest';
import {
  bracketed,
  calendarDayRange,
  clause,
  durationText,
  halfWidthDigits,
  inCalendarDays,
  lengthOf,
  isDialable,
  normalizePhone,
  OFFLINE_ONLY,
  ONLINE_LEVELS,
  parseChineseCount,
  phoneFormats,
  quantity,
  WEB_LEVELS,
} from '@baihua/core';

describe('the typography of generated text', () => {
  it('runs a number into its Chinese unit, as the guides write 10个工作日', () => {
    expect([quantity(10, '个工作日'), quantity(20, '元'), quantity(1, '份'), quantity(2.5, '元')]).toEqual([
      '10个工作日',
      '20元',
      '1份',
      '2.5元',
    ]);
  });

  it('drops the full stop of a clause set in brackets, and nothing else', () => {
    expect([
      bracketed('周末和法定节假日休息。'),
      bracketed('每证'),
      clause('周末休息。'),
      clause('周末休息？'),
      clause('周末休息。。'),
    ]).toEqual(['（周末和法定节假日休息）', '（每证）', '周末休息', '周末休息？', '周末休息']);
  });
});

describe('phone numbers', () => {
  it('are written the usual way: half-width digits, a hyphen after the area code, no spaces', () => {
    expect(
      [
        '（0571）88888888',
        '(0571) 88888888',
        '0571 88888888',
        '０５７１－８８８８８８８８',
        '0571—8888 8888',
        ' 12345 ',
        '0571-88888888转123',
      ].map(normalizePhone),
    ).toEqual([
      '0571-88888888',
      '0571-88888888',
      '0571-88888888',
      '0571-88888888',
      '0571-88888888',
      '12345',
      '0571-88888888转123',
    ]);
  });

  it('are dialable in the formats of data/phone-numbers.yaml, and as hotlines a catalog adds', () => {
    const numbers = [
      '0571-88888888',
      '010-12345678转123',
      '13800000000',
      '12345',
      '12315',
      '110',
      '95588',
      '400-123-4567',
      '0431-12333',
      '0000-12329',
    ];
    expect(numbers.filter((phone) => isDialable(phone))).toEqual(numbers);
    const not = [
      '057188888888',
      '（0571）88888888',
      '8890',
      '1234',
      '23800000000',
      '400-1234567',
      '0571-88888888 转 1',
      '0431-22333',
      '0431-123456',
    ];
    expect(not.filter((phone) => isDialable(phone))).toEqual([]);
    expect(isDialable('8890', new Set(['8890']))).toBe(true);
  });

  it.each(phoneFormats().map((format) => [format.name, format] as const))(
    '%s: every example fits its pattern',
    (_name, format) => {
      expect(format.examples.filter((example) => !isDialable(example))).toEqual([]);
      expect(format.examples.filter((example) => !new RegExp(`^(?:${format.pattern})$`).test(example))).toEqual([]);
    },
  );
});

describe('numbers and time', () => {
  it('turns full-width digits into half-width ones and leaves Chinese punctuation alone', () => {
    expect(halfWidthDigits('周一至周五 ９：００－１７：００（节假日除外），Ａ座')).toBe(
      '周一至周五 9：00－17：00（节假日除外），Ａ座',
    );
  });

  it('reads counts in words or digits with the measure word after them', () => {
    expect(['两份', '十五个工作日', '３', '一百零五', '十', ' 2 张 ', '约两份'].map(parseChineseCount)).toEqual([
      { value: 2, rest: '份' },
      { value: 15, rest: '个工作日' },
      { value: 3, rest: '' },
      { value: 105, rest: '' },
      { value: 10, rest: '' },
      { value: 2, rest: '张' },
      undefined,
    ]);
  });

  it('counts working days as calendar days, 5 to the week, rounding up', () => {
    expect([
      inCalendarDays(15, '工作日'),
      inCalendarDays(1, '工作日'),
      inCalendarDays(0, '工作日'),
      inCalendarDays(20, '自然日'),
    ]).toEqual([21, 2, 0, 20]);
  });

  it('words a time limit as a citizen reads it', () => {
    expect([
      durationText({ days: 15, unit: '工作日' }),
      durationText({ days: 60, unit: '自然日' }),
      durationText({ days: 0, unit: '工作日' }),
      durationText({ days: 15 }),
      durationText(undefined),
      durationText({ months: 1 }),
    ]).toEqual(['15个工作日', '60个自然日', '当场办结', undefined, undefined, '1个月']);
  });

  it('gives a month range of calendar days, so that a comparison holds however the months fall', () => {
    expect([
      calendarDayRange({ months: 1 }),
      calendarDayRange({ months: 12 }),
      calendarDayRange({ days: 15, unit: '工作日' }),
      calendarDayRange({ days: 30, unit: '自然日' }),
    ]).toEqual([
      { shortest: 28, longest: 31 },
      { shortest: 358, longest: 372 },
      { shortest: 21, longest: 21 },
      { shortest: 30, longest: 30 },
    ]);
    expect([lengthOf({ months: 2 }), lengthOf({ days: 5, unit: '工作日' }), lengthOf({ days: 5 })]).toEqual([
      { months: 2 },
      { days: 5, unit: '工作日' },
      undefined,
    ]);
  });
});

describe('online levels', () => {
  it('are the schema’s, and every one but 仅线下办理 starts on the web', () => {
    expect(ONLINE_LEVELS).toEqual(['全程网办', '网上申请', '网上预审', '预约办理', '仅线下办理']);
    expect([OFFLINE_ONLY, WEB_LEVELS]).toEqual(['仅线下办理', ['全程网办', '网上申请', '网上预审', '预约办理']]);
  });
});
