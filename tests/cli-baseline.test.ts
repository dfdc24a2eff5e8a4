/**
 * Adopting Baihua on a catalog that has problems: `baihua lint --baseline FILE --update-baseline`
 * records today's findings; afterwards only new ones are reported and fail. A finding is known by
 * its guide, rule and fingerprint (not its line), so an edit above it brings nothing back; what the
 * baseline holds and no longer finds is reported, and pruned with --prune-baseline.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brief, lintJson, stylishOne } from './cli-test-utils.js';
import { guidesDir, runCli, scratch } from './helpers.js';

const ID_CARD = '户籍/id-card-renewal.md';
const PASSPORT = '出入境/passport-application.md';
const BASELINE = 'baihua-baseline.json';

const CATCH_ALL = '「其他相关材料」是兜底写法，国家要求材料和条件逐项列全：删去，把需要的材料逐项列全';
const VAGUE = '「相关材料」说得不具体，群众不知道指的是哪个：逐项写出材料名称';
const ENUM =
  '材料「其他相关材料」的来源(source)只能是 自备、现场填写、政府部门核发、其他单位出具、中介机构出具 之一，现在是“申请人自备”。是不是想写“自备”？';
const NOMINALIZATION = '「进行审核」多了一个虚化动词，直接用后面的动词更清楚：改为「审核」';
const TYPOGRAPHY = '中文里要用全角标点：把「,」改为「，」';

/** 11 of the 12 example guides as they are, and two with the problems a catalog has before it adopts Baihua. */
function catalogWithProblems(): string {
  const dir = scratch(guidesDir);
  edit(dir, ID_CARD, (text) => `${text}\n工作人员会进行审核,审核通过后当场受理。\n`);
  edit(dir, PASSPORT, (text) =>
    text.replace(
      'materials:\n',
      'materials:\n  - name: 其他相关材料\n    need: 必要\n    form: 原件\n    copies: 1\n    source: 申请人自备\n',
    ),
  );
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

const lint = (dir: string, ...args: string[]) => runCli(['lint', '.', '--baseline', BASELINE, ...args], { cwd: dir });

/** Each finding's fingerprint, by `ruleId line:column`, as `--format json` gives it without a baseline. */
function fingerprints(dir: string): Record<string, string> {
  const { results } = lintJson(['.'], { cwd: dir });
  return Object.fromEntries(
    results.flatMap((result) =>
      result.messages.map((message) => [`${message.ruleId} ${message.line}:${message.column}`, message.fingerprint]),
    ),
  );
}

/** A baseline file's text, entries given as [guide, rule, fingerprint, count, message], in the file's order. */
function baselineText(entries: Array<[string, string, string, number, string]>): string {
  const files: Record<string, Record<string, Record<string, { count: number; message: string }>>> = {};
  for (const [file, rule, fingerprint, count, message] of entries) {
    files[file] ??= {};
    files[file][rule] ??= {};
    files[file][rule][fingerprint] = { count, message };
  }
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

const glimpse = (message: string) => (message.length > 60 ? `${[...message].slice(0, 60).join('')}…` : message);

const CLEAN = '✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n';

let recorded: string;
/** the fingerprints of the five findings of the catalog as recorded */
let fp: Record<string, string>;

beforeAll(() => {
  recorded = catalogWithProblems();
  fp = fingerprints(recorded);
  const run = lint(recorded, '--update-baseline');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.report).toBe(`${CLEAN}  另有 5 个问题记在基线里\n已把 5 个问题记入基线 ${BASELINE}\n`);
}, 300_000);

/** A copy of the catalog with its baseline recorded. */
const adopted = () => scratch(recorded);

const RECORDED = () =>
  baselineText([
    [PASSPORT, 'plain/catch-all-material', fp['plain/catch-all-material 25:11']!, 1, CATCH_ALL],
    [PASSPORT, 'plain/vague-reference', fp['plain/vague-reference 25:13']!, 1, VAGUE],
    [PASSPORT, 'schema/enum', fp['schema/enum 29:13']!, 1, glimpse(ENUM)],
    [ID_CARD, 'plain/nominalization', fp['plain/nominalization 146:6']!, 1, NOMINALIZATION],
    [ID_CARD, 'plain/typography', fp['plain/typography 146:10']!, 1, TYPOGRAPHY],
  ]);

describe('baihua lint --baseline', () => {
  it('records every finding in a file sorted by guide, rule and fingerprint, and then reports none', () => {
    expect(Object.keys(fp)).toEqual([
      'plain/catch-all-material 25:11',
      'plain/vague-reference 25:13',
      'schema/enum 29:13',
      'plain/nominalization 146:6',
      'plain/typography 146:10',
    ]);
    expect(readFileSync(join(recorded, BASELINE), 'utf8')).toBe(RECORDED());
    const run = lint(adopted());
    expect([run.code, run.report, run.stderr]).toEqual([0, `${CLEAN}  另有 5 个问题记在基线里\n`, '']);
  }, 120_000);

  it('still holds a finding after 20 lines are added above it', () => {
    const dir = adopted();
    const tips = Array.from({ length: 19 }, (_, index) => `- 第${index + 1}条：请按预约时间到场。\n`).join('');
    edit(dir, ID_CARD, (text) => text.replace('## 办理前请确认\n', `## 办理前请确认\n\n${tips}`));
    const run = lint(dir);
    expect([run.code, run.report, run.stderr]).toEqual([0, `${CLEAN}  另有 5 个问题记在基线里\n`, '']);
    // Held back where it now is, marked as ESLint marks what its suppressions file holds.
    const { results } = lintJson(['.', '--baseline', BASELINE], { cwd: dir });
    const idCard = results.find((result) => result.filePath === join(dir, ID_CARD))!;
    expect(idCard.messages).toEqual([]);
    expect(idCard.suppressedMessages.map(brief)).toEqual([
      `166:6 warning plain/nominalization ${NOMINALIZATION}`,
      `166:10 warning plain/typography ${TYPOGRAPHY}`,
    ]);
    expect(idCard.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'file', justification: '' }]);
  }, 120_000);

  it('fails on a new finding and prints only it, with its line and column', () => {
    const dir = adopted();
    edit(dir, ID_CARD, (text) =>
      text.replace(
        'materials:\n',
        'materials:\n  - name: 其他材料\n    need: 必要\n    form: 原件\n    copies: 1\n    source: 自备\n',
      ),
    );
    const run = lint(dir);
    expect(run.code).toBe(1);
    const message = '「其他材料」是兜底写法，国家要求材料和条件逐项列全：删去，把需要的材料逐项列全';
    expect(run.report).toBe(
      `${stylishOne(ID_CARD, '26:11', 'error', message, 'plain/catch-all-material')}  另有 5 个问题记在基线里\n`,
    );
  }, 120_000);

  it('reports a recorded finding that was fixed, and --prune-baseline takes it out of the file', () => {
    const dir = adopted();
    edit(dir, PASSPORT, (text) => text.replace('source: 申请人自备', 'source: 自备'));
    const run = lint(dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.report).toBe(
      `${CLEAN}  另有 4 个问题记在基线里\n基线 ${BASELINE} 里有 1 条已不再出现，用 --prune-baseline 清理\n`,
    );
    const pruned = lint(dir, '--prune-baseline');
    expect([pruned.code, pruned.stderr]).toEqual([0, '']);
    expect(pruned.report).toBe(`${CLEAN}  另有 4 个问题记在基线里\n已从基线 ${BASELINE} 清理 1 条已不再出现的问题\n`);
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(
      baselineText([
        [PASSPORT, 'plain/catch-all-material', fp['plain/catch-all-material 25:11']!, 1, CATCH_ALL],
        [PASSPORT, 'plain/vague-reference', fp['plain/vague-reference 25:13']!, 1, VAGUE],
        [ID_CARD, 'plain/nominalization', fp['plain/nominalization 146:6']!, 1, NOMINALIZATION],
        [ID_CARD, 'plain/typography', fp['plain/typography 146:10']!, 1, TYPOGRAPHY],
      ]),
    );
  }, 120_000);

  it('takes a finding in a sentence that was edited for new: the sentence is no longer the one recorded', () => {
    const dir = adopted();
    // The comma is fixed by hand; 「进行审核」 in the same sentence is now in a sentence the baseline does not know.
    edit(dir, ID_CARD, (text) => text.replace('进行审核,', '进行审核，'));
    const run = lint(dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.report).toBe(
      `${stylishOne(ID_CARD, '146:6', 'warning', NOMINALIZATION, 'plain/nominalization')}` +
        '  其中 0 个错误、1 个警告可以用 --fix 自动修复\n' +
        '  另有 3 个问题记在基线里\n' +
        `基线 ${BASELINE} 里有 2 条已不再出现，用 --prune-baseline 清理\n`,
    );
  }, 120_000);

  it('records the guides a glob selects without dropping the entries of the others', () => {
    const dir = adopted();
    edit(dir, ID_CARD, (text) => text.replace('进行审核,', '审核,'));
    const run = runCli(['lint', '户籍/*.md', '--baseline', BASELINE, '--update-baseline'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.report).toBe(
      `✔ 检查了 2 份指南，没有发现问题\n  另有 1 个问题记在基线里\n已把 1 个问题记入基线 ${BASELINE}\n`,
    );
    const typography = fingerprints(dir)['plain/typography 146:8']!;
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(
      baselineText([
        [PASSPORT, 'plain/catch-all-material', fp['plain/catch-all-material 25:11']!, 1, CATCH_ALL],
        [PASSPORT, 'plain/vague-reference', fp['plain/vague-reference 25:13']!, 1, VAGUE],
        [PASSPORT, 'schema/enum', fp['schema/enum 29:13']!, 1, glimpse(ENUM)],
        [ID_CARD, 'plain/typography', typography, 1, TYPOGRAPHY],
      ]),
    );
  }, 120_000);
});

describe('the baseline and the other options', () => {
  it('with --fix records what is left after the safe fixes are written', () => {
    const dir = catalogWithProblems();
    const run = lint(dir, '--fix', '--update-baseline');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.report).toBe(`${CLEAN}  另有 3 个问题记在基线里\n已把 3 个问题记入基线 ${BASELINE}\n`);
    expect(readFileSync(join(dir, ID_CARD), 'utf8')).toContain('\n工作人员会审核，审核通过后当场受理。\n');
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(
      baselineText([
        [PASSPORT, 'plain/catch-all-material', fp['plain/catch-all-material 25:11']!, 1, CATCH_ALL],
        [PASSPORT, 'plain/vague-reference', fp['plain/vague-reference 25:13']!, 1, VAGUE],
        [PASSPORT, 'schema/enum', fp['schema/enum 29:13']!, 1, glimpse(ENUM)],
      ]),
    );
  }, 120_000);

  it('refuses to record standard input or fixes not written, and says where the file must be named', () => {
    const dir = adopted();
    const refused = (args: string[], input?: string) => {
      const run = runCli(['lint', ...args], { cwd: dir, ...(input !== undefined && { input }) });
      return [run.code, run.stdout, run.stderr];
    };
    expect(refused(['--stdin', '--stdin-filename', ID_CARD, '--update-baseline'], '')).toEqual([
      2,
      '',
      'baihua: --update-baseline 不能和 --stdin 一起用：基线记的是保存在磁盘上的指南，请检查文件本身\n',
    ]);
    expect(refused(['.', '--fix-dry-run', '--prune-baseline'])).toEqual([
      2,
      '',
      'baihua: --prune-baseline 不能和 --fix-dry-run 一起用：修复没有写入，文件里的问题还在；要先修复请用 --fix\n',
    ]);
    expect(refused([ID_CARD, '--update-baseline'])).toEqual([
      2,
      '',
      'baihua: --update-baseline 要知道基线文件在哪里：用 --baseline 指定，或在 baihua.config.yaml 里写 baseline: baihua-baseline.json\n',
    ]);
    expect(refused([ID_CARD, '--baseline', 'nothing.json'])).toEqual([
      2,
      '',
      'baihua: 找不到基线文件 nothing.json：先运行 baihua lint --update-baseline 生成它\n',
    ]);
  }, 120_000);

  it('stops at a baseline file left broken by a merge, with one line that says so', () => {
    const dir = adopted();
    edit(dir, BASELINE, (text) =>
      text.replace('  "files": {\n', '<<<<<<< HEAD\n  "files": {\n=======\n>>>>>>> main\n'),
    );
    const run = runCli(['lint', ID_CARD, '--baseline', BASELINE], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `${BASELINE}: 基线文件里还有合并冲突的标记（<<<<<<<）：请改正，或删掉它再用 baihua lint --update-baseline 重新生成\n`,
    ]);
  }, 120_000);
});

describe('the baseline named in baihua.config.yaml', () => {
  it('is used without --baseline; SARIF shows the findings it holds as suppressed outside the guide', () => {
    const dir = adopted();
    edit(dir, 'baihua.config.yaml', (text) => `${text}baseline: ${BASELINE}\n`);
    const run = runCli(['lint', '.'], { cwd: dir });
    expect([run.code, run.report, run.stderr]).toEqual([0, `${CLEAN}  另有 5 个问题记在基线里\n`, '']);

    edit(dir, PASSPORT, (text) => text.replace('source: 申请人自备', 'source: 自备'));
    const sarif = runCli(['lint', '.', '-f', 'sarif'], { cwd: dir });
    expect(sarif.code).toBe(0);
    // Notes go to stderr: stdout is the report a machine reads.
    expect(sarif.stderr).toBe(`baihua: 基线 ${BASELINE} 里有 1 条已不再出现，用 --prune-baseline 清理\n`);
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<Record<string, unknown>> }> }).runs[0]!
      .results;
    expect(results.map((result) => [result.ruleId, result.suppressions])).toEqual([
      ['plain/catch-all-material', [{ kind: 'external' }]],
      ['plain/vague-reference', [{ kind: 'external' }]],
      ['plain/nominalization', [{ kind: 'external' }]],
      ['plain/typography', [{ kind: 'external' }]],
    ]);
  }, 120_000);

  it('must lie in the configuration file’s folder', () => {
    const dir = adopted();
    edit(dir, 'baihua.config.yaml', (text) => `${text}baseline: ../baihua-baseline.json\n`);
    const run = runCli(['lint', ID_CARD], { cwd: dir });
    const line = readFileSync(join(dir, 'baihua.config.yaml'), 'utf8').split('\n').length - 1;
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `${join(dir, 'baihua.config.yaml')}:${line}:1: 配置错误：baseline 要指向本配置文件所在目录里的文件，现在是「../baihua-baseline.json」\n`,
    ]);
  }, 120_000);
});

describe('the baseline in a pull request summary', () => {
  it('counts what the baseline holds neither as fixed nor as remaining, and a new finding as new', () => {
    const dir = adopted();
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: '周敏',
          GIT_AUTHOR_EMAIL: 'zhoumin@example.gov.cn',
          GIT_COMMITTER_NAME: '周敏',
          GIT_COMMITTER_EMAIL: 'zhoumin@example.gov.cn',
        },
      });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '.');
    git('commit', '--quiet', '-m', '办事指南和基线');
    git('checkout', '--quiet', '-b', 'pr');
    edit(dir, ID_CARD, (text) => text.replace('## 拍照前的准备\n', '## 拍照前的准备\n\n窗口工作人员会进行核对。\n'));
    git('commit', '--quiet', '-am', '补一句');
    const run = runCli(['lint', '.', '--changed-since', 'main', '--format', 'markdown', '--baseline', BASELINE], {
      cwd: dir,
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe('### 白话检查：易读分没有变化；新问题 1 个，修好 0 个，仍有 0 个');
  }, 120_000);
});
