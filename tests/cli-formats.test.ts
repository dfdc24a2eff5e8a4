import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, runCli, scratch } from './helpers.js';

// CommonJS packages: require gives the class and the plugin themselves.
const require = createRequire(import.meta.url);
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const broken = 'tests/fixtures/broken/户籍/id-card-renewal.md';
const badIndent = 'tests/fixtures/broken/户籍/id-card-bad-indent.md';
const brokenText = readFileSync(join(repoRoot, broken), 'utf8');

/** The broken guide: time_limit deleted, copies written as 两份. */
const expected = [
  {
    ruleId: 'schema/required',
    severity: 2,
    message: '缺少必填字段「办理时限」(time_limit)',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 20,
  },
  {
    ruleId: 'schema/type',
    severity: 2,
    message: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份”',
    line: 29,
    column: 13,
    endLine: 29,
    endColumn: 15,
  },
];

describe('baihua lint on the example guides', () => {
  it('finds nothing wrong and exits 0', () => {
    const run = runCli(['lint', 'guides']);
    expect(run.stderr).toBe('');
    expect(run.report).toBe('✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n');
    expect(run.code).toBe(0);
  });

  it('ends the report with the readability of the catalog', () => {
    const run = runCli(['lint', 'guides']);
    expect(run.stdout).toBe(
      '✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n  易读分平均 99（易读），最低 94（易读）guides/税务/new-taxpayer-invoice.md。baihua stats 可以看每一部分\n',
    );
  });

  it('runs through `pnpm baihua` at the repository root', () => {
    const run = spawnSync('pnpm', ['--silent', 'baihua', 'lint', 'guides'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^✔ 检查了 21 份指南和 2 件一件事，没有发现问题\n {2}易读分/);
    expect(run.status).toBe(0);
  });
});

describe('a broken guide in every format', () => {
  it('stylish: grouped by file, aligned, in Chinese, exit 1', () => {
    const run = runCli(['lint', broken]);
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      [
        broken,
        '   3:1   error    缺少必填字段「办理时限」(time_limit)                      schema/required',
        '  29:13  error    材料「原居民身份证」的份数(copies)应为数字，现在是“两份”  schema/type',
        '',
        '✖ 2 个问题（2 个错误，0 个警告）',
        '  其中 1 个错误、0 个警告可以用 --fix 自动修复',
        '',
      ].join('\n'),
    );
  });

  it('json: the ESLint shape with exact positions and the fix', () => {
    const run = runCli(['lint', broken, '--format', 'json']);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as Array<
      Record<string, unknown> & { messages: Array<Record<string, unknown>> }
    >;
    expect(result!.filePath).toBe(join(repoRoot, broken));
    expect(result!.messages.map(({ fix: _fix, ...message }) => message)).toEqual(
      expected.map((message) => ({ ...message, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) })),
    );
    const copiesOffset = brokenText.indexOf('两份');
    expect(result!.messages[1]!.fix).toEqual({ range: [copiesOffset, copiesOffset + 2], text: '2' });
    expect(result).toMatchObject({
      errorCount: 2,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
      suppressedMessages: [],
    });
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, UTF-16 columns and the fix', () => {
    const run = runCli(['lint', broken, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const schemaPath = createRequire(join(repoRoot, 'package.json')).resolve(
      '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    // The published schema has a pattern that is only valid without the u flag.
    const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.tool.driver.name).toBe('baihua');
    const required = sarifRun.tool.driver.rules.find((rule: { id: string }) => rule.id === 'schema/required');
    expect(required.shortDescription.text).toBe('必填字段');
    expect(required.help.text).toContain('怎么改：');
    expect(
      sarifRun.results.map(
        (result: {
          ruleId: string;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: unknown } }>;
        }) => ({
          ruleId: result.ruleId,
          level: result.level,
          text: result.message.text,
          uri: decodeURI(result.locations[0]!.physicalLocation.artifactLocation.uri),
          region: result.locations[0]!.physicalLocation.region,
        }),
      ),
    ).toEqual(
      expected.map((message) => ({
        ruleId: message.ruleId,
        level: 'error',
        text: message.message,
        uri: broken,
        region: {
          startLine: message.line,
          startColumn: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
        },
      })),
    );
    expect(sarifRun.results[1].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { charOffset: brokenText.indexOf('两份'), charLength: 2 },
      insertedContent: { text: '2' },
    });
  });

  it('github: one workflow annotation per finding', () => {
    const run = runCli(['lint', broken, '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.report).toBe(
      [
        `::error file=${broken},line=3,col=1,endLine=3,endColumn=20,title=schema/required::缺少必填字段「办理时限」(time_limit)`,
        `::error file=${broken},line=29,col=13,endLine=29,endColumn=15,title=schema/type::材料「原居民身份证」的份数(copies)应为数字，现在是“两份”`,
        '',
      ].join('\n'),
    );
  });

  it('names a wrongly indented key and the key it should line up with', () => {
    const run = runCli(['lint', badIndent, '--format', 'json']);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.messages).toEqual([
      {
        ruleId: 'syntax/yaml',
        severity: 2,
        fatal: true,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        message:
          '缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。同一层的字段要左边对齐；下一层的字段比上一层多缩进 2 个空格',
        line: 43,
        column: 4,
        endLine: 43,
        endColumn: 13,
      },
    ]);
  });

  it('writes a report with --output-file and nothing on stdout', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = join(mkdtempSync(join(tmpdir(), 'baihua-out-')), 'report.sarif');
    const run = runCli(['lint', broken, '-f', 'sarif', '-o', out]);
    expect(run.report).toBe('');
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results).toHaveLength(2);
  });
});

describe('baihua explain', () => {
  it('prints why, how to fix, and the examples with their live findings', () => {
    const run = runCli(['explain', 'schema/type']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('schema/type  字段类型（推荐设置为错误，可以用 --fix 自动修复）');
    expect(run.stdout).toContain('为什么：每个字段要按约定的类型书写');
    expect(run.stdout).toContain('✗ 错误写法：份数写成了汉字\n');
    expect(run.stdout).toContain(
      '13 │     copies: 两份\n   │             ^^^^ 材料「居民户口簿」的份数(copies)应为数字，现在是“两份”\n',
    );
    expect(run.stdout).toContain('--fix 之后：');
    expect(run.stdout).toContain('✓ 正确写法：份数写成数字\n');
  });

  it('shows the other guides of a catalog rule’s example, by the lines where they differ', () => {
    const run = runCli(['explain', 'catalog/duplicate-id']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '✗ 错误写法：两份指南用了同一个标识\n1 │ ---\n2 │ id: id-card-renewal\n  │     ^^^^^^^^^^^^^^^ 标识「id-card-renewal」和 copy.md 重复：每份指南的标识要不同，请给其中一份换一个\n',
    );
    expect(run.stdout).toContain('同时检查的 copy.md：和上面一样，只有这几行不同\n3 │ title: 补领居民身份证\n');
  });

  it('lists every rule without an argument and rejects an unknown one', () => {
    expect(runCli(['explain']).stdout).toMatch(/schema\/required\s+错误\s+必填字段/);
    const unknown = runCli(['explain', 'schema/typo']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('baihua: 没有规则「schema/typo」。运行 baihua explain 列出所有规则\n');
  });
});

describe('fixtures stay fixtures', () => {
  it('keeps the broken fixtures broken', () => {
    expect(runCli(['lint', join(fixturesDir, 'broken')]).code).toBe(1);
  });
});

describe('reports for code review and CI', () => {
  const formatsGuide = join(fixturesDir, 'formats/户籍/id-card-renewal.md');
  const installedPage = (id: string) => pathToFileURL(join(repoRoot, 'docs/rules', `${id}.md`)).href;

  it('junit: one test suite per file, one failed test case per finding', () => {
    const run = runCli(['lint', broken, '--format', 'junit']);
    expect(run.code).toBe(1);
    const classname = broken.replace(/\.md$/, '');
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites>',
        `<testsuite package="baihua" time="0" tests="2" failures="2" errors="0" name="${broken}">`,
        `<testcase time="0" name="baihua.schema/required" classname="${classname}"><failure message="缺少必填字段「办理时限」(time_limit)">line 3, col 1, error - 缺少必填字段「办理时限」(time_limit) (schema/required)</failure></testcase>`,
        `<testcase time="0" name="baihua.schema/type" classname="${classname}"><failure message="材料「原居民身份证」的份数(copies)应为数字，现在是“两份”">line 29, col 13, error - 材料「原居民身份证」的份数(copies)应为数字，现在是“两份” (schema/type)</failure></testcase>`,
        '</testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('checkstyle: one <file> per file, one <error> per finding', () => {
    const run = runCli(['lint', broken, '--format', 'checkstyle']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        `<file name="${broken}">`,
        '<error line="3" column="1" severity="error" message="缺少必填字段「办理时限」(time_limit) (schema/required)" source="baihua.rules.schema/required" />',
        '<error line="29" column="13" severity="error" message="材料「原居民身份证」的份数(copies)应为数字，现在是“两份” (schema/type)" source="baihua.rules.schema/type" />',
        '</file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('gitlab: code quality issues with paths from the repository root, also when run in a subdirectory', () => {
    const run = runCli(['lint', 'broken/户籍/id-card-renewal.md', '--format', 'gitlab'], { cwd: fixturesDir });
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout);
    expect(issues.map(({ fingerprint: _fingerprint, ...issue }: { fingerprint: string }) => issue)).toEqual([
      {
        description: '缺少必填字段「办理时限」(time_limit)',
        check_name: 'schema/required',
        severity: 'major',
        location: { path: broken, lines: { begin: 3, end: 3 } },
      },
      {
        description: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份”',
        check_name: 'schema/type',
        severity: 'major',
        location: { path: broken, lines: { begin: 29, end: 29 } },
      },
    ]);
    const [first, second] = issues.map((issue: { fingerprint: string }) => issue.fingerprint);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });

  it('rdjson: reviewdog diagnostics, the fix as a suggested change', () => {
    const run = runCli(['lint', broken, '--format', 'rdjson']);
    expect(run.code).toBe(1);
    const at = (line: number, column: number, endColumn: number) => ({
      start: { line, column },
      end: { line, column: endColumn },
    });
    expect(JSON.parse(run.stdout)).toEqual({
      source: { name: 'baihua' },
      diagnostics: [
        {
          message: '缺少必填字段「办理时限」(time_limit)',
          location: { path: broken, range: at(3, 1, 20) },
          severity: 'ERROR',
          code: { value: 'schema/required', url: installedPage('schema/required') },
        },
        {
          message: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份”',
          // 两份 is 2 UTF-16 units and 6 UTF-8 bytes
          location: { path: broken, range: at(29, 13, 19) },
          severity: 'ERROR',
          code: { value: 'schema/type', url: installedPage('schema/type') },
          suggestions: [{ range: at(29, 13, 19), text: '2' }],
        },
      ],
    });
  });

  it('rdjson: counts the byte columns of a guide piped in', () => {
    const run = runCli(
      ['lint', '--stdin', '--stdin-filename', 'guides/户籍/id-card-renewal.md', '--format', 'rdjson'],
      { input: readFileSync(formatsGuide) },
    );
    expect(run.code).toBe(1);
    const qi = JSON.parse(run.stdout).diagnostics.filter((diagnostic: { message: string }) =>
      diagnostic.message.startsWith('「其」'),
    );
    // 申请人须携带 is six characters of three bytes each before 其, and 到窗口领取 five more after ，
    expect(qi.map((diagnostic: { location: { range: unknown } }) => diagnostic.location.range)).toEqual([
      { start: { line: 146, column: 19 }, end: { line: 146, column: 22 } },
      { start: { line: 146, column: 53 }, end: { line: 146, column: 56 } },
    ]);
    expect(qi[0].suggestions.map((suggestion: { text: string }) => suggestion.text)).toEqual(['他', '她', '您的']);
  });

  it('links rules to the pages named by rule_docs_url in the configuration', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'guides/户籍'), { recursive: true });
    cpSync(formatsGuide, join(dir, 'guides/户籍/id-card-renewal.md'));
    writeFileSync(
      join(dir, 'guides/baihua.config.yaml'),
      'root: true\nextends: [recommended]\nrule_docs_url: https://zwfw.qinghe.gov.cn/baihua/rules/{id}.html\n',
    );
    const sarifRun = JSON.parse(runCli(['lint', 'guides', '-f', 'sarif'], { cwd: dir }).stdout).runs[0];
    const typeRule = sarifRun.tool.driver.rules.find((rule: { id: string }) => rule.id === 'schema/type');
    expect(typeRule.helpUri).toBe('https://zwfw.qinghe.gov.cn/baihua/rules/schema/type.html');
    const rdjsonRun = JSON.parse(runCli(['lint', 'guides', '-f', 'rdjson'], { cwd: dir }).stdout);
    expect(rdjsonRun.diagnostics[0].code).toEqual({
      value: 'schema/type',
      url: 'https://zwfw.qinghe.gov.cn/baihua/rules/schema/type.html',
    });
  });

  it('sarif: each finding carries its fingerprint and occurrence, which a moved line keeps', () => {
    const dir = scratch();
    const guide = join(dir, 'id-card-renewal.md');
    const text = readFileSync(formatsGuide, 'utf8');
    writeFileSync(guide, text);
    const lint = (format: string) => JSON.parse(runCli(['lint', guide, '--format', format], { cwd: dir }).stdout);
    const [{ messages }] = lint('json');
    const before = lint('sarif').runs[0].results;
    const hashes = before.map((result: { partialFingerprints: { primaryLocationLineHash: string } }) => [
      result.partialFingerprints.primaryLocationLineHash,
    ]);
    const qi = messages.filter((message: { message: string }) => message.message.startsWith('「其」'));
    expect(qi).toHaveLength(2);
    expect(qi[0].fingerprint).toBe(qi[1].fingerprint);
    expect(hashes).toEqual(
      messages.map((message: { fingerprint: string }) => [`${message.fingerprint}:${message === qi[1] ? 2 : 1}`]),
    );
    // Twenty lines added above the sentence: its findings move down, their identity stays.
    writeFileSync(
      guide,
      text.replace('## 办理前请确认\n\n', `## 办理前请确认\n\n${'- 请先在网上预约。\n\n'.repeat(10)}`),
    );
    const after = lint('sarif').runs[0].results;
    expect(
      after.map(
        (result: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) =>
          result.locations[0]!.physicalLocation.region.startLine,
      ),
    ).toEqual(
      before.map((result: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => {
        const line = result.locations[0]!.physicalLocation.region.startLine;
        return line > 120 ? line + 20 : line;
      }),
    );
    expect(after.map((result: { partialFingerprints: unknown }) => result.partialFingerprints)).toEqual(
      before.map((result: { partialFingerprints: unknown }) => result.partialFingerprints),
    );
  });

  it('sarif: a suggestion is offered as a suggestion, never as 自动修复', () => {
    const run = runCli(['lint', formatsGuide, '--format', 'sarif']);
    const results = JSON.parse(run.stdout).runs[0].results;
    const qi = results.find((result: { message: { text: string } }) => result.message.text.startsWith('「其」'));
    expect(qi.fixes.map((fix: { description: { text: string } }) => fix.description.text)).toEqual([
      '建议：改为「他」',
      '建议：改为「她」',
      '建议：改为「您的」',
    ]);
    const comma = results.find((result: { ruleId: string }) => result.ruleId === 'plain/typography');
    expect(comma.fixes.map((fix: { description: { text: string } }) => fix.description.text)).toEqual([
      '自动修复（baihua lint --fix 会应用）',
    ]);
  });
});
