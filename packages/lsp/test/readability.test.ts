import type { GuideReadability } from '@baihua/lint';
import { describe, expect, it } from 'vitest';
import { readabilityTitle } from '../src/readability.js';

const measures = { components: [], characters: 120, sentences: 6, words: 80, sections: [] };

describe('readabilityTitle', () => {
  it('says the score and band as baihua stats does, or why there is none', () => {
    expect(readabilityTitle({ ...measures, scored: true, score: 92, band: '易读' })).toBe('易读分 92 · 易读');
    const unscored: GuideReadability = { ...measures, scored: false, score: null, band: '无法评分' };
    expect(readabilityTitle(unscored)).toBe('易读分：不到 200 个汉字，无法评分');
  });
});
