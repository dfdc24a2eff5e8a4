import type { Duration } from '../generated/guide.js';
import type { Lenient } from '../model.js';

/** 工作日 (without weekends and public holidays) or 自然日 (every day counts). */
export type TimeUnit = Duration['unit'];

const WORKING_DAYS_PER_WEEK = 5;
const CALENDAR_DAYS_PER_WEEK = 7;

/** Working days as calendar days, rounded up: every 5 working days take a week. */
export function inCalendarDays(days: number, unit: TimeUnit): number {
  return unit === '自然日' ? days : Math.ceil((days * CALENDAR_DAYS_PER_WEEK) / WORKING_DAYS_PER_WEEK);
}

/** A time limit as a citizen reads it: 当场办结, 15 个工作日. */
export function durationText(duration: Lenient<Duration> | undefined): string | undefined {
  if (duration?.days === undefined || duration.unit === undefined) return undefined;
  return duration.days === 0 ? '当场办结' : `${duration.days} 个${duration.unit}`;
}

/** Today as YYYY-MM-DD in local time: a guide reviewed today is 0 months old wherever it is linted. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
