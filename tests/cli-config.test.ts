/**
 * The configuration cascade (`baihua.config.yaml`): nearest file wins and merges upward, `root: true`
 * stops the search, `extends` of the built-in preset and of an npm package, rule settings, and
 * configuration errors reported as `<config path>:<line>:<column>: 配置错误：…` with exit code 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, runCli, scratch } from './helpers.js';
import { brief, expectNoStackTrace, lintJson } from './cli-test-utils.js';

/** id-card-renewal.md with `visit_reason:` (line 75), `####` after `##` (line 126) and `# 办理小贴士` (line 132) */
const GUIDE = readFileSync(join(fixturesDir, 'config/户籍/id-card-renewal.md'));

const DEPARTMENT = 'province/city/department';
const GUIDE_PATH = `${DEPARTMENT}/id-card-renewal.md`;

type Level = 'error' | 'warning';
const unknownKey = (level: Level) =>
  `75:1 ${level} schema/unknown-key 指南里没有「visit_reason」这个字段，是不是想写「visits_reason」（必须到现场的原因）？`;
const headingJump = (level: Level) =>
  `126:1 ${level} markdown/heading-increment 标题跳级了：上一个标题是 2 级（##），这里应该用 3 级（###），现在是 4 级`;
const h1 = (level: Level) =>
  `132:1 ${level} markdown/no-h1 正文不用一级标题（#）：页面标题来自 title 字段。请改成 ## 办理小贴士`;

const CATALOG_RULES_OFF = ['duplicate-id', 'duplicate-code', 'near-duplicate']
  .map((rule) => `  catalog/${rule}: off\n`)
  .join('');

/** A scratch project: the guide in province/city/department plus the given files. */
function project(files: Record<string, string>, guideDirectories: string[] = [DEPARTMENT]): string {
  const dir = scratch();
  for (const directory of guideDirectories) {
    mkdirSync(join(dir, directory), { recursive: true });
    writeFileSync(join(dir, directory, 'id-card-renewal.md'), GUIDE);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Findings per guide, in the order of the report. */
function findings(dir: string, paths: string[] = [GUIDE_PATH]): { code: number; byFile: Record<string, string[]> } {
  const { run, results } = lintJson(paths, { cwd: dir });
  expect(run.stderr).toBe('');
  const byFile: Record<string, string[]> = {};
  for (const result of results) byFile[result.filePath.slice(dir.length + 1)] = result.messages.map(brief);
  return { code: run.code, byFile };
}

describe('configuration cascade', () => {
  it('without any configuration file, the recommended preset applies', () => {
    const dir = project({});
    expect(findings(dir)).toEqual({
      code: 1,
      byFile: { [GUIDE_PATH]: [unknownKey('warning'), headingJump('warning'), h1('error')] },
    });
  });

  it('province, city and department files merge, each adding its own setting', () => {
    const dir = project({
      'province/baihua.config.yaml': 'root: true\nextends: [recommended]\nrules:\n  schema/unknown-key: error\n',
      'province/city/baihua.config.yaml': 'rules:\n  markdown/heading-increment: off\n',
      'province/city/department/baihua.config.yaml': 'rules:\n  markdown/no-h1: warn\n',
    });
    expect(findings(dir)).toEqual({ code: 1, byFile: { [GUIDE_PATH]: [unknownKey('error'), h1('warning')] } });
  });

  it('the nearest file wins for the same rule, per guide directory', () => {
    const dir = project(
      {
        // The same guide in three directories: the catalog rules would rightly call them duplicates.
        'province/baihua.config.yaml': `root: true\nextends: [recommended]\nrules:\n  markdown/no-h1: off\n${CATALOG_RULES_OFF}`,
        'province/city/baihua.config.yaml': 'rules:\n  markdown/no-h1: error\n',
        'province/city/department/baihua.config.yaml': 'rules:\n  markdown/no-h1: warn\n',
      },
      ['province', 'province/city', DEPARTMENT],
    );
    expect(findings(dir, ['province'])).toEqual({
      code: 1,
      byFile: {
        'province/city/department/id-card-renewal.md': [unknownKey('warning'), headingJump('warning'), h1('warning')],
        'province/city/id-card-renewal.md': [unknownKey('warning'), headingJump('warning'), h1('error')],
        'province/id-card-renewal.md': [unknownKey('warning'), headingJump('warning')],
      },
    });
  });

  it('ignores skips guides matching its globs, relative to the file that lists them', () => {
    const dir = project(
      { 'province/baihua.config.yaml': 'root: true\nextends: [recommended]\nignores: [city/department/**]\n' },
      ['province/city', DEPARTMENT],
    );
    expect(findings(dir, ['province'])).toEqual({
      code: 1,
      byFile: { 'province/city/id-card-renewal.md': [unknownKey('warning'), headingJump('warning'), h1('error')] },
    });
  });

  it('root: true stops the search: nothing above applies, not even recommended', () => {
    const dir = project({
      'province/baihua.config.yaml': 'extends: [recommended]\nrules:\n  schema/unknown-key: error\n',
      'province/city/department/baihua.config.yaml': 'root: true\nrules:\n  markdown/no-h1: warn\n',
    });
    expect(findings(dir)).toEqual({ code: 0, byFile: { [GUIDE_PATH]: [h1('warning')] } });
  });

  it('root: true in the middle shields the guide from the province file', () => {
    const dir = project({
      'province/baihua.config.yaml':
        'rules:\n  schema/unknown-key: off\n  markdown/no-h1: off\n  markdown/heading-increment: off\n',
      'province/city/baihua.config.yaml': 'root: true\nextends: [recommended]\n',
    });
    expect(findings(dir)).toEqual({
      code: 1,
      byFile: { [GUIDE_PATH]: [unknownKey('warning'), headingJump('warning'), h1('error')] },
    });
  });

  it('without root: true, files above the project still merge in', () => {
    const dir = project({
      'baihua.config.yaml': 'root: true\nextends: [recommended]\nrules:\n  markdown/heading-increment: error\n',
      'province/city/baihua.config.yaml': 'rules:\n  schema/unknown-key: off\n',
    });
    expect(findings(dir)).toEqual({ code: 1, byFile: { [GUIDE_PATH]: [headingJump('error'), h1('error')] } });
  });

  it('a file’s own rules override what it extends', () => {
    const dir = project({
      'province/baihua.config.yaml':
        'root: true\nextends: [recommended]\nrules:\n  markdown/heading-increment: error\n  markdown/no-h1: off\n',
    });
    expect(findings(dir)).toEqual({ code: 1, byFile: { [GUIDE_PATH]: [unknownKey('warning'), headingJump('error')] } });
  });

  it('extends a shareable preset by npm package name', () => {
    const dir = project({
      'node_modules/@province/baihua-config/package.json': JSON.stringify({
        name: '@province/baihua-config',
        version: '1.0.0',
        main: 'baihua.config.yaml',
      }),
      'node_modules/@province/baihua-config/baihua.config.yaml':
        'extends: [recommended]\nrules:\n  markdown/heading-increment: error\n  schema/unknown-key: error\n',
      'province/baihua.config.yaml': "root: true\nextends: ['@province/baihua-config']\n",
      'province/city/department/baihua.config.yaml': 'rules:\n  schema/unknown-key: off\n',
    });
    expect(findings(dir)).toEqual({ code: 1, byFile: { [GUIDE_PATH]: [headingJump('error'), h1('error')] } });
  });

  it('a preset package is found from a nested directory, and the nearer file still wins', () => {
    const dir = project({
      'node_modules/@province/baihua-config/package.json': JSON.stringify({
        name: '@province/baihua-config',
        version: '1.0.0',
        main: 'baihua.config.yaml',
      }),
      'node_modules/@province/baihua-config/baihua.config.yaml':
        'extends: [recommended]\nrules:\n  markdown/no-h1: warn\n',
      'province/city/department/baihua.config.yaml':
        "root: true\nextends: ['@province/baihua-config']\nrules:\n  markdown/heading-increment: off\n",
    });
    expect(findings(dir)).toEqual({ code: 0, byFile: { [GUIDE_PATH]: [unknownKey('warning'), h1('warning')] } });
  });

  it('accepts off, warn, error and the array form [level]', () => {
    const dir = project({
      'province/baihua.config.yaml':
        'root: true\nextends: [recommended]\nrules:\n  schema/unknown-key: [error]\n  markdown/heading-increment: [off]\n  markdown/no-h1: [warn]\n',
    });
    expect(findings(dir)).toEqual({ code: 1, byFile: { [GUIDE_PATH]: [unknownKey('error'), h1('warning')] } });
  });

  it('a bare severity below changes only the level of a rule set as [level] above', () => {
    const dir = project({
      'province/baihua.config.yaml': 'root: true\nextends: [recommended]\nrules:\n  markdown/no-h1: [warn]\n',
      'province/city/baihua.config.yaml': 'rules:\n  markdown/no-h1: error\n',
    });
    expect(findings(dir)).toEqual({
      code: 1,
      byFile: { [GUIDE_PATH]: [unknownKey('warning'), headingJump('warning'), h1('error')] },
    });
  });

  it('the stylish report of a cascaded configuration', () => {
    const dir = project({
      'province/baihua.config.yaml':
        'root: true\nextends: [recommended]\nrules:\n  schema/unknown-key: error\n  markdown/heading-increment: off\n',
    });
    const run = runCli(['lint', GUIDE_PATH], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      `${GUIDE_PATH}\n` +
        '   75:1  error    指南里没有「visit_reason」这个字段，是不是想写「visits_reason」（必须到现场的原因）？  schema/unknown-key\n' +
        '  132:1  error    正文不用一级标题（#）：页面标题来自 title 字段。请改成 ## 办理小贴士                   markdown/no-h1\n' +
        '\n' +
        '✖ 2 个问题（2 个错误，0 个警告）\n',
    );
  });
});

/** Runs lint on the guide and expects a configuration error: exit 2, one stderr line, no stdout. */
function configError(dir: string, args: string[] = [GUIDE_PATH]): string {
  const run = runCli(['lint', ...args], { cwd: dir });
  expect(run.report).toBe('');
  expect(run.code).toBe(2);
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expectNoStackTrace(run);
  return run.stderr.trimEnd();
}

describe('configuration errors', () => {
  const departmentConfig = (text: string) =>
    project({
      'province/baihua.config.yaml': 'root: true\nextends: [recommended]\n',
      [`${DEPARTMENT}/baihua.config.yaml`]: text,
    });
  const at = (dir: string, path: string, line: number, column: number) =>
    `${join(dir, path)}:${line}:${column}: 配置错误：`;
  const DEPARTMENT_CONFIG = `${DEPARTMENT}/baihua.config.yaml`;

  it('an unknown rule id, with the closest rule suggested', () => {
    const dir = departmentConfig('rules:\n  markdown/no-h1: warn\n  schema/requird: error\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 3, 3)}不认识的规则「schema/requird」，是不是想写「schema/required」？`,
    );
  });

  it('a bad severity value', () => {
    const dir = departmentConfig('rules:\n  markdown/no-h1: warn\n  schema/unknown-key: loud\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 3, 3)}规则「schema/unknown-key」的设置应为 off、warn、error，或 [级别, {选项}]`,
    );
  });

  it('a bad severity inside the array form', () => {
    const dir = departmentConfig('rules:\n  markdown/no-h1: [loud]\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 2, 3)}规则「markdown/no-h1」的设置应为 off、warn、error，或 [级别, {选项}]`,
    );
  });

  it('options for a rule that has none, at the options', () => {
    const dir = departmentConfig('rules:\n  markdown/no-h1: [warn, { level: 2 }]\n');
    expect(configError(dir)).toBe(`${at(dir, DEPARTMENT_CONFIG, 2, 26)}规则「markdown/no-h1」没有选项`);
  });

  it('a syntax rule, which cannot be configured', () => {
    const dir = departmentConfig('rules:\n  syntax/yaml: off\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 2, 3)}规则「syntax/yaml」不能设置：文件读不出来时总是报错`,
    );
  });

  it('a YAML syntax error: misaligned key', () => {
    const dir = departmentConfig('rules:\n  markdown/no-h1: warn\n   schema/unknown-key: off\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 3, 4)}缩进不对：第 3 行「schema/unknown-key」前面有 3 个空格，第 2 行「markdown/no-h1」前面有 2 个空格。同一层的字段要左边对齐；下一层的字段比上一层多缩进 2 个空格`,
    );
  });

  it('a YAML syntax error: unclosed bracket', () => {
    const dir = departmentConfig('root: true\nextends: [recommended\nrules:\n  markdown/no-h1: warn\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 2, 10)}这里的 [ 没有配对的 ]：请在同一行末尾补上 ]；内容太长要换行时，改成分行的写法`,
    );
  });

  it('an unknown top-level key', () => {
    const dir = departmentConfig('# 东湖分局户政科的补充规则\nroot: false\nrule:\n  markdown/no-h1: warn\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 3, 1)}不认识的配置项「rule」，可用的有 root、extends、rules、ignores、catalog、templates、site、rule_docs_url、baseline`,
    );
  });

  it('a rule_docs_url without {id}', () => {
    const dir = departmentConfig('root: false\nrule_docs_url: https://zwfw.qinghe.gov.cn/baihua/rules/\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 2, 1)}rule_docs_url（规则说明网址）写得不对：每条规则的说明页发布在哪里，{id} 换成规则名（如 schema/required），写进 SARIF 的 helpUri 和 rdjson 的规则链接，代码审查里点开就能看到。不写时指向本机安装的 docs/rules/ 文件（file: 网址），只在本机能打开。`,
    );
  });

  it('extends of a package that is not installed', () => {
    const dir = departmentConfig('extends:\n  - recommended\n  - "@province/baihua-config"\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 3, 5)}找不到要继承的配置「@province/baihua-config」。内置预设有 recommended；npm 包请先安装（npm install @province/baihua-config）`,
    );
  });

  it('extends of a relative file that does not exist', () => {
    const dir = departmentConfig('extends: [recommended, ./shared.yaml]\n');
    expect(configError(dir)).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 1, 24)}找不到要继承的配置文件「./shared.yaml」（${join(dir, DEPARTMENT, 'shared.yaml')}）`,
    );
  });

  it('an error in a file further up is reported in that file', () => {
    const dir = project({
      'province/baihua.config.yaml': 'root: true\nextends: [recommended]\nrules:\n  schema/requird: error\n',
      [DEPARTMENT_CONFIG]: 'rules:\n  markdown/no-h1: warn\n',
    });
    expect(configError(dir)).toBe(
      `${at(dir, 'province/baihua.config.yaml', 4, 3)}不认识的规则「schema/requird」，是不是想写「schema/required」？`,
    );
  });

  it('an error in a preset package is reported in the package’s file', () => {
    const dir = project({
      'node_modules/@province/baihua-config/package.json': JSON.stringify({
        name: '@province/baihua-config',
        main: 'baihua.config.yaml',
      }),
      'node_modules/@province/baihua-config/baihua.config.yaml': 'rules:\n  markdown/no-h1: loud\n',
      'province/baihua.config.yaml': "root: true\nextends: ['@province/baihua-config']\n",
    });
    expect(configError(dir)).toBe(
      `${at(dir, 'node_modules/@province/baihua-config/baihua.config.yaml', 2, 3)}规则「markdown/no-h1」的设置应为 off、warn、error，或 [级别, {选项}]`,
    );
  });

  it('an error in the file given with --config', () => {
    const dir = project({ 'ci/baihua.ci.yaml': 'root: true\nrules:\n  schema/requird: error\n' });
    expect(configError(dir, ['-c', 'ci/baihua.ci.yaml', GUIDE_PATH])).toBe(
      `${at(dir, 'ci/baihua.ci.yaml', 3, 3)}不认识的规则「schema/requird」，是不是想写「schema/required」？`,
    );
  });

  it('a configuration error met while linting standard input', () => {
    const dir = departmentConfig('rules:\n  schema/requird: error\n');
    const run = runCli(['lint', '--stdin', '--stdin-filename', GUIDE_PATH], { cwd: dir, input: GUIDE });
    expect(run.report).toBe('');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${at(dir, DEPARTMENT_CONFIG, 2, 3)}不认识的规则「schema/requird」，是不是想写「schema/required」？\n`,
    );
  });

  it('circular extends between two relative files, at the extends entry that closes the loop', () => {
    const dir = departmentConfig('extends: [./shared/a.yaml]\n');
    mkdirSync(join(dir, DEPARTMENT, 'shared'), { recursive: true });
    writeFileSync(join(dir, DEPARTMENT, 'shared/a.yaml'), 'extends: [./b.yaml]\n');
    writeFileSync(join(dir, DEPARTMENT, 'shared/b.yaml'), 'rules:\n  markdown/no-h1: warn\nextends:\n  - ./a.yaml\n');
    const line = configError(dir);
    expect(line).toContain('配置错误：配置循环继承：');
    expect(line).toContain(
      `${join(dir, DEPARTMENT, 'shared/a.yaml')} → ${join(dir, DEPARTMENT, 'shared/b.yaml')} → ${join(dir, DEPARTMENT, 'shared/a.yaml')}`,
    );
    // The loop is a.yaml → b.yaml → a.yaml: the error belongs on one of its two extends entries.
    const inB = at(dir, `${DEPARTMENT}/shared/b.yaml`, 4, 5);
    const inA = at(dir, `${DEPARTMENT}/shared/a.yaml`, 1, 11);
    expect([inA, inB], `stderr was: ${line}`).toContain(
      line.slice(0, line.indexOf('配置错误：') + '配置错误：'.length),
    );
  });

  it('a rule id in capitals is located at that rule, not at `rules:`', () => {
    const dir = departmentConfig('rules:\n  Schema/Unknown-Key: warn\n');
    const line = configError(dir);
    const expected = at(dir, DEPARTMENT_CONFIG, 2, 3);
    expect(line.slice(0, expected.length), `stderr was: ${line}`).toBe(expected);
  });

  it('a preset package whose JSON entry is malformed is a configuration error with a position, not an internal error', () => {
    const dir = project({
      'node_modules/@city/baihua-config/package.json': JSON.stringify({
        name: '@city/baihua-config',
        main: 'baihua.config.json',
      }),
      // the closing quote of "warn is missing: the string starts on line 3, column 23
      'node_modules/@city/baihua-config/baihua.config.json': '{\n  "rules": {\n    "markdown/no-h1": "warn,\n  }\n}\n',
      'province/baihua.config.yaml': "root: true\nextends: ['@city/baihua-config']\n",
    });
    const line = configError(dir);
    expect(line).not.toContain('内部错误');
    const expected = at(dir, 'node_modules/@city/baihua-config/baihua.config.json', 3, 23);
    expect(line.slice(0, expected.length), `stderr was: ${line}`).toBe(expected);
  });
});
