import { journeySchema } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, fieldHover, fieldSchema } from '../src/hover.js';

describe('fieldHover', () => {
  it('follows $ref, keeping the title and description written beside it, and the examples of its target', () => {
    expect(fieldHover('/time_limit/statutory')).toBe(
      [
        '**法定时限**（`statutory`）',
        '法律法规规定的最长办理时间。',
        '例子：\n\n```yaml\nstatutory:\n  days: 15\n  unit: 工作日\n```',
      ].join('\n\n'),
    );
  });

  it('finds fields below array items and in branches of anyOf', () => {
    expect(fieldSchema('/materials/3/exempt/source')).toMatchObject({ title: '共享来源' });
    expect(fieldSchema('/materials/0/form/1')).toMatchObject({ title: '材料形式', enum: ['原件', '复印件', '电子'] });
    expect(fieldSchema('/x-portal-code')).toMatchObject({ title: '扩展字段' });
  });

  it("reads a journey's fields from the journey schema, through its definitions", () => {
    expect(fieldSchema('/steps/2/guides/0', journeySchema)).toMatchObject({ title: '指南标识' });
    expect(fieldHover('/same_materials/0/also', journeySchema)?.split('\n\n')[0]).toBe('**别的叫法**（`also`）');
    // A guide's steps have no guides.
    expect(fieldSchema('/steps/0/guides')).toBeUndefined();
  });

  it('says nothing of a key the schema does not know', () => {
    expect(fieldSchema('/materials/0/colour')).toBeUndefined();
    expect(fieldHover('/no-such-field')).toBeUndefined();
  });
});

describe('escapeMarkdown', () => {
  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('写成列表，如 [原件, 复印件]，*不要* <b>')).toBe(
      '写成列表，如 \\[原件, 复印件\\]，\\*不要\\* \\<b\\>',
    );
  });
});
