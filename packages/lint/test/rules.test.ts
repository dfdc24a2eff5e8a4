import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createAjv } from '@baihua/core';
import { formatMessage, ruleDocsUrl, rules, rulesById, verifyRuleExamples } from '@baihua/lint';

describe('every rule against its own examples', () => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
    expect(verifyRuleExamples(rule)).toEqual([]);
  });
});

describe('rule metadata', () => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s is documented in Chinese', (id, rule) => {
    expect(id).toMatch(/^(syntax|schema|markdown|policy|plain|catalog|journey)\/[a-z0-9-]+$/);
    for (const text of [rule.meta.title, rule.meta.description, rule.meta.howToFix])
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    if (rule.meta.fixable === 'fix')
      expect(rule.examples.invalid.some((example) => example.output !== undefined)).toBe(true);
  });

  it('lists every configurable rule in the recommended preset, and nothing else', () => {
    const preset = parse(readFileSync(new URL('../configs/recommended.yaml', import.meta.url), 'utf8')) as {
      rules: Record<string, string>;
    };
    const configurable = rules.filter((rule) => !rule.meta.fatal);
    expect(Object.keys(preset.rules).sort()).toEqual(configurable.map((rule) => rule.meta.id).sort());
    for (const rule of configurable) expect(preset.rules[rule.meta.id]).toBe(rule.meta.severity);
  });

  it.each(rules.filter((rule) => rule.meta.options).map((rule) => [rule.meta.id, rule] as const))(
    '%s: its options schema accepts the options its examples use',
    (_id, rule) => {
      const validate = createAjv().compile(rule.meta.options!);
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        if (example.options)
          expect(validate(example.options), `${example.title}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      expect(validate({ noSuchOption: true })).toBe(false);
    },
  );

  it.each(rules.filter((rule) => rule.meta.options).map((rule) => [rule.meta.id, rule] as const))(
    '%s: every option has a default its schema accepts',
    (_id, rule) => {
      const { properties } = rule.meta.options!;
      const defaults = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, property.default]),
      );
      expect(Object.values(defaults)).not.toContain(undefined);
      const validate = createAjv().compile(rule.meta.options!);
      expect(validate(defaults), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('points every rule at its generated page', () => {
    expect(ruleDocsUrl('plain/vague-time')).toBe('docs/rules/plain/vague-time.md');
    for (const rule of rules) expect(rule.meta.docs.url).toBe(ruleDocsUrl(rule.meta.id));
  });

  it('marks the rules whose findings depend on the day they are linted', () => {
    expect(rules.filter((rule) => rule.meta.dependsOnDate).map((rule) => rule.meta.id)).toEqual(['policy/stale']);
  });

  it('gives every rule messages, and its bad examples only use those', () => {
    for (const rule of rules) {
      expect(Object.keys(rule.meta.messages).length, rule.meta.id).toBeGreaterThan(0);
      for (const example of rule.examples.invalid) {
        for (const error of example.errors ?? [])
          expect(Object.keys(rule.meta.messages), `${rule.meta.id}: ${example.title}`).toContain(error.messageId);
      }
    }
  });
});

describe('messages by id', () => {
  it('fills placeholders from the data and leaves those without data as written', () => {
    expect(formatMessage('「{{phrase}}」{{reason}}：{{ advice }}', { phrase: '尽快', advice: '写出天数' })).toBe(
      '「尽快」{{reason}}：写出天数',
    );
    expect(formatMessage('共 {{count}} 项，$& 不是替换模式', { count: 3 })).toBe('共 3 项，$& 不是替换模式');
  });

  const vagueTime = rulesById.get('plain/vague-time')!;
  const example = vagueTime.examples.invalid[0]!;
  const withErrors = (errors: typeof example.errors) => ({
    ...vagueTime,
    examples: { valid: vagueTime.examples.valid, invalid: [{ ...example, errors }] },
  });

  it('the rule tester checks the message id and the data given, and lets data left out be any text', () => {
    const [first, second] = example.errors!;
    expect(
      verifyRuleExamples(
        withErrors([
          { ...first!, data: { phrase: '尽快' } },
          { ...second!, data: {} },
        ]),
      ),
    ).toEqual([]);
    expect(verifyRuleExamples(withErrors([{ ...first!, messageId: 'nope' }, second!]))).toEqual([
      'bad example “正文里的“尽快”” finding 1: expected {"messageId":"nope","data":{"phrase":"尽快","advice":"写出最晚日期或天数"},"line":36,"column":4,"endLine":36,"endColumn":6}, ' +
        'got 36:4-36:6 「尽快」没说清是多久，群众没法安排：写出最晚日期或天数',
    ]);
    expect(verifyRuleExamples(withErrors([{ ...first!, data: { phrase: '及时' } }, second!]))).toHaveLength(1);
  });
});
