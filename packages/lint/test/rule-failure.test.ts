import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type GuideRule, lintBytes, recommendedConfig, rulesById } from '@baihua/lint';

const guidePath = new URL('../../../guides/户籍/id-card-renewal.md', import.meta.url);
// The example guide with management language in its summary: findings of several rules.
const text = readFileSync(guidePath, 'utf8').replace(
  '身份证快到期或已经过期，可以到户政窗口换新证',
  '申请人须持身份证到相关部门，符合条件的予以受理',
);
const lint = () => lintBytes('id-card-renewal.md', Buffer.from(text), { config: recommendedConfig() });

const failing = rulesById.get('plain/vague-reference') as GuideRule;
const check = failing.check;
afterEach(() => {
  failing.check = check;
});

describe('a rule that throws', () => {
  it('becomes one fatal finding at the start of the guide; the other rules report as before', () => {
    const before = lint().messages;
    expect(before.filter((message) => message.ruleId === 'plain/vague-reference')).not.toEqual([]);

    failing.check = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'text')");
    };
    const after = lint().messages;

    expect(after.filter((message) => message.ruleId === 'plain/vague-reference')).toEqual([
      {
        ruleId: 'plain/vague-reference',
        severity: 2,
        message:
          "规则 plain/vague-reference 检查这份指南时出错（Cannot read properties of undefined (reading 'text')），它的检查结果不全；其他规则不受影响。请把这份指南和这条消息报告给白话的维护者",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        range: [0, 0],
        fatal: true,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    expect(after.filter((message) => message.ruleId !== 'plain/vague-reference')).toEqual(
      before.filter((message) => message.ruleId !== 'plain/vague-reference'),
    );
    expect(after.map((message) => message.ruleId)).toEqual([
      'plain/vague-reference',
      'plain/third-person',
      'plain/nominalization',
    ]);
  });
});
