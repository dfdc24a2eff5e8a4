import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnalyzedDocument, checkRule, inProcessSegmenter, PLAIN_RULE_IDS } from '@baihua/plain';
import { fixturesDir, repoRoot, runCli, scratch } from './helpers.js';
import type { JsonResult } from './cli-test-utils.js';

interface Labelled {
  text: string;
  rules: string[];
}

const sets = ['labelled.yaml', 'held-out.yaml'].flatMap(
  (name) => parse(readFileSync(join(fixturesDir, 'plain', name), 'utf8')) as Labelled[],
);

describe('plain-language findings through the CLI, one Markdown paragraph per sentence', () => {
  // One paragraph per line: sentence i is on line 2i + 1, blank lines between.
  const input = sets.map((entry) => entry.text).join('\n\n');
  const run = runCli(['lint', '--stdin', '--stdin-filename', 'x.md', '--format', 'json'], { input });
  const [result] = JSON.parse(run.stdout) as JsonResult[];
  // plain/readability is about the whole document (full of 公文腔, it is 难), not about a sentence.
  const plain = result!.messages.filter(
    (message) => message.ruleId.startsWith('plain/') && message.ruleId !== 'plain/readability',
  );
  const byLine = new Map<number, typeof plain>();
  for (const message of plain) byLine.set(message.line, [...(byLine.get(message.line) ?? []), message]);

  it('reports, line by line, exactly the rules the plain checker finds in each sentence', () => {
    // The checker's accuracy against the labels is measured in packages/plain/test/labelled.test.ts;
    // here the CLI must agree with it on every sentence (jargon counts first uses per document,
    // so it is compared on its own below).
    const disagreements = sets.flatMap((entry, index) => {
      const doc = new AnalyzedDocument([entry.text], inProcessSegmenter);
      const expected = PLAIN_RULE_IDS.filter((rule) => rule !== 'plain/jargon' && checkRule(doc, rule)[0]!.length > 0);
      const actual = [...new Set((byLine.get(2 * index + 1) ?? []).map((message) => message.ruleId))]
        .filter((rule) => rule !== 'plain/jargon')
        .sort();
      return JSON.stringify(actual) === JSON.stringify([...expected].sort())
        ? []
        : [`line ${2 * index + 1}: ${actual} vs ${expected} ${entry.text}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('flags the sentences the issue names and leaves its traps alone', () => {
    const bureaucratic = [
      '申请人须携带相关材料于规定时限内前来办理。',
      '兹证明该同志系我单位职工。',
      '届时逾期未办理的，视为自动放弃。',
      '凡符合条件者均可凭身份证于受理之日起申请。',
      '如遇节假日，若材料不全，上述人员务必携带原件前来补正。',
      '我局高度重视，确保落到实处，进一步优化服务。',
      '现将有关事项通知如下，特制定本指南。',
      '窗口进行审核后予以受理，不予受理的加以说明。',
      '经区政府批准，由窗口进行核验，材料被退回的请补正。',
      '请向相关部门提交相关材料，按照有关规定在规定时限内到指定地点办理，详见相关文件。',
      '我们会及时处理，尽快答复，结果另行通知，视情况而定，原则上一般情况下特殊情况除外，以最新通知为准。',
      '其他材料；其他相关材料；有关部门要求的其他材料。',
      '申请人、申报人、办事人员、办事群众、经办人、持证人、当事人都要签字。',
      '不是不能办，未经批准不得变更，非本人不可代领。',
    ];
    const plainText = [
      '请联系窗口，系统会发短信告诉您。',
      '您必须本人到场。',
      '非营业时间不接待。',
      '未婚的请带上户口簿。',
      '没有房产也可以申请。',
    ];
    // One paragraph per line; every bureaucratic line has a finding, no plain line has one.
    const all = [...bureaucratic, ...plainText];
    const [only] = JSON.parse(
      runCli(['lint', '--stdin', '--stdin-filename', 'x.md', '--format', 'json'], { input: all.join('\n\n') }).stdout,
    ) as JsonResult[];
    const lines = new Set(
      only!.messages.filter((message) => message.ruleId.startsWith('plain/')).map((message) => message.line),
    );
    expect(all.filter((_text, index) => lines.has(2 * index + 1) !== index < bureaucratic.length)).toEqual([]);
  });

  it('places each finding on the words it quotes', () => {
    for (const message of plain) {
      const quoted = /^「([^」]+)」/.exec(message.message)?.[1];
      if (!quoted || message.endLine !== message.line) continue;
      const line = sets[(message.line - 1) / 2]!.text;
      expect(line.slice(message.column - 1, message.endColumn - 1), message.message).toBe(quoted);
    }
    expect(plain.length).toBeGreaterThan(400);
  });

  it('places a known sentence exactly', () => {
    const text = '申请人须携带相关材料于规定时限内前来办理。';
    const one = runCli(['lint', '--stdin', '--stdin-filename', 'x.md', '--format', 'json'], { input: text });
    const [only] = JSON.parse(one.stdout) as JsonResult[];
    expect(
      only!.messages
        .filter((message) => message.ruleId.startsWith('plain/'))
        .map((message) => `${message.column}-${message.endColumn} ${message.ruleId}`),
    ).toEqual([
      '1-4 plain/third-person',
      '4-5 plain/classical-word',
      '5-7 plain/classical-word',
      '7-11 plain/vague-reference',
      '11-12 plain/classical-word',
      '12-16 plain/vague-reference',
      '17-19 plain/classical-word',
    ]);
  });
});

describe('plain-language findings in a guide', () => {
  const guide = readFileSync(join(repoRoot, 'guides/户籍/id-card-renewal.md'), 'utf8');
  const bureaucratic = guide
    .replace('  - 您的身份证有效期还剩不到3个月，或已经过期。', '  - 申请人的身份证有效期还剩不到3个月，或已经过期。')
    .replace('窗口现场免费拍照，照片背景是白色。', '窗口会对材料进行审核，请您务必带齐相关材料。');

  it('reports fields and body at their line and column, fixes what is safe, suggests the rest', () => {
    expect(bureaucratic).not.toBe(guide);
    const dir = scratch();
    const file = join(dir, 'guide.md');
    writeFileSync(file, bureaucratic);
    const lines = bureaucratic.split('\n');
    const at = (needle: string) => {
      const line = lines.findIndex((text) => text.includes(needle));
      return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
    };
    const run = runCli(['lint', file, '--format', 'json']);
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    const found = result!.messages.map(
      (message) =>
        `${message.line}:${message.column} ${message.ruleId}${message.fix ? ` fix→${message.fix.text}` : ''}${message.suggestions ? ` suggest→${message.suggestions.map((s) => s.fix.text).join('|')}` : ''}`,
    );
    expect(found).toEqual([
      `${at('申请人的')} plain/third-person suggest→您`,
      `${at('进行审核')} plain/nominalization fix→审核`,
      `${at('务必')} plain/classical-word suggest→一定`,
      `${at('相关材料')} plain/vague-reference`,
    ]);
    expect(run.code).toBe(0);
    expect(result!.stats!.readability.sections.map((section) => section.title)[0]).toBe('字段');

    const fixed = runCli(['lint', file, '--fix', '--format', 'json']);
    expect(readFileSync(file, 'utf8')).toBe(bureaucratic.replace('进行审核', '审核'));
    const [after] = JSON.parse(fixed.stdout) as JsonResult[];
    expect(after!.messages.map((message) => message.ruleId)).toEqual([
      'plain/third-person',
      'plain/classical-word',
      'plain/vague-reference',
    ]);
  });

  it('shows plain-language fixes and suggestions in SARIF', () => {
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'x.md', '--format', 'sarif'], {
      input: '---\nid: x\n---\n\n窗口会对材料进行审核。\n',
    });
    const results = JSON.parse(run.stdout).runs[0].results as Array<{
      ruleId: string;
      fixes?: Array<{ description: { text: string } }>;
    }>;
    const nominalization = results.find((result) => result.ruleId === 'plain/nominalization')!;
    expect(nominalization.fixes!.map((fix) => fix.description.text)).toEqual(['自动修复（baihua lint --fix 会应用）']);
  });
});

describe('baihua stats', () => {
  it('prints each guide’s score, band and component ratios', () => {
    const run = runCli(['stats', 'guides/户籍', '--sections']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^文件\s+易读分\s+等级\s+句长\s+长句\s+难词\s+生僻字\s+公文腔$/);
    expect(lines[1]).toMatch(/^guides\/户籍\/id-card-renewal\.md\s+\d+\s+(易读|一般|较难|难)(\s+\d+\.\d\d×){5}$/);
    expect(lines[2]).toMatch(/^ {2}字段\s+\d+/);
  });

  it('gives the same numbers as lint --format json', () => {
    const stats = JSON.parse(runCli(['stats', 'guides/户籍', '--format', 'json']).stdout) as Array<{
      readability: unknown;
    }>;
    const [lint] = JSON.parse(runCli(['lint', 'guides/户籍', '--format', 'json']).stdout) as JsonResult[];
    expect(stats[0]!.readability).toEqual(lint!.stats!.readability);
  });
});

describe('readability of whole guides', () => {
  it('keeps every example guide 易读', () => {
    const stats = JSON.parse(runCli(['stats', 'guides', '--format', 'json']).stdout) as Array<{
      filePath: string;
      readability: { score: number | null; band: string };
    }>;
    expect(stats).toHaveLength(23); // 21 guides and 2 journeys
    const notEasy = stats.filter((guide) => guide.readability.score === null || guide.readability.score < 70);
    expect(notEasy.map((guide) => `${guide.filePath} ${guide.readability.score}`)).toEqual([]);
    expect(stats.every((guide) => guide.readability.band === '易读')).toBe(true);
  });

  it('does not call a guide in 公文腔 easy, however short its sentences and common its words', () => {
    const file = join(fixturesDir, 'readability', 'officialese-guide.md');
    const [stats] = JSON.parse(runCli(['stats', file, '--format', 'json']).stdout) as Array<{
      readability: { score: number; band: string; components: Array<{ id: string; ratio: number }> };
    }>;
    const ratio = (id: string) => stats!.readability.components.find((component) => component.id === id)!.ratio;
    // Sentences shorter than the target, words commoner than the target: only the wording is wrong.
    expect([ratio('S1'), ratio('S2'), ratio('L1'), ratio('L2')].every((value) => value < 1)).toBe(true);
    expect(ratio('B')).toBeGreaterThan(5);
    expect(stats!.readability.score).toBeLessThan(70);
    expect(stats!.readability.band).toBe('难');
    const [lint] = JSON.parse(runCli(['lint', file, '--format', 'json']).stdout) as JsonResult[];
    expect(lint!.messages.filter((message) => message.ruleId === 'plain/readability')).toMatchObject([
      {
        line: 7,
        column: 8,
        message: expect.stringMatching(/^这份指南的易读分是 0（难），低于目标 50 分。公文腔（每百字）/),
      },
    ]);
  });

  it('gives no score to a guide with no prose: an empty body, or only a few fields', () => {
    const dir = scratch(join(repoRoot, 'guides'));
    writeFileSync(join(dir, 'empty.md'), '---\nid: empty-guide\ntitle: 换领居民身份证\n---\n');
    writeFileSync(
      join(dir, 'fields-only.md'),
      '---\nid: fields-only\ntitle: 换领居民身份证\nsummary: 身份证快到期或已经过期，可以到户政窗口换新证。\n' +
        'conditions:\n  - 您的身份证有效期还剩不到3个月，或已经过期。\n---\n',
    );
    const stats = runCli(['stats', 'empty.md', 'fields-only.md'], { cwd: dir });
    expect(stats.stdout).toBe(
      [
        '文件            易读分  等级      句长  长句  难词  生僻字  公文腔',
        'empty.md             —  无法评分     —     —     —       —       —',
        'fields-only.md       —  无法评分     —     —     —       —       —',
        '',
        '2 份指南都不到 200 个汉字，无法评分。各项是与目标的比值：句长目标 25 字，长句目标 40 字，难词目标每百词 8 个，' +
          '生僻字目标每百字 0.5 个，公文腔目标每百字 1 个；1.00× 以上比目标难。',
        '',
      ].join('\n'),
    );
    expect(stats.code).toBe(0);
    const mixed = runCli(['stats', 'empty.md', '户籍'], { cwd: dir });
    expect(mixed.stdout.split('\n').at(-2)).toMatch(/^3 份指南，平均易读分 \d+（1 份不到 200 个汉字，无法评分）。/);

    const lint = runCli(['lint', 'empty.md', 'fields-only.md', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(lint.stdout) as JsonResult[];
    expect(results.map((result) => result.stats!.readability)).toMatchObject([
      // the title is prose (x-prose): its section, too short to score
      { scored: false, score: null, band: '无法评分', sections: [{ title: '字段', scored: false, characters: 7 }] },
      { scored: false, score: null, band: '无法评分' },
    ]);
    const messages = results.flatMap((result) => result.messages);
    expect(messages.filter((message) => message.ruleId === 'plain/readability')).toEqual([]);
    // The stylish report says nothing about readability when no guide has a score.
    expect(runCli(['lint', 'empty.md'], { cwd: dir }).stdout).not.toContain('易读分');
  });
});

describe('--cache', () => {
  it('stores findings, re-lints only what changed, and reports the same thing from the cache', () => {
    const dir = scratch(join(repoRoot, 'guides'));
    const cache = join(dir, '.baihuacache');
    rmSync(cache, { force: true });
    const first = runCli(['lint', '.', '--cache', '--format', 'json', '--debug'], { cwd: dir });
    expect(first.stderr).toBe('baihua: 缓存命中 0/23 个文件（21 份指南和 2 件一件事，重新检查 23 个）\n');
    expect(existsSync(cache)).toBe(true);
    const second = runCli(['lint', '.', '--cache', '--format', 'json', '--debug'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    // An unchanged catalog is answered from the cache whole: no guide is parsed or checked again.
    expect(second.stderr).toBe('baihua: 缓存命中 23/23 个文件（21 份指南和 2 件一件事，重新检查 0 个）\n');
    const target = join(dir, '户籍/id-card-renewal.md');
    const before = readFileSync(target, 'utf8');
    writeFileSync(target, before.replace('窗口现场免费拍照，照片背景是白色。', '请尽快办理。'));
    expect(readFileSync(target, 'utf8')).not.toBe(before);
    const third = runCli(['lint', '.', '--cache', '--format', 'json', '--debug'], { cwd: dir });
    expect(third.stderr).toBe('baihua: 缓存命中 22/23 个文件（21 份指南和 2 件一件事，重新检查 1 个）\n');
    const changed = (JSON.parse(third.stdout) as JsonResult[]).find((result) => result.filePath === target)!;
    expect(changed.messages.map((message) => message.ruleId)).toEqual(['plain/vague-time']);
  }, 120_000);
});
