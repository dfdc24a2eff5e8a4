/**
 * Journeys (一件事) through `baihua lint`: a file in a `journeys` folder is checked against the
 * journey schema with the same Chinese messages as a guide, its prose by the plain-language rules,
 * and not by the rules about a guide's fields; the journey rules plan it against the catalog's
 * guides. The fixture is a small catalog of the services around a birth (tests/fixtures/journeys).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, runCli, scratch } from './helpers.js';
import { brief, lintJson, type JsonResult } from './cli-test-utils.js';

const catalog = join(fixturesDir, 'journeys');

/** Findings per file (paths from the catalog), files without findings left out. */
function findings(results: JsonResult[], dir: string): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  for (const result of results) {
    if (result.messages.length) byFile[result.filePath.slice(dir.length + 1)] = result.messages.map(brief);
  }
  return byFile;
}

describe('baihua lint on journeys', () => {
  it('checks each journey against the journey schema and its prose, and marks its result as a journey', () => {
    const { run, results } = lintJson(['.'], { cwd: catalog });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(results.map((result) => [result.filePath.slice(catalog.length + 1), result.kind ?? 'guide'])).toEqual([
      ['guides/birth-medical-certificate.md', 'guide'],
      ['guides/newborn-household-registration.md', 'guide'],
      ['guides/newborn-medical-insurance.md', 'guide'],
      ['guides/social-security-card.md', 'guide'],
      ['guides/vaccination-certificate-community.md', 'guide'],
      ['guides/vaccination-certificate-hospital.md', 'guide'],
      ['journeys/newborn-typo.md', 'journey'],
      ['journeys/newborn-wrong-order.md', 'journey'],
      ['journeys/newborn.md', 'journey'],
    ]);
    expect(findings(results, catalog)).toEqual(EXPECTED_FINDINGS);
  });

  it('checks a journey against the catalog its configuration names, also when linted alone', () => {
    const { results } = lintJson(['journeys/newborn-typo.md'], { cwd: catalog });
    expect(findings(results, catalog)).toEqual({
      'journeys/newborn-typo.md': EXPECTED_FINDINGS['journeys/newborn-typo.md'],
    });
  });

  it('leaves the guide ids of the steps unjudged when the catalog is only the files linted', () => {
    const dir = scratch(catalog);
    writeFileSync(join(dir, 'baihua.config.yaml'), 'root: true\nextends: [recommended]\nrules:\n  policy/stale: off\n');
    const { results } = lintJson(['journeys/newborn-typo.md'], { cwd: dir });
    expect(findings(results, dir)).toEqual({});
  });

  it('checks a journey without a target against the options of journey/over-target, naming what adds up', () => {
    const dir = scratch(catalog);
    writeFileSync(
      join(dir, 'baihua.config.yaml'),
      'root: true\nextends: [recommended]\ncatalog: [.]\nrules:\n  policy/stale: off\n  journey/over-target: [warn, { visits: 3, days: 20, fee: 300 }]\n',
    );
    const journey = join(dir, 'journeys/newborn.md');
    writeFileSync(journey, readFileSync(journey, 'utf8').replace('target: { visits: 4, days: 30 }\n', ''));
    const { results } = lintJson(['journeys/newborn.md'], { cwd: dir });
    expect(findings(results, dir)).toEqual({
      'journeys/newborn.md': [
        '4:8 warning journey/over-target 这件事最多要跑 4 次，超过了目标 3 次：「出生医学证明首次签发」1 次、「新生儿出生登记」1 次、「在出生医院办理预防接种证」或「在社区卫生服务中心办理预防接种证」1 次、「新生儿城乡居民医保参保登记」1 次、「社会保障卡首次申领」1 次，其中「新生儿城乡居民医保参保登记」和「社会保障卡首次申领」在东湖区政务服务中心 8号窗口一次办',
        '4:8 warning journey/over-target 这件事最长要 26 天（自然日），超过了目标 20 天：「出生医学证明首次签发」3个工作日、「在社区卫生服务中心办理预防接种证」5个工作日、「社会保障卡首次申领」10个工作日',
        '4:8 warning journey/over-target 这件事最多要交 380 元，超过了目标 300 元：「新生儿城乡居民医保参保登记」380 元',
      ],
    });
  });

  it('leaves journeys out of the catalog report, which measures guides', () => {
    const dir = scratch(catalog);
    const run = runCli(['report', '.', '--out', 'report'], { cwd: dir });
    expect(run.stdout).toBe(
      `✔ 报告：6 份指南，错误 0 个，警告 0 个 → ${join('report', 'index.html')}、${join('report', 'report.json')}\n`,
    );
    const report = JSON.parse(readFileSync(join(dir, 'report/report.json'), 'utf8')) as { worklist: unknown[] };
    expect(report.worklist).toEqual([]);
  });

  it('counts guides and journeys apart when nothing is found, and as before without journeys', () => {
    const both = runCli(['lint', 'guides', 'journeys/newborn.md'], { cwd: catalog });
    expect(both.report).toBe('✔ 检查了 6 份指南和 1 件一件事，没有发现问题\n');
    expect(both.code).toBe(0);
    expect(runCli(['lint', 'journeys/newborn.md'], { cwd: catalog }).report).toBe(
      '✔ 检查了 1 件一件事，没有发现问题\n',
    );
    expect(runCli(['lint', 'guides'], { cwd: catalog }).report).toBe('✔ 检查了 6 份指南，没有发现问题\n');
  });

  it('lints a journey from standard input by the name it is given, against the catalog on disk', () => {
    const text = readFileSync(join(catalog, 'journeys/newborn.md'), 'utf8')
      .replace('title: 新生儿出生一件事', '一件事名称: 新生儿出生一件事')
      .replace('办出生医学证明\n', '办出生医学证明,\n');
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'journeys/new.md', '-f', 'json', '--fix-dry-run'], {
      cwd: catalog,
      input: text,
    });
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    expect(result!.kind).toBe('journey');
    expect(result!.messages.map(brief)).toEqual([
      '3:1 error schema/required 缺少必填字段「一件事名称」(title)',
      // Journeys have their own ids: this one is the id of the journey on disk, not of a guide.
      '3:5 error catalog/duplicate-id 一件事的标识「newborn」和 journeys/newborn.md 重复：每件一件事的标识要不同，请给其中一件换一个',
      '4:1 warning schema/unknown-key 一件事里没有「一件事名称」这个字段，是不是想写「title」（一件事名称）？',
    ]);
    expect(result!.output).toBe(text.replace('办出生医学证明,\n', '办出生医学证明，\n'));
  });

  it('answers an unchanged journey from the cache, with the same findings', () => {
    const dir = scratch(catalog);
    const first = lintJson(['.', '--cache', '--debug'], { cwd: dir });
    const second = lintJson(['.', '--cache', '--debug'], { cwd: dir });
    expect(first.run.stderr).toBe('baihua: 缓存命中 0/9 个文件（6 份指南和 3 件一件事，重新检查 9 个）\n');
    expect(second.run.stderr).toBe('baihua: 缓存命中 9/9 个文件（6 份指南和 3 件一件事，重新检查 0 个）\n');
    expect(findings(second.results, dir)).toEqual(findings(first.results, dir));
    expect(second.results.filter((result) => result.kind === 'journey')).toHaveLength(3);
    // A guide the journeys name changes: the journeys' findings follow, though their files did not.
    const guide = join(dir, 'guides/newborn-household-registration.md');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('新生儿出生医学证明', '出生医学证明'));
    const third = lintJson(['.', '--cache', '--debug'], { cwd: dir });
    expect(third.run.stderr).toBe('baihua: 缓存命中 8/9 个文件（6 份指南和 3 件一件事，重新检查 1 个）\n');
    expect(
      findings(third.results, dir)['journeys/newborn-wrong-order.md']!.filter((found) => found.includes('journey/')),
    ).toEqual([
      '8:14 error journey/needs-later-result 「新生儿出生登记」要的「出生医学证明」要等第 2 步「办出生医学证明」的「出生医学证明首次签发」办出来，可那一步排在后面：请把这一步移到第 2 步「办出生医学证明」之后',
      '16:12 warning journey/unused-name 「新生儿出生医学证明」没有哪项服务用到：这件事的指南里没有叫这个名字的材料或办理结果。请照指南里的写法改正，或删去',
      '16:23 warning journey/unused-name 「出生证」没有哪项服务用到：这件事的指南里没有叫这个名字的材料或办理结果。请照指南里的写法改正，或删去',
      '17:19 warning journey/over-target 这件事最多要跑 3 次，超过了目标 1 次：「新生儿出生登记」1 次、「出生医学证明首次签发」1 次、「新生儿城乡居民医保参保登记」1 次',
    ]);
  });
});

const EXPECTED_FINDINGS: Record<string, string[]> = {
  'journeys/newborn-typo.md': [
    '10:14 error journey/missing-guide 第 1 步「办社保卡」要办的「social-security-crad」不存在：目录里没有这个标识的指南。是不是想写「social-security-card」？',
  ],
  'journeys/newborn-wrong-order.md': [
    '8:14 error journey/needs-later-result 「新生儿出生登记」要的「新生儿出生医学证明」要等第 2 步「办出生医学证明」的「出生医学证明首次签发」办出来，可那一步排在后面：请把这一步移到第 2 步「办出生医学证明」之后',
    '13:12 error schema/enum 步骤「参加医保」的几项怎么办(logic)只能是 全部、任选一项 之一，现在是“任选一个”。是不是想写“任选一项”？',
    '16:23 warning journey/unused-name 「出生证」没有哪项服务用到：这件事的指南里没有叫这个名字的材料或办理结果。请照指南里的写法改正，或删去',
    '17:19 warning journey/over-target 这件事最多要跑 3 次，超过了目标 1 次：「新生儿出生登记」1 次、「出生医学证明首次签发」1 次、「新生儿城乡居民医保参保登记」1 次',
    '23:8 warning plain/classical-word 「须」是文言或公文用词，群众读着费劲：改为「需要」或「请」',
  ],
};
