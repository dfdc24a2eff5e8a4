import { describe, expect, it } from 'vitest';
import { configSchema, createAjv, createRuntimeAjv, guideSchema } from '@baihua/core';

// At run time Baihua compiles its own schemas without checking them against the JSON Schema
// meta-schema (createRuntimeAjv); this is where they are checked.
describe('Baihua’s schemas', () => {
  it.each([
    ['configuration', configSchema],
    ['guide', guideSchema],
  ])('the %s schema is valid JSON Schema', (_name, schema) => {
    const ajv = createAjv();
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
  });

  it('compile at run time without the meta-schema, still strict', () => {
    const ajv = createRuntimeAjv();
    expect(ajv.compile({ type: 'object', properties: { name: { type: 'string' } } })({ name: '户口迁移' })).toBe(true);
    expect(() => ajv.compile({ type: 'object', propertys: {} })).toThrow(/unknown keyword: "propertys"/);
  });
});
