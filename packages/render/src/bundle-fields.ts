import {
  lengthOf,
  lengthText,
  normalizePhone,
  textOf,
  type Duration,
  type GuideFields,
  type Lenient,
} from '@baihua/core';
import { telUrl } from './view.js';

/** A phone number in one written form, and as a link a phone dials. */
export interface PhoneNumber {
  /** the number as written on the page: 0000-12345678, 0000-12345678转123, 12345 */
  text: string;
  /** without the extension: 0000-12345678 */
  number: string;
  extension?: string;
  /** tel:0000-12345678,123 */
  tel: string;
}

/** What a guide may write between the number and its extension: 转, a comma, 分机, ext. */
const EXTENSION = /^(.*?\d)(?:转|,|，|分机|ext\.?|x)(\d{1,6})$/i;

/** Half-width digits, `-` after the area code, the extension after 转, whatever the guide wrote. */
export function phoneNumber(written: string): PhoneNumber {
  const normalized = normalizePhone(written);
  const parts = EXTENSION.exec(normalized);
  const number = parts ? parts[1]! : normalized;
  const extension = parts?.[2];
  const text = extension ? `${number}转${extension}` : number;
  return { text, number, ...(extension && { extension }), tel: telUrl(text) };
}

/** A time limit with its length in calendar days at most. */
export interface TimeLimit {
  value: number;
  unit: '工作日' | '自然日' | '月';
  /** the number of days in `unit`; null when the limit is counted in months */
  days: number | null;
  /** the longest the limit can take in calendar days (see calendarDaysMax) */
  calendarDaysMax: number;
  /** as a citizen reads it: 当场办结, 10个工作日, 1个月 */
  text: string;
  note?: string;
}

/** The longest run of days off in a year (春节 and 国庆 with their swapped days, 8 or 9 days) beyond its weekends. */
const LONGEST_BREAK_ALLOWANCE = 8;
/** Public holidays a year (全国年节及纪念日放假办法, from 2025) and the working days of a year. */
const HOLIDAYS_A_YEAR = 13;
const WORKING_DAYS_A_YEAR = 250;

/**
 * The longest a time limit can take, in calendar days. 自然日 count as they are; a month as 31 days.
 * n working days (n ≥ 1) take at most ceil(n/5)·7 days of weeks (the longest when counting starts on a
 * Saturday), plus the public holidays they can span: ceil(13·n/250), and 8 more for a long break
 * falling inside them. 0 working days (当场办结) is 0.
 */
export function calendarDaysMax(length: { days: number; unit: '工作日' | '自然日' } | { months: number }): number {
  if ('months' in length) return length.months * 31;
  const { days, unit } = length;
  if (unit === '自然日' || days === 0) return days;
  const weeks = Math.ceil(days / 5) * 7;
  return weeks + LONGEST_BREAK_ALLOWANCE + Math.ceil((HOLIDAYS_A_YEAR * days) / WORKING_DAYS_A_YEAR);
}

export function timeLimit(duration: Lenient<Duration> | undefined): TimeLimit | undefined {
  const length = lengthOf(duration);
  if (!length) return undefined;
  const note = textOf(duration?.note);
  const limit: TimeLimit =
    'months' in length
      ? {
          value: length.months,
          unit: '月',
          days: null,
          calendarDaysMax: calendarDaysMax(length),
          text: lengthText(length),
        }
      : {
          value: length.days,
          unit: length.unit,
          days: length.days,
          calendarDaysMax: calendarDaysMax(length),
          text: lengthText(length),
        };
  return { ...limit, ...(note && { note }) };
}

export interface FeeItem {
  item: string;
  /** in yuan; null when the guide gives no amount (金额见窗口公示) */
  amount: number | null;
  unit?: string;
  basis?: string;
  waiver?: string;
}

export interface Fees {
  free: boolean;
  currency: 'CNY';
  items: FeeItem[];
  note?: string;
  /** what the fees above leave out and is paid besides (taxes at the tax window) */
  not_included?: string;
}

/** Fees in one shape, whether the guide wrote a list or `{ free, items, note }`. */
export function fees(written: GuideFields['fees']): Fees | undefined {
  if (written === undefined) return undefined;
  const statement = Array.isArray(written) ? undefined : written;
  const listed = (Array.isArray(written) ? written : statement?.items) ?? [];
  const items = listed.flatMap((fee): FeeItem[] => {
    const item = textOf(fee?.item);
    if (!fee || !item) return [];
    return [
      {
        item,
        amount: typeof fee.amount === 'number' ? fee.amount : null,
        ...optionalTexts(fee, ['unit', 'basis', 'waiver']),
      },
    ];
  });
  // As on the page: free only when nothing is listed to pay.
  const free = statement?.free === true && items.length === 0;
  return { free, currency: 'CNY', items, ...optionalTexts(statement ?? {}, ['note', 'not_included']) };
}

/** The keys of `object` whose values are non-empty strings, trimmed, in the order given. */
export function optionalTexts<Key extends string>(
  object: Partial<Record<Key, unknown>>,
  keys: readonly Key[],
): Partial<Record<Key, string>> {
  const found: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = object[key];
    const text = typeof value === 'string' ? textOf(value) : undefined;
    if (text) found[key] = text;
  }
  return found;
}

/** A legal basis as name and article, however it was written: 《名称》第三条 → 《名称》 + 第三条. */
export function legalBasis(
  entry: string | { name?: string; article?: string } | undefined,
): { text: string; name: string; article?: string } | undefined {
  if (typeof entry === 'string') {
    const text = textOf(entry);
    if (!text) return undefined;
    const split = /^(.*》)\s*([^》]+)$/.exec(text);
    return split ? { text, name: split[1]!, article: split[2]! } : { text, name: text };
  }
  const name = textOf(entry?.name);
  if (!name) return undefined;
  const article = textOf(entry?.article);
  return { text: `${name}${article ?? ''}`, name, ...(article && { article }) };
}

/** A date as ISO 8601 (YYYY-MM-DD), from the forms a date can be written in: 2026-1-5, 2026/01/05, 2026年1月5日. */
export function isoDate(written: string | null | undefined): string | null {
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(written?.trim() ?? '');
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${parts[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
