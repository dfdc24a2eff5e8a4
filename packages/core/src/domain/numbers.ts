import { halfWidthDigits } from './width.js';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Reads a count written in words or digits with an optional measure word after it:
 * 两份 → 2 + 份, 十五个工作日 → 15 + 个工作日, 3 → 3. Numbers up to 9999.
 */
export function parseChineseCount(text: string): { value: number; rest: string } | undefined {
  const trimmed = halfWidthDigits(text.trim());
  const arabic = /^(\d+)(.*)$/.exec(trimmed);
  if (arabic) return { value: Number(arabic[1]), rest: arabic[2]!.trim() };
  const chinese = /^([零〇一二两三四五六七八九十百千]+)(.*)$/.exec(trimmed);
  if (!chinese) return undefined;
  let total = 0;
  let digit = 0;
  for (const char of chinese[1]!) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else {
      const unit = char === '十' ? 10 : char === '百' ? 100 : 1000;
      total += (digit || (unit === 10 ? 1 : 0)) * unit;
      digit = 0;
    }
  }
  return { value: total + digit, rest: chinese[2]!.trim() };
}
