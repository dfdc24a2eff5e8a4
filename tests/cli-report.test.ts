/**
 * `baihua report`: its numbers are those of `baihua lint --format json` on the same files (worked
 * out here from the JSON, never written down), `--history` follows the commits of a repository,
 * and `--out` is guarded as `baihua build` guards it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CatalogReport } from '@baihua/render';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, lintJson, YAML, type JsonResult } from './cli-test-utils.js';
import { guidesDir, runCli, scratch } from './helpers.js';
import { catalogWithProblems, editGuide } from './report-helpers.js';

const readReport = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CatalogReport;

const mean = (values: number[]) =>
  values.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : null;

const scoreOf = (result: JsonResult) => (result.stats?.readability.scored ? result.stats.readability.score : null);

/** The guides of lint's JSON: the report measures guides, not journeys. */
const guidesOf = (results: JsonResult[]) => results.filter((result) => result.kind !== 'journey');

/** The headline numbers as lint's JSON gives them. */
function headline(results: JsonResult[]) {
  return {
    guides: results.length,
    errors: results.reduce((sum, result) => sum + result.errorCount, 0),
    warnings: results.reduce((sum, result) => sum + result.warningCount, 0),
    guidesWithErrors: results.filter((result) => result.errorCount > 0).length,
    meanScore: mean(results.flatMap((result) => scoreOf(result) ?? [])),
  };
}

/** A guide's fields, read from its file (the JSON has findings, not fields). */
function fieldsOf(filePath: string): Record<string, unknown> {
  const text = readFileSync(filePath, 'utf8');
  return YAML.parse(filePath.endsWith('.md') ? text.split(/^---$/m)[1]! : text) as Record<string, unknown>;
}

const guidesWith = (results: JsonResult[], ruleId: string) =>
  results.filter((result) => result.messages.some((message) => message.ruleId === ruleId)).length;

/** Every number of the report that lint's JSON (and the guides' own fields) give, worked out here. */
function expectSameNumbers(report: CatalogReport, results: JsonResult[], cwd: string): void {
  expect(report.headline).toEqual(headline(results));
  const bands = results.map((result) => result.stats?.readability.band ?? '无法评分');
  expect(report.grades).toEqual(
    ['易读', '一般', '较难', '难', '无法评分'].map((name) => ({
      name,
      guides: bands.filter((band) => band === name).length,
    })),
  );
  const messages = results.flatMap((result) => result.messages.map((message) => ({ result, message })));
  const ruleIds = [...new Set(messages.map(({ message }) => message.ruleId))].sort();
  expect(
    report.rules
      .map(({ ruleId, errors, warnings, guides }) => ({ ruleId, errors, warnings, guides }))
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
  ).toEqual(
    ruleIds.map((ruleId) => {
      const found = messages.filter(({ message }) => message.ruleId === ruleId);
      return {
        ruleId,
        errors: found.filter(({ message }) => message.severity === 2).length,
        warnings: found.filter(({ message }) => message.severity === 1).length,
        guides: new Set(found.map(({ result }) => result)).size,
      };
    }),
  );
  const byDepartment = new Map<string, JsonResult[]>();
  const byCategory = new Map<string, JsonResult[]>();
  for (const result of results) {
    const fields = fieldsOf(result.filePath);
    const add = (map: Map<string, JsonResult[]>, key: string) => map.set(key, [...(map.get(key) ?? []), result]);
    add(byDepartment, (fields.department as string | undefined) ?? '（未写实施主体）');
    add(byCategory, (fields.category as string | undefined) ?? '（未分类）');
  }
  const groups = (map: Map<string, JsonResult[]>) =>
    [...map]
      .map(([name, members]) => {
        const { guides, errors, warnings, meanScore } = headline(members);
        return { name, guides, errors, warnings, meanScore };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  const sorted = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  expect(sorted(report.departments)).toEqual(groups(byDepartment));
  expect(sorted(report.categories)).toEqual(groups(byCategory));

  const { evaluation } = report;
  expect(evaluation.time.exceeding).toBe(guidesWith(results, 'policy/promised-exceeds-statutory'));
  expect(evaluation.visits.tooMany).toBe(guidesWith(results, 'policy/too-many-visits'));
  expect(evaluation.stale.stale).toBe(guidesWith(results, 'policy/stale'));
  expect(evaluation.cancelled.guides).toBe(guidesWith(results, 'policy/cancelled-certificate'));
  // Each required field lint says is missing is missing in the report as often.
  for (const field of evaluation.completeness.fields) {
    const missing = messages.filter(
      ({ message }) => message.ruleId === 'schema/required' && message.message.endsWith(`(${field.field})`),
    ).length;
    expect([field.field, field.missing, field.present]).toEqual([field.field, missing, results.length - missing]);
  }
  const visits = results.map((result) => fieldsOf(result.filePath).visits as number | undefined);
  expect(evaluation.visits.counts).toEqual([
    { name: '0 次', guides: visits.filter((count) => count === 0).length },
    { name: '1 次', guides: visits.filter((count) => count === 1).length },
    { name: '2 次及以上', guides: visits.filter((count) => count !== undefined && count >= 2).length },
    { name: '没写', guides: visits.filter((count) => count === undefined).length },
  ]);

  const online = results.map(
    (result) => (fieldsOf(result.filePath).online as { level?: string } | undefined)?.level ?? '没写',
  );
  expect(
    evaluation.visits.online.filter((count) => count.guides > 0).sort((a, b) => a.name.localeCompare(b.name)),
  ).toEqual(
    [...new Set(online)]
      .sort((a, b) => a.localeCompare(b))
      .map((name) => ({ name, guides: online.filter((level) => level === name).length })),
  );
  type Limit = { days?: number; unit?: string; months?: number };
  const limits = results.map(
    (result) => fieldsOf(result.filePath).time_limit as { promised?: Limit; statutory?: Limit } | undefined,
  );
  const whole = (limit: Limit | undefined) =>
    limit !== undefined && (limit.months !== undefined || (limit.days !== undefined && limit.unit !== undefined));
  const timed = limits.filter((limit) => whole(limit?.promised) && whole(limit?.statutory));
  expect([evaluation.time.withBoth, evaluation.time.instant]).toEqual([
    timed.length,
    timed.filter((limit) => limit!.promised!.days === 0).length,
  ]);

  // The work list: errors, then warnings, then the lower score first, then the path.
  const needingWork = results
    .filter((result) => result.messages.length > 0 || (scoreOf(result) ?? 70) < 70)
    .sort(
      (a, b) =>
        b.errorCount - a.errorCount ||
        b.warningCount - a.warningCount ||
        (scoreOf(a) ?? Infinity) - (scoreOf(b) ?? Infinity) ||
        relative(cwd, a.filePath).localeCompare(relative(cwd, b.filePath)),
    );
  expect(report.worklist.map((item) => [item.path, item.errors, item.warnings, item.score])).toEqual(
    needingWork.map((result) => [
      relative(cwd, result.filePath),
      result.errorCount,
      result.warningCount,
      scoreOf(result),
    ]),
  );
  for (const item of report.worklist) {
    const result = results.find((candidate) => relative(cwd, candidate.filePath) === item.path)!;
    const first = result.messages.find((message) => message.ruleId === item.top[0]?.ruleId);
    expect(item.top[0] && [item.top[0].line, item.top[0].message]).toEqual(first && [first.line, first.message]);
  }
}

describe('baihua report', () => {
  it('the report of guides/ renders, with the numbers of baihua lint --format json', () => {
    const dir = scratch();
    const run = runCli(['report', guidesDir, '--out', join(dir, 'report')], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const results = guidesOf(lintJson([guidesDir], { cwd: dir }).results);
    const report = readReport(join(dir, 'report'));
    expectSameNumbers(report, results, dir);
    expect(run.stdout).toBe(
      `✔ 报告：${results.length} 份指南，错误 0 个，警告 0 个 → ${join(dir, 'report/index.html')}、${join(dir, 'report/report.json')}\n`,
    );
    // The site's identity names the report; the page is in Chinese and asks for nothing outside itself.
    expect(report.title).toBe('青禾市政务服务网');
    const html = readFileSync(join(dir, 'report/index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>青禾市政务服务网：指南质量报告</title>');
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//);
    expect(html).not.toMatch(/<link\b|<img\b|@import|url\(/);
  });

  it('counts each problem the national evaluation looks at, as lint finds them', () => {
    const dir = scratch();
    const guides = catalogWithProblems(dir);
    const run = runCli(['report', 'guides', '--out', 'report'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const results = guidesOf(lintJson(['guides'], { cwd: dir }).results);
    const report = readReport(join(dir, 'report'));
    expectSameNumbers(report, results, dir);
    expect(report.headline).toMatchObject({ errors: 4, warnings: 1, guidesWithErrors: 4 });
    expect(report.evaluation.cancelled.certificates).toEqual([{ name: '居住证明', guides: 1 }]);
    expect(report.evaluation.completeness.complete).toBe(results.length - 1);
    expect(report.worklist.map((item) => item.path)).toEqual([
      'guides/医保/offsite-medical-filing.md',
      'guides/出入境/passport-application.md',
      'guides/教育/primary-school-enrollment.md',
      'guides/民政/minimum-living-allowance.md',
    ]);
    expect(report.worklist[0]!.top.map((problem) => `${problem.line} ${problem.ruleId} × ${problem.count}`)).toEqual([
      '39 policy/cancelled-certificate × 1',
      '110 policy/stale × 1',
    ]);
    expect(existsSync(guides)).toBe(true);
  });

  it('writes what guides say as text, never as markup', () => {
    const dir = scratch();
    const guides = catalogWithProblems(dir);
    editGuide(guides, '出入境/passport-application.md', /^title: .*$/m, 'title: "<script>alert(1)</script>护照"');
    editGuide(
      guides,
      '出入境/passport-application.md',
      /^department: .*$/m,
      'department: "出入境</title><img src=x onerror=alert(2)>"',
    );
    const run = runCli(['report', 'guides', '--out', 'report'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const html = readFileSync(join(dir, 'report/index.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;护照');
    expect(html).toContain('出入境&lt;/title&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
  });

  it('answers from the lint cache as lint does, with the same numbers', () => {
    const dir = scratch();
    catalogWithProblems(dir);
    const first = runCli(['report', 'guides', '--out', 'report', '--cache'], { cwd: dir });
    expect(first.code).toBe(0);
    const cold = readReport(join(dir, 'report'));
    const again = runCli(['report', 'guides', '--out', 'report', '--cache'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readReport(join(dir, 'report'))).toEqual(cold);
  });
});

/** Runs git in a test repository, as a fixed author. */
function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  ).trim();
}

describe('baihua report --history', () => {
  it('gives each of the last N commits the numbers lint gives its guides, oldest first', () => {
    const dir = scratch();
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'README.md'), '# 指南\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', '开始');
    const expected: Array<{ commit: string; subject: string } & ReturnType<typeof headline>> = [];
    const commit = (subject: string) => {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', subject);
      expected.push({
        commit: git(dir, 'rev-parse', 'HEAD'),
        subject,
        ...headline(guidesOf(lintJson(['guides'], { cwd: dir }).results)),
      });
    };
    cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
    commit('加入示例指南');
    editGuide(join(dir, 'guides'), '出入境/passport-application.md', 'promised: { days: 7,', 'promised: { days: 20,');
    editGuide(join(dir, 'guides'), '民政/minimum-living-allowance.md', /^summary: .*\n/m, '');
    commit('护照的承诺时限改长了');
    editGuide(join(dir, 'guides'), '出入境/passport-application.md', 'promised: { days: 20,', 'promised: { days: 7,');
    editGuide(join(dir, 'guides'), '医保/offsite-medical-filing.md', 'reviewed: 2026-07-20', 'reviewed: 2023-01-01');
    commit('改回护照的时限');
    expect(expected.map((point) => [point.errors, point.warnings])).toEqual([
      [0, 0],
      [2, 0],
      [1, 1],
    ]);

    const run = runCli(['report', 'guides', '--history', '3', '--out', 'report'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const history = readReport(join(dir, 'report')).history!;
    expect(history.map(({ date: _date, ...point }) => point)).toEqual(expected);
    expect(history.every((point) => /^\d{4}-\d{2}-\d{2}$/.test(point.date))).toBe(true);
    expect(readFileSync(join(dir, 'report/index.html'), 'utf8')).toContain('最近 3 次提交的变化');

    // With --cache, the history starts from a copy of the run's cache: the same numbers, and the
    // user's cache holds this folder's guides only, none of the commits' extracted trees.
    const cached = runCli(['report', 'guides', '--history', '3', '--cache', '--out', 'report'], { cwd: dir });
    expect([cached.code, cached.stderr]).toEqual([0, '']);
    expect(readReport(join(dir, 'report')).history!.map(({ date: _date, ...point }) => point)).toEqual(expected);
    const cacheEntries = Object.keys(
      (JSON.parse(readFileSync(join(dir, '.baihuacache'), 'utf8')) as { entries: object }).entries,
    );
    expect(cacheEntries).toHaveLength(23); // 21 guides and 2 journeys
    expect(cacheEntries.every((path) => path.startsWith(join(dir, 'guides')))).toBe(true);

    // More commits asked for than there are: every commit, the first without guides.
    const all = runCli(['report', 'guides', '--history', '10', '--out', 'report'], { cwd: dir });
    expect(all.code).toBe(0);
    const points = readReport(join(dir, 'report')).history!;
    expect(points.map((point) => [point.subject, point.guides, point.errors])).toEqual([
      ['开始', 0, 0],
      ...expected.map((point) => [point.subject, point.guides, point.errors]),
    ]);
  });

  it('outside a git repository says so in Chinese, and writes nothing', () => {
    const dir = scratch();
    cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
    const run = runCli(['report', 'guides', '--history', '3', '--out', 'report'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `baihua: --history 要在 git 仓库里用：当前目录 ${dir} 不在任何 git 仓库里（或者没有安装 git）。请在指南所在的仓库里运行，或者去掉 --history\n`,
    );
    expectNoStackTrace(run);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it.each([['0'], ['-1'], ['2.5'], ['三']])('--history %s is a usage error', (value) => {
    const run = runCli(['report', guidesDir, '--history', value, '--out', join(scratch(), 'report')]);
    expect([run.code, run.stderr]).toEqual([
      2,
      `baihua: --history 要写一个正整数（最近几次提交），现在是「${value}」\n`,
    ]);
  });
});

describe('baihua report --out', () => {
  it('refuses a file, a folder Baihua did not make and the guides, leaving each as it was', () => {
    const dir = scratch();
    cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), '我的笔记\n');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/keep.txt'), '别删\n');
    const refused = (out: string) => {
      const run = runCli(['report', 'guides', '--out', out], { cwd: dir });
      expectNoStackTrace(run);
      return [run.code, run.stderr];
    };
    expect(refused('notes.txt')).toEqual([
      2,
      'baihua: --out notes.txt 是一个文件，不是目录：请换一个 --out，或者自己先删除它\n',
    ]);
    expect(refused('mine')).toEqual([
      2,
      'baihua: --out mine 不是 baihua build 生成的目录（里面没有标记文件 .baihua-build），为了不删掉您的文件，没有覆盖它：请换一个 --out，或者自己先删除它\n',
    ]);
    expect(refused('guides')[0]).toBe(2);
    expect(refused('.')[0]).toBe(2);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('我的笔记\n');
    expect(readFileSync(join(dir, 'mine/keep.txt'), 'utf8')).toBe('别删\n');
    expect(existsSync(join(dir, 'guides/户籍/id-card-renewal.md'))).toBe(true);
  });

  it('replaces its own earlier report whole', () => {
    const dir = scratch();
    const guides = catalogWithProblems(dir);
    expect(runCli(['report', 'guides', '--out', 'report'], { cwd: dir }).code).toBe(0);
    editGuide(guides, '出入境/passport-application.md', 'promised: { days: 20,', 'promised: { days: 7,');
    expect(runCli(['report', 'guides', '--out', 'report'], { cwd: dir }).code).toBe(0);
    expect(readReport(join(dir, 'report')).headline.errors).toBe(3);
  });
});
