import type { Duration } from '../generated/guide.js';
import type { Lenient } from '../model.js';
import { quantity } from './typography.js';

/** 工作日 (without weekends and public holidays) or 自然日 (every day counts). */
export type TimeUnit = NonNullable<Duration['unit']>;

const WORKING_DAYS_PER_WEEK = 5;
const CALENDAR_DAYS_PER_WEEK = 7;
/** The fewest and the most calendar days a month can have: 28 (February) and 31. */
const SHORTEST_MONTH = 28;
const LONGEST_MONTH = 31;

/** Working days as calendar days, rounded up: every 5 working days take a week. */
export function inCalendarDays(days: number, unit: TimeUnit): number {
  return unit === '自然日' ? days : Math.ceil((days * CALENDAR_DAYS_PER_WEEK) / WORKING_DAYS_PER_WEEK);
}

/** A time limit as written: a number of days in a unit, or a number of months. */
export type Length = { days: number; unit: TimeUnit } | { months: number };

/** The time limit's length when it is complete: days with a unit, or months. */
export function lengthOf(duration: Lenient<Duration> | undefined): Length | undefined {
  if (typeof duration?.months === 'number') return { months: duration.months };
  if (duration?.days === undefined || duration.unit === undefined) return undefined;
  return { days: duration.days, unit: duration.unit };
}

/**
 * The shortest and the longest a time limit can take, in calendar days. Days convert exactly
 * (5 working days take a week); a month is not a fixed number of days, so months give a range:
 * at least 30 days a month less 2 (a February; 12 months are at least 358 days, 365 in fact) and at
 * most 31 a month. Comparing the shortest of one limit with the longest of the other is conservative:
 * it says one limit is longer only when it is longer however the months fall.
 */
export function calendarDayRange(length: Length): { shortest: number; longest: number } {
  if ('months' in length) {
    return {
      shortest: length.months * 30 - (30 - SHORTEST_MONTH),
      longest: length.months * LONGEST_MONTH,
    };
  }
  const days = inCalendarDays(length.days, length.unit);
  return { shortest: days, longest: days };
}

/** A time limit as a citizen reads it: 当场办结, 15个工作日, 1个月. */
export function durationText(duration: Lenient<Duration> | undefined): string | undefined {
  const length = lengthOf(duration);
  return length && lengthText(length);
}

/** A length as a citizen reads it: 当场办结, 15个工作日, 1个月. */
export function lengthText(length: Length): string {
  if ('months' in length) return quantity(length.months, '个月');
  return length.days === 0 ? '当场办结' : quantity(length.days, `个${length.unit}`);
}

/** Today as YYYY-MM-DD in local time: a guide reviewed today is 0 months old wherever it is linted. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
