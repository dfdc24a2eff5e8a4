import { configSchema, guideSchema } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { yamlScalar } from '../src/completion.js';
import { SchemaWalker } from '../src/schema-walk.js';

const guide = new SchemaWalker(guideSchema);
const config = new SchemaWalker(configSchema);

describe('SchemaWalker', () => {
  it('lists the keys of a mapping by the path, through $ref and array items', () => {
    expect([...guide.properties(['materials', 0]).keys()]).toEqual([
      'name',
      'need',
      'situation',
      'form',
      'copies',
      'source',
      'issuer',
      'requirements',
      'paper',
      'exempt',
      'basis',
      'pledge',
      'blank_form',
      'sample',
      'fill_notes',
      'note',
    ]);
    expect([...guide.properties(['time_limit', 'promised']).keys()]).toEqual(['months', 'days', 'unit', 'note']);
    // fees: a list of items, or a mapping (anyOf)
    expect([...guide.properties(['fees']).keys()]).toEqual(['free', 'items', 'note', 'not_included']);
    expect([...guide.properties(['fees', 0]).keys()]).toEqual(['item', 'amount', 'unit', 'basis', 'waiver']);
    expect([...guide.properties(['steps', 2]).keys()]).toEqual(['title', 'how', 'where', 'duration']);
  });

  it('gives the enum values at a path, as one value or as an item of a list', () => {
    expect(guide.values(['materials', 0, 'form'])).toEqual(['原件', '复印件', '电子']);
    expect(guide.values(['materials', 0, 'form', 1])).toEqual(['原件', '复印件', '电子']);
    expect(guide.values(['time_limit', 'statutory', 'unit'])).toEqual(['工作日', '自然日']);
    expect(guide.values(['online', 'level'])).toEqual(['全程网办', '网上申请', '网上预审', '预约办理', '仅线下办理']);
    expect(guide.values(['express'])).toEqual([true, false]);
    expect(guide.values(['title'])).toEqual([]);
  });

  it('keeps the title a $ref is given where it is used', () => {
    expect(guide.describe(['appointment', 'url'])).toEqual({
      title: '预约网址',
      description: '网上预约的网址，以 https:// 开头。',
    });
    expect(guide.describe(['materials', 3])).toMatchObject({ title: '材料' });
    expect(guide.describe(['materials', 0, 'form']).title).toBe('材料形式');
  });

  it('walks the configuration: rule ids, severities, option names and values', () => {
    expect([...config.properties(['rules']).keys()]).toContain('plain/third-person');
    expect(config.describe(['rules', 'plain/third-person']).title).toBe('第三人称');
    expect(config.values(['rules', 'plain/third-person'])).toEqual(['off', 'warn', 'error']);
    expect(config.values(['rules', 'plain/third-person', 0])).toEqual(['off', 'warn', 'error']);
    expect([...config.properties(['rules', 'plain/third-person', 1]).keys()]).toEqual(['allow', 'pronoun']);
    expect(config.values(['rules', 'plain/third-person', 1, 'pronoun'])).toEqual(['您', '你']);
    expect(config.values(['rules', 'policy/online-without-url', 1, 'levels', 0])).toEqual([
      '全程网办',
      '网上申请',
      '网上预审',
      '预约办理',
    ]);
  });
});

describe('yamlScalar', () => {
  it('writes plain text plain, and quotes what YAML would read otherwise', () => {
    expect(yamlScalar('原居民身份证', false)).toBe('原居民身份证');
    expect(yamlScalar('《居民身份证法》', false)).toBe('《居民身份证法》');
    expect(yamlScalar('12345', false)).toBe('"12345"');
    expect(yamlScalar('off', false)).toBe('off');
    expect(yamlScalar('true', false)).toBe('"true"');
    expect(yamlScalar('- 户口簿', false)).toBe('"- 户口簿"');
    expect(yamlScalar('户口簿, 身份证', false)).toBe('户口簿, 身份证');
    expect(yamlScalar('户口簿, 身份证', true)).toBe('"户口簿, 身份证"');
    expect(yamlScalar(true, false)).toBe('true');
  });
});
