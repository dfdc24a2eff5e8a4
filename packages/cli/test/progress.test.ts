import { describe, expect, it } from 'vitest';
import { remainingTime } from '../src/progress.js';

describe('the time a build has left, on the progress bar', () => {
  it('is said in Chinese units, rounded as cli-progress rounds (to 5 seconds beyond 10)', () => {
    expect(remainingTime(7, undefined, 5)).toBe('还要约 7 秒');
    expect(remainingTime(43, undefined, 5)).toBe('还要约 45 秒');
    expect(remainingTime(150, undefined, 5)).toBe('还要约 2 分 30 秒');
    expect(remainingTime(3 * 3600 + 5 * 60 + 12, undefined, 5)).toBe('还要约 3 小时 5 分');
  });

  it('is not guessed before cli-progress has an estimate (it passes a string then)', () => {
    for (const unknown of ['0', 'INF', 'NULL']) expect(remainingTime(unknown)).toBe('正在估算剩余时间');
    expect(remainingTime(Number.POSITIVE_INFINITY)).toBe('正在估算剩余时间');
  });
});
