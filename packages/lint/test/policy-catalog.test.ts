/**
 * The policy and catalog rules beyond their own examples: every entry of their data files, the
 * near-duplicate estimate on real guides, and the scale of the candidate search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGuideFiles, mergeLayers } from '@baihua/core';
import { lintBytes, lintTogether, recommendedConfig, type LintResult } from '@baihua/lint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { candidatePairs, signature } from '../src/minhash.js';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const renewal = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');

/** A configuration with one rule on, the whole catalog being the guides given. */
function only(ruleId: string, options?: Record<string, unknown>) {
  return mergeLayers([
    {
      path: 'test',
      data: { rules: { [ruleId]: options ? ['error', options] : 'error' }, catalog: [] },
      locate: () => undefined,
    },
  ]);
}

/** The example guides (baihua.config.yaml is never a guide). */
const exampleFiles = await findGuideFiles([guidesDir]);

const messages = (results: LintResult[]) =>
  results.flatMap((result) =>
    result.messages.map((message) => `${result.filePath} ${message.line}:${message.column} ${message.message}`),
  );

describe('cancelled certificates (data/cancelled-certificates.yaml)', () => {
  const { certificates } = parse(readFileSync(join(dataDir, 'cancelled-certificates.yaml'), 'utf8')) as {
    certificates: Array<{ name: string; match: string[]; source: string; test: string; not: string }>;
  };
  const withMaterial = (name: string) => renewal.replace('  - name: 原居民身份证\n', `  - name: ${name}\n`);

  it.each(certificates.map((entry) => [entry.name, entry] as const))(
    '%s: names its source and fires on its test, not on its look-alike',
    (_name, entry) => {
      expect(entry.source).toMatch(/[\u4e00-\u9fff]/);
      const bad = lintBytes('guide.md', Buffer.from(withMaterial(entry.test)), {
        config: only('policy/cancelled-certificate'),
      }).messages;
      expect(bad).toHaveLength(1);
      expect(bad[0]!.message).toContain(`「${entry.name}」已经取消`);
      expect(bad[0]!.line).toBe(26);
      expect(
        lintBytes('guide.md', Buffer.from(withMaterial(entry.not)), { config: only('policy/cancelled-certificate') })
          .messages,
      ).toEqual([]);
    },
  );
});

describe('placeholders (data/placeholders.yaml)', () => {
  const { whole, anywhere } = parse(readFileSync(join(dataDir, 'placeholders.yaml'), 'utf8')) as {
    whole: string[];
    anywhere: string[];
  };

  it.each(whole)('“%s” as a whole value is a placeholder, with or without a closing 。', (placeholder) => {
    for (const written of [placeholder, `${placeholder}。`]) {
      const text = renewal.replace('visits_reason: 需要您本人到场拍照、采集指纹。', `visits_reason: "${written}"`);
      const found = lintBytes('guide.md', Buffer.from(text), { config: only('policy/placeholder-section') }).messages;
      expect(found.map((message) => message.message)).toEqual([
        `这里只写了“${placeholder}”，等于没写（有栏目无内容）：请写出实际内容，确实没有的就删去这一项`,
      ]);
    }
  });

  it.each(anywhere)('“%s” inside a sentence marks it unfinished', (mark) => {
    const text = renewal.replace(
      'visits_reason: 需要您本人到场拍照、采集指纹。',
      `visits_reason: "需要您本人到场拍照（${mark}）。"`,
    );
    const found = lintBytes('guide.md', Buffer.from(text), { config: only('policy/placeholder-section') }).messages;
    expect(found.map((message) => `${message.line}:${message.column}-${message.endColumn}`)).toEqual([
      `75:27-${27 + mark.length}`,
    ]);
  });

  it('leaves real values that merely start like a placeholder alone', () => {
    const text = renewal.replace(
      'visits_reason: 需要您本人到场拍照、采集指纹。',
      'visits_reason: 无法在网上采集指纹，需要您本人到场。',
    );
    expect(lintBytes('guide.md', Buffer.from(text), { config: only('policy/placeholder-section') }).messages).toEqual(
      [],
    );
  });
});

describe('the instructions of the init templates (templates/init/)', () => {
  const templatesDir = fileURLToPath(new URL('../../../templates/init/', import.meta.url));
  /** The body paragraphs a new guide starts with: after the front matter (.md) or under `body: |` (.yaml). */
  const bodyParagraphs = (file: string): string[] => {
    const template = readFileSync(join(templatesDir, file), 'utf8');
    const body = file.endsWith('.md.hbs') ? template.split(/^---$/m)[2]! : template.split(/^body: \|$/m)[1]!;
    return body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
  };
  const paragraphs = ['guide.md.hbs', 'guide.yaml.hbs'].flatMap((file) =>
    bodyParagraphs(file).map((paragraph) => [file, paragraph] as const),
  );

  it('finds the body of both templates', () => {
    expect(paragraphs.map(([file]) => file)).toEqual(['guide.md.hbs', 'guide.yaml.hbs']);
  });

  it.each(paragraphs)('%s: “%s” is reported when it is left in a guide', (_file, paragraph) => {
    const text = `${renewal}\n${paragraph}\n`;
    const found = lintBytes('guide.md', Buffer.from(text), { config: only('policy/placeholder-section') }).messages;
    const line = text.split('\n').length - 1;
    expect(found.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([
      `${line}:1 “${paragraph}”是新指南模板里的提示，不是给群众看的：请换成这份指南自己的内容`,
    ]);
  });
});

describe('repealed and misnamed laws (data/repealed-laws.yaml)', () => {
  const { laws } = parse(readFileSync(join(dataDir, 'repealed-laws.yaml'), 'utf8')) as {
    laws: Array<{ name: string; also?: string[]; status: string; date?: string; replacement?: string; source: string }>;
  };
  const citing = (name: string) =>
    renewal.replace('  - 《中华人民共和国居民身份证法》第十一条\n', `  - 《${name}》第一条\n`);

  it('starts from a guide that cites the law where the test puts another', () => {
    expect(citing('某法')).not.toBe(renewal);
  });

  it.each(laws.map((law) => [law.name, law] as const))(
    '%s: names its source, and is found under every name it is cited by',
    (_name, law) => {
      expect(law.source).toMatch(/[\u4e00-\u9fff]/);
      for (const name of [law.name, ...(law.also ?? [])]) {
        const found = lintBytes('guide.md', Buffer.from(citing(name)), {
          config: only('policy/repealed-law'),
        }).messages;
        expect(found).toHaveLength(1);
        expect(found[0]!.message).toContain(`《${name}》`);
        if (law.replacement) expect(found[0]!.message).toContain(`《${law.replacement}》`);
      }
    },
  );

  it('leaves the laws in force alone, including those named after a repealed one', () => {
    for (const name of [
      '中华人民共和国民法典',
      '婚姻登记条例',
      '促进个体工商户发展条例',
      '中华人民共和国出境入境管理法',
    ]) {
      expect(
        lintBytes('guide.md', Buffer.from(citing(name)), { config: only('policy/repealed-law') }).messages,
      ).toEqual([]);
    }
  });

  it('does not read extension fields (x-)', () => {
    const text = renewal.replace(
      'reviewed: 2026-10-01\n',
      'reviewed: 2026-10-01\nx-old-basis: 《中华人民共和国婚姻法》\n',
    );
    expect(text).not.toBe(renewal);
    expect(lintBytes('guide.md', Buffer.from(text), { config: only('policy/repealed-law') }).messages).toEqual([]);
  });
});

describe('reasons that are no reason (data/visit-reasons.yaml)', () => {
  const { generic } = parse(readFileSync(join(dataDir, 'visit-reasons.yaml'), 'utf8')) as { generic: string[] };
  const at = 'visits_reason: 需要您本人到场拍照、采集指纹。';
  const withReason = (reason: string, visits = 1) =>
    renewal.replace('visits: 1\n', `visits: ${visits}\n`).replace(at, `visits_reason: ${reason}`);
  const findings = (text: string) =>
    lintBytes('guide.md', Buffer.from(text), { config: only('policy/visits-reason') }).messages.map(
      (message) => message.message,
    );

  it('starts from a guide with one visit and its reason', () => {
    expect(withReason('x', 2)).toContain('visits: 2\n');
    expect(withReason('x', 2)).toContain('visits_reason: x\n');
  });

  it.each(generic)('“%s” alone, or with joining words, is no reason', (phrase) => {
    for (const reason of [phrase, `因为${phrase}。`]) {
      expect(findings(withReason(reason))).toEqual([
        `到现场的原因“${reason}”没说出原因：请写明到场做什么，如“需要本人到场拍照、采集指纹”`,
      ]);
    }
  });

  it('a reason that says what happens is one, even with a generic phrase in it', () => {
    expect(findings(withReason('按规定需要本人到场采集指纹。'))).toEqual([]);
    expect(findings(withReason('第一次核验原件；第二次领取证书。', 2))).toEqual([]);
    expect(findings(withReason('首次到场核验原件，再次到场领证。', 2))).toEqual([]);
  });

  it('more visits than the reason names are reported, with the count of each', () => {
    expect(findings(withReason('需要本人到场采集指纹。', 3))).toEqual([
      '要到现场 3 次，原因只写了 1 件事：请写明每次到场做什么，如“第一次……；第二次……”',
    ]);
    expect(findings(withReason('第一次核验原件；第二次领取证书。', 3))).toEqual([
      '要到现场 3 次，原因只写了 2 件事：请写明每次到场做什么，如“第一次……；第二次……”',
    ]);
  });
});

describe('policy/mixed-day-units on a guide whose time limits are in 工作日', () => {
  const found = (paragraph: string) =>
    lintBytes('guide.md', Buffer.from(`${renewal}\n${paragraph}\n`), { config: only('policy/mixed-day-units') })
      .messages;

  it('starts from a guide whose promised time limit is in 工作日', () => {
    expect(renewal).toContain('promised: { days: 10, unit: 工作日');
  });

  it.each([
    ['材料不全的，请在20日内补齐。', '20日'],
    ['审核通过后三天以内寄出。', '三天'],
    ['自受理之日起15日办结。', '15日'],
  ])('“%s”: “%s” is reported, with both wordings offered', (paragraph, days) => {
    const messages = found(paragraph);
    expect(messages.map((message) => message.message.slice(0, days.length + 2))).toEqual([`“${days}”`]);
    const count = days.slice(0, -1);
    expect(messages[0]!.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual([
      `${count}个工作日`,
      `${count}个自然日`,
    ]);
  });

  it.each([
    '10月3日内寄出的，10月8日前能收到。',
    '每月20日内办理的，当月到账。',
    '身份证到期前90天内就可以来换。',
    '审核通过后在社区公示7天。',
    '第3日内没有收到短信的，请打电话问。',
    '受理后3个工作日内寄出，寄到大约需要2天。',
  ])('“%s” is not a bare time limit', (paragraph) => {
    expect(found(paragraph)).toEqual([]);
  });
});

describe('policy/contact-format fixes', () => {
  const hours = [
    '周一至周五 上午:8:00-11:30，下午:13:30-17:00',
    '周一至周五 上午：8：00～11：30，下午：13：30～17：00',
    '周一至周五:9:00-17:00',
    '工作日 9:00 - 17:00',
  ];
  const at = '    hours: 周一至周五 9:00–12:00，13:30–17:00\n';

  it('starts from a guide with the hours the test replaces', () => {
    expect(renewal.split(at)).toHaveLength(3);
  });

  it.each(hours)('“%s” is fixed into hours no other rule flags, in the field or as prose', (written) => {
    const text = renewal.replace(at, `    hours: ${written}\n`);
    const { output } = lintBytes('guide.md', Buffer.from(text), { config: only('policy/contact-format'), fix: true });
    const fixed = output!.split('\n')[text.split('\n').findIndex((line) => line.includes(written))]!;
    expect(fixed).not.toBe(`    hours: ${written}`);
    const again = lintBytes('guide.md', Buffer.from(output!), { config: recommendedConfig() }).messages;
    expect(again.map((message) => `${message.ruleId} ${message.message}`)).toEqual([]);
    const asProse = `${renewal}\n${fixed.replace('    hours: ', '')}\n`;
    expect(lintBytes('guide.md', Buffer.from(asProse), { config: only('plain/typography') }).messages).toEqual([]);
  });

  it('accepts an area code with a five-digit service number (0431-12333), and fixes its spacing', () => {
    const text = renewal.replace('consult: "0000-66230110"', 'consult: "0431 12333"');
    expect(text).not.toBe(renewal);
    const { messages, output } = lintBytes('guide.md', Buffer.from(text), {
      config: only('policy/contact-format'),
      fix: true,
    });
    expect(messages).toEqual([]);
    expect(output).toBe(renewal.replace('consult: "0000-66230110"', 'consult: "0431-12333"'));
  });
});

describe('near-duplicates on real guides', () => {
  const guides = exampleFiles.map((path) => ({
    filePath: path.slice(guidesDir.length),
    text: readFileSync(path, 'utf8'),
  }));

  it('no two of the twelve example guides look alike, even at the lowest threshold', () => {
    expect(messages(lintTogether(guides, { config: only('catalog/near-duplicate', { threshold: 0.5 }) }))).toEqual([]);
  });

  it('a guide rewritten in half of its body scores between the copies and the distinct guides', () => {
    const [head, body] = renewal.split('\n---\n') as [string, string];
    const paragraphs = body.split('\n\n');
    const rewritten = paragraphs
      .map((paragraph, index) => (index % 2 ? paragraph : '请按窗口工作人员的说明办理。'))
      .join('\n\n');
    const copy = `${head.replace('id: id-card-renewal', 'id: id-card-renewal-2')}\n---\n${rewritten}`;
    const results = lintTogether(
      [
        { filePath: 'a.md', text: renewal },
        { filePath: 'b.md', text: copy },
      ],
      { config: only('catalog/near-duplicate', { threshold: 0.5 }) },
    );
    const [share] = messages(results).map((message) => Number(/约 (\d+)%/.exec(message)![1]));
    expect(share).toBeGreaterThan(50);
    expect(share).toBeLessThan(95);
  });

  it('the same service in 300 places (one basic code, each its own implementation code) is not reported, and costs no pairs', () => {
    const places = Array.from({ length: 300 }, (_, index) => ({
      filePath: `county-${index}.md`,
      text: renewal
        .replace('id: id-card-renewal', `id: id-card-renewal-${index}`)
        .replace(
          '  basic: "000104101000"',
          `  basic: "000104101000"\n  implementation: "113301000024891${String(index).padStart(3, '0')}Q3000104101000"`,
        ),
    }));
    const results = lintTogether(
      [
        ...places,
        { filePath: 'portal-copy.md', text: renewal.replace('id: id-card-renewal', 'id: id-card-renewal-portal') },
      ],
      {
        config: only('catalog/near-duplicate'),
      },
    );
    // No pairs within the group: only the copy without an implementation code meets each of them.
    const same = signature(['换领', '居民', '身份证', '户政', '窗口', '办理'])!;
    const pairs = candidatePairs([...places.map(() => same), same], (index) =>
      index < places.length ? '000104101000' : undefined,
    );
    expect(pairs).toHaveLength(places.length);
    expect(pairs.every((pair) => pair.includes(places.length))).toBe(true);
    // Only the copy without an implementation code is a second guide for the same service.
    expect(results.filter((result) => result.messages.length).map((result) => result.filePath)).toEqual([
      ...places.map((place) => place.filePath),
      'portal-copy.md',
    ]);
    expect(results.at(-1)!.messages).toHaveLength(1);
    expect(results.at(-1)!.messages[0]!.message).toMatch(
      /^这份指南和 county-\d+\.md（换领居民身份证）的文字约 100% 相同，还有 299 份指南也和它很像（county-\d+\.md、county-\d+\.md、county-\d+\.md 等 299 份指南）：/,
    );
  });
});

describe('office hours (policy/contact-format owns their format)', () => {
  it('are reported once, with one fix, not also by the typography rule with a fix inside the same text', () => {
    const written =
      '    hours: 周一至周五 9:00–12:00，13:30–17:00\n    holiday: 周末和法定节假日休息。\n    phone: "0000-66230000"';
    expect(renewal.split(written)).toHaveLength(2);
    const text = renewal.replace(
      written,
      written.replace('周一至周五 9:00–12:00，13:30–17:00', '周一至周五9：00—12：00，13：30—17：00'),
    );
    const { messages } = lintBytes('guide.md', Buffer.from(text), { config: recommendedConfig() });
    expect(
      messages.map(({ ruleId, line, column, endLine, endColumn, fix }) => ({
        ruleId,
        line,
        column,
        endLine,
        endColumn,
        fix,
      })),
    ).toEqual([
      {
        ruleId: 'policy/contact-format',
        line: 85,
        column: 12,
        endLine: 85,
        endColumn: 39,
        fix: {
          range: [text.indexOf('周一至周五9'), text.indexOf('周一至周五9') + 27],
          text: '周一至周五9:00–12:00，13:30–17:00',
        },
      },
    ]);
  });
});

describe('phone numbers (normalised once, in @baihua/core)', () => {
  it('one number written with a space instead of a hyphen is a format finding, not also a catalog inconsistency', () => {
    const written = 'phone: "0000-66230000"';
    const copy = renewal
      .replace('id: id-card-renewal', 'id: id-card-renewal-2')
      .replace(written, 'phone: "0000 66230000"');
    expect(copy).not.toBe(renewal.replace('id: id-card-renewal', 'id: id-card-renewal-2'));
    const config = mergeLayers([
      {
        path: 'test',
        data: { rules: { 'policy/contact-format': 'warn', 'catalog/inconsistent-contact': 'warn' }, catalog: [] },
        locate: () => undefined,
      },
    ]);
    const results = lintTogether(
      [
        { filePath: 'id-card-renewal.md', text: renewal },
        { filePath: 'id-card-renewal-2.md', text: copy },
      ],
      { config },
    );
    expect(messages(results)).toEqual([
      'id-card-renewal-2.md 87:13 电话“0000 66230000”要写成“0000-66230000”：手机上才能点了直接拨打',
    ]);
  });
});

describe('a value of the wrong type (the guide model leaves it out)', () => {
  it('is reported once, by the schema rule, not also by the policy rule that reads the field', () => {
    const text = renewal.replace(/visits: 1\nvisits_reason: .*\n/, 'visits: 1.5\n');
    expect(text).not.toBe(renewal);
    const { messages } = lintBytes('guide.md', Buffer.from(text), { config: recommendedConfig() });
    const line = text.slice(0, text.indexOf('visits: 1.5')).split('\n').length;
    expect(
      messages.filter((message) => message.line === line).map(({ ruleId, column }) => ({ ruleId, column })),
    ).toEqual([{ ruleId: 'schema/type', column: 9 }]);
  });
});
