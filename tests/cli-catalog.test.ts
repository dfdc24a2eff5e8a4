/**
 * The catalog rules through the CLI: findings across guides, at exact positions, under each
 * guide's configuration and inline disables; the `catalog` setting that lets a subset of guides
 * be checked against the whole catalog; the cache; standard input; configuration errors.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { brief, expectNoStackTrace, lintJson, type JsonResult } from './cli-test-utils.js';

const CONFIG = 'baihua.config.yaml';

function edit(dir: string, path: string, from: string, to: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** Catalog findings per file (relative paths), other rules left out. */
function catalogFindings(results: JsonResult[], dir: string): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  for (const result of results) {
    const found = result.messages.filter((message) => message.ruleId.startsWith('catalog/')).map(brief);
    if (found.length) byFile[result.filePath.slice(dir.length + 1)] = found;
  }
  return byFile;
}

/**
 * The example catalog with five problems: a guide saved twice under the same id, a guide copied
 * under a new id, a related id misspelt, and an address changed in one guide only.
 */
function brokenCatalog(): string {
  const dir = scratch(guidesDir);
  writeFileSync(
    join(dir, '出入境/passport-again.md'),
    readFileSync(join(dir, '出入境/passport-application.md'), 'utf8').replace(
      'title: 首次申请普通护照',
      'title: 申请普通护照',
    ),
  );
  writeFileSync(
    join(dir, '民政/allowance-copy.md'),
    readFileSync(join(dir, '民政/minimum-living-allowance.md'), 'utf8').replace(
      'id: minimum-living-allowance',
      'id: minimum-living-allowance-copy',
    ),
  );
  edit(dir, '户籍/id-card-renewal.md', 'related: [passport-application,', 'related: [passport-aplication,');
  edit(
    dir,
    '医保/offsite-medical-filing.md',
    '    address: 青禾市东湖区人民路1号\n',
    '    address: 青禾市东湖区人民路10号\n',
  );
  return dir;
}

const PASSPORT_DUPLICATES = (other: string) => [
  `3:5 error catalog/duplicate-id 标识「passport-application」和 ${other} 重复：每份指南的标识要不同，请给其中一份换一个`,
  `5:10 error catalog/duplicate-code 基本编码「000110601000」和 ${other} 重复：同一件事只应有一份指南；不同地方实施的同一事项，请写上各自的实施编码（codes.implementation）`,
];

describe('catalog rules over a project', () => {
  let dir: string;
  let results: JsonResult[];
  let code: number;
  beforeAll(() => {
    dir = brokenCatalog();
    const linted = lintJson(['.'], { cwd: dir });
    results = linted.results;
    code = linted.run.code;
  });

  it('reports every problem on each guide concerned, at its place', () => {
    expect(code).toBe(1);
    expect(catalogFindings(results, dir)).toEqual({
      '出入境/passport-again.md': [
        ...PASSPORT_DUPLICATES('出入境/passport-application.md'),
        '6:8 warning catalog/near-duplicate 这份指南和 出入境/passport-application.md（首次申请普通护照）的文字约 100% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
      ],
      '出入境/passport-application.md': [
        ...PASSPORT_DUPLICATES('出入境/passport-again.md'),
        '6:8 warning catalog/near-duplicate 这份指南和 出入境/passport-again.md（申请普通护照）的文字约 100% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
      ],
      '医保/offsite-medical-filing.md': [
        '75:14 warning catalog/inconsistent-contact 「青禾市政务服务中心」的地址这里写的是“青禾市东湖区人民路10号”，别的指南写的是“青禾市东湖区人民路1号”（不动产/second-hand-house-transfer.md 等 3 份）：同一个地点各指南要写成一样，请核对后统一',
      ],
      '户籍/id-card-renewal.md': [
        '110:11 error catalog/broken-related 相关事项「passport-aplication」不存在：目录里没有这个标识的指南。是不是想写「passport-application」？',
      ],
      '民政/allowance-copy.md': [
        '5:10 error catalog/duplicate-code 基本编码「000116201000」和 民政/minimum-living-allowance.md 重复：同一件事只应有一份指南；不同地方实施的同一事项，请写上各自的实施编码（codes.implementation）',
        '6:8 warning catalog/near-duplicate 这份指南和 民政/minimum-living-allowance.md（最低生活保障申请）的文字约 100% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
      ],
      '民政/minimum-living-allowance.md': [
        '5:10 error catalog/duplicate-code 基本编码「000116201000」和 民政/allowance-copy.md 重复：同一件事只应有一份指南；不同地方实施的同一事项，请写上各自的实施编码（codes.implementation）',
        '6:8 warning catalog/near-duplicate 这份指南和 民政/allowance-copy.md（最低生活保障申请）的文字约 100% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
      ],
    });
  });

  it('counts catalog findings in each result', () => {
    const renewal = results.find((result) => result.filePath.endsWith('户籍/id-card-renewal.md'))!;
    expect(renewal.errorCount).toBe(1);
    expect(renewal.messages.map((message) => message.ruleId)).toEqual(['catalog/broken-related']);
  });
});

describe('the catalog setting', () => {
  it('checks one guide against the whole catalog and reports on that guide only', () => {
    const dir = brokenCatalog();
    const { run, results } = lintJson(['出入境/passport-again.md', '户籍/id-card-renewal.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(results.map((result) => result.filePath.slice(dir.length + 1))).toEqual([
      '出入境/passport-again.md',
      '户籍/id-card-renewal.md',
    ]);
    expect(catalogFindings(results, dir)['出入境/passport-again.md']!.slice(0, 2)).toEqual(
      PASSPORT_DUPLICATES('出入境/passport-application.md'),
    );
    expect(catalogFindings(results, dir)['户籍/id-card-renewal.md']).toHaveLength(1);
  });

  it('without it, only the guides linted together are compared and related ids are not checked', () => {
    const dir = brokenCatalog();
    edit(dir, CONFIG, "catalog: ['.']", '');
    const alone = lintJson(['户籍/id-card-renewal.md'], { cwd: dir });
    expect(alone.run.code).toBe(0);
    expect(catalogFindings(alone.results, dir)).toEqual({});
    const pair = lintJson(['出入境'], { cwd: dir });
    expect(catalogFindings(pair.results, dir)['出入境/passport-again.md']!.slice(0, 2)).toEqual(
      PASSPORT_DUPLICATES('出入境/passport-application.md'),
    );
  });

  it('an entry that matches nothing is a configuration error at its place', () => {
    const dir = scratch(guidesDir);
    edit(dir, CONFIG, "catalog: ['.']", 'catalog: [省级目录]');
    const run = runCli(['lint', '户籍/id-card-renewal.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toBe(`${join(dir, CONFIG)}:9:11: 配置错误：catalog 里的「省级目录」：找不到这个文件或目录\n`);
  });

  it('applies to a guide read from standard input', () => {
    const dir = scratch(guidesDir);
    const input = readFileSync(join(dir, '出入境/passport-application.md'), 'utf8');
    const run = runCli(['lint', '--stdin', '--stdin-filename', '出入境/new.md', '-f', 'json'], { cwd: dir, input });
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    expect(result!.messages.filter((message) => message.ruleId === 'catalog/duplicate-id').map(brief)).toEqual([
      '3:5 error catalog/duplicate-id 标识「passport-application」和 出入境/passport-application.md 重复：每份指南的标识要不同，请给其中一份换一个',
    ]);
  });
});

describe('catalog findings and the rest of the engine', () => {
  it('an inline directive suppresses a catalog finding on its line', () => {
    const dir = brokenCatalog();
    edit(
      dir,
      '出入境/passport-again.md',
      'title: 申请普通护照',
      'title: 申请普通护照 # baihua-disable-line catalog/near-duplicate -- 过渡期两份并存',
    );
    const { results } = lintJson(['出入境'], { cwd: dir });
    const again = results.find((result) => result.filePath.endsWith('passport-again.md'))!;
    expect(again.messages.map((message) => message.ruleId)).toEqual(['catalog/duplicate-id', 'catalog/duplicate-code']);
    expect(again.suppressedMessages.map((message) => message.ruleId)).toEqual(['catalog/near-duplicate']);
  });

  it('a rule switched off in a directory is off for the guides there only', () => {
    const dir = brokenCatalog();
    writeFileSync(join(dir, '民政', CONFIG), 'rules:\n  catalog/duplicate-code: off\n');
    const { results } = lintJson(['.'], { cwd: dir });
    const found = catalogFindings(results, dir);
    expect(found['民政/allowance-copy.md']!.map((line) => line.split(' ')[2])).toEqual(['catalog/near-duplicate']);
    expect(found['出入境/passport-again.md']!.map((line) => line.split(' ')[2])).toEqual([
      'catalog/duplicate-id',
      'catalog/duplicate-code',
      'catalog/near-duplicate',
    ]);
  });

  it('--cache keeps summaries, so an unchanged catalog reports the same, and a change is seen', () => {
    const dir = brokenCatalog();
    const cache = join(dir, '.baihuacache');
    const first = runCli(['lint', '.', '--cache', '-f', 'json', '--debug'], { cwd: dir });
    const second = runCli(['lint', '.', '--cache', '-f', 'json', '--debug'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    const results = JSON.parse(second.stdout) as Array<{ kind?: string }>;
    const journeys = results.filter((result) => result.kind === 'journey').length;
    const files = `${results.length - journeys} 份指南和 ${journeys} 件一件事`;
    expect([first.stderr, second.stderr]).toEqual([
      `baihua: 缓存命中 0/${results.length} 个文件（${files}，重新检查 ${results.length} 个）\n`,
      `baihua: 缓存命中 ${results.length}/${results.length} 个文件（${files}，重新检查 0 个）\n`,
    ]);
    rmSync(join(dir, '民政/allowance-copy.md'));
    const third = lintJson(['.', '--cache', '--cache-location', cache], { cwd: dir });
    expect(catalogFindings(third.results, dir)['民政/minimum-living-allowance.md']).toBeUndefined();
    expect(Object.keys(catalogFindings(third.results, dir))).toEqual([
      '出入境/passport-again.md',
      '出入境/passport-application.md',
      '医保/offsite-medical-filing.md',
      '户籍/id-card-renewal.md',
    ]);
  });
});
