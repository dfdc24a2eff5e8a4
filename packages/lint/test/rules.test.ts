import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createAjv } from '@baihua/core';
import { rules, verifyRuleExamples } from '@baihua/lint';

describe('every rule against its own examples', () => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
    expect(verifyRuleExamples(rule)).toEqual([]);
  });
});

describe('rule metadata', () => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s is documented in Chinese', (id, rule) => {
    expect(id).toMatch(/^(syntax|schema|markdown|policy|plain|catalog)\/[a-z0-9-]+$/);
    for (const text of [rule.meta.title, rule.meta.description, rule.meta.howToFix]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    if (rule.meta.fixable === 'fix') expect(rule.examples.invalid.some((example) => example.output !== undefined)).toBe(true);
  });

  it('lists every configurable rule in the recommended preset, and nothing else', () => {
    const preset = parse(readFileSync(new URL('../configs/recommended.yaml', import.meta.url), 'utf8')) as { rules: Record<string, string> };
    const configurable = rules.filter((rule) => !rule.meta.fatal);
    expect(Object.keys(preset.rules).sort()).toEqual(configurable.map((rule) => rule.meta.id).sort());
    for (const rule of configurable) expect(preset.rules[rule.meta.id]).toBe(rule.meta.severity);
  });

  it.each(rules.filter((rule) => rule.meta.options).map((rule) => [rule.meta.id, rule] as const))('%s: its options schema accepts the options its examples use', (_id, rule) => {
    const validate = createAjv().compile(rule.meta.options!);
    for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
      if (example.options) expect(validate(example.options), `${example.title}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ noSuchOption: true })).toBe(false);
  });
});
