import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintBytes, recommendedConfig, type Diagnostic } from '@baihua/lint';

const base = readFileSync(new URL('../../../guides/户籍/id-card-renewal.md', import.meta.url), 'utf8');

function replaced(from: string, to: string): string {
  expect(base.split(from)).toHaveLength(2);
  return base.replace(from, to);
}

function lint(
  text: string,
  path = 'guides/户籍/test.md',
): Array<Pick<Diagnostic, 'ruleId' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>> {
  return lintBytes(path, Buffer.from(text), { config: recommendedConfig() }).messages.map(
    ({ ruleId, message, line, column, endLine, endColumn }) => ({ ruleId, message, line, column, endLine, endColumn }),
  );
}

describe('schema findings in Chinese at the offending node', () => {
  it('reports a value of the wrong kind once, not once per anyOf branch', () => {
    const text = replaced(
      'fees:\n  - item: 工本费\n    amount: 20\n    unit: 每证\n',
      'fees: 无\nx-removed:\n  - item: 工本费\n    amount: 20\n    unit: 每证\n',
    );
    const findings = lint(text).filter((finding) => finding.ruleId.startsWith('schema/') && finding.line < 80);
    expect(findings[0]).toEqual({
      ruleId: 'schema/type',
      message: '「收费」(fees)应为列表或一组字段（在下一行缩进 2 个空格书写），现在是“无”',
      line: 68,
      column: 7,
      endLine: 68,
      endColumn: 8,
    });
  });

  it('names list items by their name and follows the chosen branch into nested objects', () => {
    const text = replaced(
      '  - 《中华人民共和国居民身份证法》第三条\n',
      '  - { name: 《中华人民共和国居民身份证法》 }\n',
    );
    expect(lint(text)).toEqual([
      {
        ruleId: 'schema/required',
        message: '依据「《中华人民共和国居民身份证法》」缺少必填字段「条款」(article)',
        line: 15,
        column: 5,
        endLine: 15,
        endColumn: 30,
      },
    ]);
  });

  it('explains a pattern with the field description', () => {
    const text = replaced('  - 《中华人民共和国居民身份证法》第三条\n', '  - 居民身份证法第三条\n');
    expect(lint(text)).toEqual([
      {
        ruleId: 'schema/format',
        message:
          '「设定依据 › 第 1 项」(legal_basis)的写法不对，现在是“居民身份证法第三条”。一行写出法规名称和条款，如“《中华人民共和国居民身份证法》第十一条”。',
        line: 15,
        column: 5,
        endLine: 15,
        endColumn: 14,
      },
    ]);
  });

  it('suggests the options a near-miss enum value contains', () => {
    const text = replaced(
      '    form: 原件\n    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
      '    form: 原件和复印件\n    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
    );
    const [finding] = lintBytes('t.md', Buffer.from(text), { config: recommendedConfig() }).messages;
    expect(finding).toMatchObject({
      ruleId: 'schema/enum',
      message:
        '材料「原居民身份证」的材料形式(form)只能是 原件、复印件、电子 之一，现在是“原件和复印件”。是不是想写“原件”？',
      line: 28,
      column: 11,
    });
    expect(finding!.suggestions!.map((suggestion) => suggestion.desc)).toEqual(['改为“原件”', '改为“复印件”']);
  });

  it('suggests the key a misspelt or Chinese key meant, inside list items too', () => {
    const misspelt = replaced(
      '    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
      '    copys: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
    );
    expect(lint(misspelt)).toContainEqual({
      ruleId: 'schema/unknown-key',
      message: '材料「原居民身份证」里没有「copys」这个字段，是不是想写「copies」（份数）？',
      line: 29,
      column: 5,
      endLine: 29,
      endColumn: 10,
    });
    const chinese = replaced('visits: 1\n', '到现场次数: 1\n');
    expect(lint(chinese)).toContainEqual({
      ruleId: 'schema/unknown-key',
      message: '指南里没有「到现场次数」这个字段，是不是想写「visits」（到现场次数）？',
      line: 74,
      column: 1,
      endLine: 74,
      endColumn: 6,
    });
  });

  it('tells an empty optional field apart from an empty required one', () => {
    const text = replaced('owner: ', 'owner:\nx-was-owner: ');
    expect(lint(text)).toContainEqual(
      expect.objectContaining({ ruleId: 'schema/type', message: '「责任人」(owner)是空的：请填写内容，或删去这一行' }),
    );
  });

  it('asks for field: value form when the front matter is not a mapping', () => {
    expect(lint('---\n- 换领居民身份证\n---\n')).toEqual([
      {
        ruleId: 'schema/type',
        message: '字段区应为一组字段（在下一行缩进 2 个空格书写），现在是列表',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
      },
    ]);
  });
});

describe('fixes of values written as block scalars', () => {
  const fix = (text: string) => lintBytes('t.md', Buffer.from(text), { config: recommendedConfig(), fix: true });

  it('replace the value and keep the line break after it, so the next line stays where it was', () => {
    const date = fix(replaced('reviewed: 2026-10-01\n', 'reviewed: |-\n  2026年10月1日\n'));
    expect(date.output).toBe(base);
    const copies = fix(
      replaced(
        '    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
        '    copies: >\n      两份\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
      ),
    );
    expect(copies.output).toBe(
      replaced(
        '    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
        '    copies: 2\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
      ),
    );
  });

  it('mark the value up to its last character', () => {
    expect(lint(replaced('reviewed: 2026-10-01\n', 'reviewed: |-\n  2026年10月1日\n'))).toContainEqual({
      ruleId: 'schema/format',
      message: '「最后核验日期」(reviewed)应为 YYYY-MM-DD 格式的日期，如 2026-10-01，现在是“2026年10月1日”',
      line: 116,
      column: 11,
      endLine: 117,
      endColumn: 13,
    });
  });
});
