import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnalyzedDocument, band, checkRule, inProcessSegmenter, readability, STYLE_RULE_IDS } from '@baihua/plain';

function score(text: string) {
  const doc = new AnalyzedDocument([text], inProcessSegmenter);
  const findings = STYLE_RULE_IDS.reduce((sum, rule) => sum + checkRule(doc, rule)[0]!.length, 0);
  return readability(doc, findings);
}

describe('readability score', () => {
  it('scores the plain version of the same content easier in at least 90% of pairs', () => {
    const pairs = parse(
      readFileSync(new URL('../../../tests/fixtures/plain/readability-pairs.yaml', import.meta.url), 'utf8'),
    ) as Array<{ topic: string; official: string; plain: string }>;
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const results = pairs.map((pair) => ({
      topic: pair.topic,
      official: score(pair.official).score,
      plain: score(pair.plain).score,
    }));
    const easier = results.filter((result) => result.plain > result.official);
    console.log(results.map((result) => `${result.topic}: ${result.official} → ${result.plain}`).join('\n'));
    expect(easier.length / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('explains itself: every component with its value, target and ratio', () => {
    const result = score(
      '申请人须于居民身份证有效期届满前三个月内，携带居民户口簿及原居民身份证前往户籍所在地公安机关户政窗口提出换领申请。',
    );
    expect(result.components.map((component) => component.id)).toEqual(['S1', 'S2', 'L1', 'L2', 'B']);
    const s1 = result.components[0]!;
    expect(s1).toMatchObject({ name: '平均句长（字）', value: 55, target: 25, ratio: 2.2, weight: 0.35 });
    expect(result.sentences).toBe(1);
    expect(result.score).toBeLessThan(30);
    expect(result.band).toBe('难');
  });

  it('maps scores to bands at 70, 50 and 30', () => {
    expect([100, 70, 69, 50, 49, 30, 29, 0].map(band)).toEqual([
      '易读',
      '易读',
      '一般',
      '一般',
      '较难',
      '较难',
      '难',
      '难',
    ]);
  });
});
