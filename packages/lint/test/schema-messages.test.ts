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
          '「设定依据 › 第 1 项」(legal_basis)的写法不对，现在是“居民身份证法第三条”。一行写出法规名称和条款，如“《中华人民共和国居民身份证法》第十一条”或“山东省《社会救助暂行办法》实施细则第五条”。',
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

describe('real data the schema used to refuse (issue 14)', () => {
  const fixed = (text: string) =>
    lintBytes('guides/户籍/test.md', Buffer.from(text), { config: recommendedConfig(), fix: true }).output;

  it('accepts hyphenated item codes and says which format a wrong code should have, with an example', () => {
    expect(
      lint(replaced('  basic: "000104101000"\n', '  basic: 230702-08-0-0431\n  implementation: 3707860701401-001\n')),
    ).toEqual([]);
    expect(lint(replaced('  basic: "000104101000"\n', '  basic: 230702_08\n'))).toEqual([
      {
        ruleId: 'schema/format',
        message:
          '「事项编码 › 基本编码」(codes.basic)的写法不对，现在是“230702_08”。事项基本编码：数字和大写字母，不超过 12 位，如 000104001000；地方平台的编码分段写、带连字符的，照抄即可，如 230702-08-0-0431。',
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 19,
      },
    ]);
  });

  it('ends a format message with an example when the description gives none', () => {
    expect(lint(replaced('id: id-card-renewal\n', 'id: ID_card_renewal\n'))).toContainEqual({
      ruleId: 'schema/format',
      message:
        '「标识」(id)的写法不对，现在是“ID_card_renewal”。指南的唯一标识，用小写英文字母、数字和连字符，也是文件名和网址的一部分。例如：id-card-renewal',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 20,
    });
  });

  it('names the value an audience word stands for, and fixes it', () => {
    const text = replaced('audience: [个人]\n', 'audience: [市民, 企业]\n');
    expect(lint(text)).toEqual([
      {
        ruleId: 'schema/enum',
        message: '「服务对象 › 第 1 项」(audience)只能是 个人、法人、其他组织 之一：“市民”在这里写作“个人”',
        line: 13,
        column: 12,
        endLine: 13,
        endColumn: 14,
      },
      {
        ruleId: 'schema/enum',
        message: '「服务对象 › 第 2 项」(audience)只能是 个人、法人、其他组织 之一：“企业”在这里写作“法人”',
        line: 13,
        column: 16,
        endLine: 13,
        endColumn: 18,
      },
    ]);
    expect(fixed(text)).toBe(replaced('audience: [个人]\n', 'audience: [个人, 法人]\n'));
  });

  it('accepts a law name with words before its title marks, and removes the numbering of a numbered one', () => {
    expect(
      lint(replaced('  - 《中华人民共和国居民身份证法》第五条\n', '  - 山东省《居民身份证管理办法》第五条\n')),
    ).toEqual([]);
    const text = replaced(
      '  - 《中华人民共和国居民身份证法》第五条\n',
      '  - 2、《中华人民共和国居民身份证法》第五条\n',
    );
    expect(lint(text)).toEqual([
      {
        ruleId: 'schema/format',
        message: '「设定依据 › 第 2 项」(legal_basis)前面有序号“2、”：每条依据在列表里单独写一项，不用编号，请删去序号',
        line: 16,
        column: 5,
        endLine: 16,
        endColumn: 7,
      },
    ]);
    expect(fixed(text)).toBe(base);
  });

  it('removes circled numbers too, and turns 是 and 否 into true and false', () => {
    const circled = replaced(
      '  - 《中华人民共和国居民身份证法》第五条\n',
      '  - ①《中华人民共和国居民身份证法》第五条\n',
    );
    expect(lint(circled).map((finding) => finding.message)).toEqual([
      '「设定依据 › 第 2 项」(legal_basis)前面有序号“①”：每条依据在列表里单独写一项，不用编号，请删去序号',
    ]);
    expect(fixed(circled)).toBe(base);
    const yes = replaced('visits: 1\n', 'visits: 1\nexpress: 是\nappointment: 否\n');
    expect(lint(yes)).toEqual([
      {
        ruleId: 'schema/type',
        message: '「支持快递」(express)应为 true 或 false，现在是“是”',
        line: 75,
        column: 10,
        endLine: 75,
        endColumn: 11,
      },
      {
        ruleId: 'schema/type',
        message: '「支持预约」(appointment)应为 true 或 false 或一组字段（在下一行缩进 2 个空格书写），现在是“否”',
        line: 76,
        column: 14,
        endLine: 76,
        endColumn: 15,
      },
    ]);
    expect(fixed(yes)).toBe(replaced('visits: 1\n', 'visits: 1\nexpress: true\nappointment: false\n'));
  });

  it('accepts a step written as one sentence or without a title, and asks what to do of a bare name', () => {
    const sentence = replaced(
      '  - title: 交工本费\n    how: 现场交20元工本费，可以用微信、支付宝或银行卡。\n    where: 办理窗口\n',
      '  - 现场交20元工本费，可以用微信、支付宝或银行卡。\n  - how: 工本费交好后，窗口会给您一张受理回执。\n',
    );
    expect(lint(sentence)).toEqual([]);
    const names = replaced(
      '  - title: 交工本费\n    how: 现场交20元工本费，可以用微信、支付宝或银行卡。\n    where: 办理窗口\n',
      '  - 收费\n  - title: 审核\n',
    );
    expect(lint(names)).toEqual([
      {
        ruleId: 'schema/format',
        message:
          '「办理流程 › 第 3 项」(steps)只写了“收费”，看不出这一步要做什么：请写一句话说明，如“带上户口簿，到户政窗口拍照、采集指纹。”',
        line: 58,
        column: 5,
        endLine: 58,
        endColumn: 7,
      },
      {
        ruleId: 'schema/required',
        message: '步骤「审核」缺少必填字段「怎么办」(how)',
        line: 59,
        column: 5,
        endLine: 59,
        endColumn: 14,
      },
    ]);
  });

  it('accepts a time limit in months and appointment, express, acceptance and quantity fields', () => {
    const text = replaced(
      '  promised: { days: 10, unit: 工作日, note: 从窗口受理的第二天算起。 }\n',
      '  promised: { months: 1 }\n  acceptance: { days: 0, unit: 工作日 }\n',
    ).replace(
      'visits: 1\n',
      'visits: 1\nappointment: { phone: "0000-12345678" }\nexpress: true\nquantity_limit: 每人每次只能换领一张。\n',
    );
    expect(lint(text)).toEqual([]);
    const both = replaced(
      '  promised: { days: 10, unit: 工作日, note: 从窗口受理的第二天算起。 }\n',
      '  promised: { months: 1, days: 10 }\n',
    );
    expect(lint(both)).toEqual([
      {
        ruleId: 'schema/format',
        message:
          '「办理时限 › 承诺时限」(time_limit.promised)写了月数（months），就不要再写天数（days）：按月计的只写 { months: 1 }，按天计的删去 months',
        line: 67,
        column: 26,
        endLine: 67,
        endColumn: 30,
      },
    ]);
  });

  it('asks for a number of days and a unit where a time limit says 及时, and suggests one it can read', () => {
    const vague = replaced(
      '  promised: { days: 10, unit: 工作日, note: 从窗口受理的第二天算起。 }\n',
      '  promised: 及时\n',
    );
    expect(lint(vague)).toEqual([
      {
        ruleId: 'schema/type',
        message:
          '「办理时限 › 承诺时限」(time_limit.promised)要写天数和单位，如 { days: 15, unit: 工作日 }；按月计的写月数，如 { months: 1 }。现在是“及时”',
        line: 67,
        column: 13,
        endLine: 67,
        endColumn: 15,
      },
    ]);
    const written = replaced(
      '  promised: { days: 10, unit: 工作日, note: 从窗口受理的第二天算起。 }\n',
      '  promised: 1个月内\n',
    );
    const [finding] = lintBytes('t.md', Buffer.from(written), { config: recommendedConfig() }).messages;
    expect(finding!.suggestions!.map((suggestion) => suggestion.desc)).toEqual(['改为 { months: 1 }']);
  });
});

describe('each problem reported once', () => {
  it('lists every missing field of a mapping in one finding, at the mapping', () => {
    const text = replaced('handling: 承诺件\n', '')
      .replace(/^conditions:\n( {2}- .*\n)+/m, '')
      .replace(/^steps:\n( {2}.*\n)+/m, '');
    expect(lint(text).filter((finding) => finding.ruleId === 'schema/required')).toEqual([
      {
        ruleId: 'schema/required',
        message: '缺少 3 个必填字段：受理条件（conditions）、办理流程（steps）、办件类型（handling）',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 20,
      },
    ]);
  });

  it('reports an empty or placeholder summary once, as a required field not filled in', () => {
    const summary = '身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。';
    expect(lint(replaced(`summary: ${summary}\n`, 'summary:\n'))).toEqual([
      {
        ruleId: 'schema/required',
        message: '必填字段「一句话说明」(summary)还没有填写',
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 8,
      },
    ]);
    expect(lint(replaced(`summary: ${summary}\n`, 'summary: ""\n'))).toEqual([
      {
        ruleId: 'schema/required',
        message: '「一句话说明」(summary)还没有填写',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 12,
      },
    ]);
    expect(lint(replaced(`summary: ${summary}\n`, 'summary: 暂无\n'))).toEqual([
      {
        ruleId: 'schema/required',
        message: '必填字段「一句话说明」(summary)只写了“暂无”，等于没写：请写出实际内容',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 12,
      },
    ]);
  });

  it('leaves an optional field holding a placeholder to policy/placeholder-section', () => {
    expect(lint(replaced('owner: ', 'owner: 无\nx-was-owner: '))).toEqual([
      {
        ruleId: 'policy/placeholder-section',
        message: '这里只写了“无”，等于没写（有栏目无内容）：请写出实际内容，确实没有的就删去这一项',
        line: 115,
        column: 8,
        endLine: 115,
        endColumn: 9,
      },
    ]);
  });

  it('reports a value that fails both its type and its options once, with the options', () => {
    expect(lint(replaced('handling: 承诺件\n', 'handling: 1\n'))).toEqual([
      {
        ruleId: 'schema/enum',
        message: '「办件类型」(handling)只能是 即办件、承诺件 之一，现在是 1',
        line: 64,
        column: 11,
        endLine: 64,
        endColumn: 12,
      },
    ]);
  });
});

describe('prose fields are stated in the schema (x-prose)', () => {
  it('checks the summary and the title with the plain-language rules, though their schema has a pattern', () => {
    const text = replaced('title: 换领居民身份证\n', 'title: 关于居民身份证换领事宜\n').replace(
      /^summary: .*$/m,
      'summary: 申请人须持本人有效身份证件前往户政窗口办理换领手续。',
    );
    expect(lint(text)).toEqual([
      {
        ruleId: 'plain/classical-word',
        message: '「事宜」是文言或公文用词，群众读着费劲：改为「事」或「事情」',
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 19,
      },
      {
        ruleId: 'plain/third-person',
        message: '「申请人」是第三人称，指南是写给您看的：改为「您」',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 13,
      },
      {
        ruleId: 'plain/nominalization',
        message: '「办理换领手续」多了一个虚化动词，直接用后面的动词更清楚：改为「办……」',
        line: 8,
        column: 29,
        endLine: 8,
        endColumn: 35,
      },
    ]);
  });
});
