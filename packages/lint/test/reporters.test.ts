/**
 * The reports other tools read (SARIF, JUnit, Checkstyle, GitLab code quality, rdjson), each on
 * one set of results: a fix, suggestions (the unsafe 其 → 他 among them), a message quoting
 * `<&"` and a control character, two findings sharing a fingerprint, a clean file and a file
 * that could not be read. The guide lies in a git repository, linted from its guides/ folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Diagnostic, formatters, installedRuleDocs, summarize } from '@baihua/lint';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

// A git work tree, linted from its guides/ folder: SARIF and GitLab paths start at the top.
const repository = realpathSync(mkdtempSync(join(tmpdir(), 'baihua-reporters-')));
afterAll(() => rmSync(repository, { recursive: true, force: true }));
spawnSync('git', ['init', '--quiet', repository]);
const cwd = join(repository, 'guides');
mkdirSync(join(cwd, '户籍'), { recursive: true });
const guide = join(cwd, '户籍/id-card-renewal.md');
cpSync(join(repoRoot, 'tests/fixtures/formats/户籍/id-card-renewal.md'), guide);
const text = readFileSync(guide, 'utf8');

const COPIES = '"两份<原件>&\\"复印件\\"\\a"';
const copies = text.indexOf(COPIES);
const sentence = text.indexOf('申请人须携带其身份证原件,到窗口领取其新证。');
const QI_SUGGESTIONS = ['他', '她', '您的'];
const qi = (offset: number) =>
  QI_SUGGESTIONS.map((word) => ({ desc: `改为「${word}」`, fix: { range: [offset, offset + 1], text: word } }));
const QI_MESSAGE = '「其」是文言或公文用词，群众读着费劲：改为「他」或「她」或「您的」';

// What the rules report on the fixture (baihua lint --format json), trimmed to four findings.
const messages: Diagnostic[] = [
  {
    ruleId: 'schema/type',
    severity: 2,
    message: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份<原件>&"复印件"\u0007”',
    line: 29,
    column: 13,
    endLine: 29,
    endColumn: 31,
    range: [copies, copies + COPIES.length],
    suggestions: [{ desc: '改为 2', fix: { range: [copies, copies + COPIES.length], text: '2' } }],
    fingerprint: '9c4e1a7b3d2f8065',
  },
  {
    ruleId: 'plain/classical-word',
    severity: 1,
    message: QI_MESSAGE,
    line: 146,
    column: 7,
    endLine: 146,
    endColumn: 8,
    range: [sentence + 6, sentence + 7],
    suggestions: qi(sentence + 6) as Diagnostic['suggestions'],
    fingerprint: '5d2e8b7c91f04a36',
  },
  {
    ruleId: 'plain/typography',
    severity: 1,
    message: '中文里要用全角标点：把「,」改为「，」',
    line: 146,
    column: 13,
    endLine: 146,
    endColumn: 14,
    range: [sentence + 12, sentence + 13],
    fix: { range: [sentence + 12, sentence + 13], text: '，' },
    fingerprint: '0b6c4e2f7a9d1853',
  },
  {
    ruleId: 'plain/classical-word',
    severity: 1,
    message: QI_MESSAGE,
    line: 146,
    column: 19,
    endLine: 146,
    endColumn: 20,
    range: [sentence + 18, sentence + 19],
    suggestions: qi(sentence + 18) as Diagnostic['suggestions'],
    fingerprint: '5d2e8b7c91f04a36',
  },
];
const unreadable: Diagnostic = {
  ruleId: 'syntax/yaml',
  severity: 2,
  fatal: true,
  message: '缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。',
  line: 43,
  column: 4,
  endLine: 43,
  endColumn: 13,
  range: [1017, 1026],
  fingerprint: 'e81f0c5a66b2d947',
};
const results = [
  summarize(guide, messages, []),
  summarize(join(cwd, '户籍/passport-application.md'), [], []),
  // gone from the disk since it was linted
  summarize(join(cwd, '户籍/bad-indent.md'), [unreadable], []),
];
const context = { cwd, color: false, version: '0.1.0' };
const format = (name: keyof typeof formatters, extra: object = {}) =>
  formatters[name](results, { ...context, ...extra });

/** Whether `xml` is well-formed XML 1.0 (saxes checks characters and references too). */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}

describe('sarif', () => {
  const log = JSON.parse(format('sarif'));
  const [run] = log.runs;

  it('validates against the SARIF 2.1.0 schema', () => {
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', {
      paths: [repoRoot],
    });
    // The published schema has a pattern that is only valid without the u flag.
    const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives paths from the top of the repository, %SRCROOT% pointing there', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${repository}/`).href } });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'guides/%E6%88%B7%E7%B1%8D/id-card-renewal.md',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('numbers the findings that share a fingerprint in the file, as primaryLocationLineHash does', () => {
    expect(run.results.map((result: { partialFingerprints: unknown }) => result.partialFingerprints)).toEqual([
      { primaryLocationLineHash: '9c4e1a7b3d2f8065:1' },
      { primaryLocationLineHash: '5d2e8b7c91f04a36:1' },
      { primaryLocationLineHash: '0b6c4e2f7a9d1853:1' },
      { primaryLocationLineHash: '5d2e8b7c91f04a36:2' },
      { primaryLocationLineHash: 'e81f0c5a66b2d947:1' },
    ]);
  });

  it('names a fix a fix and a suggestion a suggestion', () => {
    const descriptions = run.results.map((result: { fixes?: Array<{ description: { text: string } }> }) =>
      result.fixes?.map((fix) => fix.description.text),
    );
    expect(descriptions).toEqual([
      ['建议：改为 2'],
      ['建议：改为「他」', '建议：改为「她」', '建议：改为「您的」'],
      ['自动修复（baihua lint --fix 会应用）'],
      ['建议：改为「他」', '建议：改为「她」', '建议：改为「您的」'],
      undefined,
    ]);
    expect(run.results[1].fixes[0].artifactChanges).toEqual([
      {
        artifactLocation: { uri: 'guides/%E6%88%B7%E7%B1%8D/id-card-renewal.md', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { charOffset: sentence + 6, charLength: 1 }, insertedContent: { text: '他' } }],
      },
    ]);
  });

  it('links each rule to its page: the configured address, else the page installed here', () => {
    const rule = (sarifRun: typeof run, id: string) =>
      sarifRun.tool.driver.rules.find((descriptor: { id: string }) => descriptor.id === id);
    expect(rule(run, 'plain/classical-word').helpUri).toBe(installedRuleDocs('plain/classical-word').url);
    expect(rule(run, 'plain/classical-word').help.markdown).not.toContain('](');
    const published = JSON.parse(format('sarif', { ruleDocsUrl: 'https://zwfw.qinghe.gov.cn/baihua/rules/{id}.html' }));
    const descriptor = rule(published.runs[0], 'plain/classical-word');
    expect(descriptor.helpUri).toBe('https://zwfw.qinghe.gov.cn/baihua/rules/plain/classical-word.html');
    expect(descriptor.help.markdown).toMatch(
      /\n\n\[规则说明\]\(https:\/\/zwfw\.qinghe\.gov\.cn\/baihua\/rules\/plain\/classical-word\.html\)$/,
    );
  });

  it('keeps the message as the rule wrote it, <&" and the control character included', () => {
    expect(run.results[0].message.text).toBe(
      '材料「原居民身份证」的份数(copies)应为数字，现在是“两份<原件>&"复印件"\u0007”',
    );
  });
});

describe('junit', () => {
  const xml = format('junit');

  it('writes one suite per file, one failed case per finding, one passing case for a clean file', () => {
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites>',
        '<testsuite package="baihua" time="0" tests="4" failures="4" errors="0" name="户籍/id-card-renewal.md">',
        '<testcase time="0" name="baihua.schema/type" classname="户籍/id-card-renewal"><failure message="材料「原居民身份证」的份数(copies)应为数字，现在是“两份&lt;原件&gt;&amp;&quot;复印件&quot;\\u0007”">line 29, col 13, error - 材料「原居民身份证」的份数(copies)应为数字，现在是“两份&lt;原件&gt;&amp;&quot;复印件&quot;\\u0007” (schema/type)</failure></testcase>',
        `<testcase time="0" name="baihua.plain/classical-word" classname="户籍/id-card-renewal"><failure message="${QI_MESSAGE}">line 146, col 7, warning - ${QI_MESSAGE} (plain/classical-word)</failure></testcase>`,
        '<testcase time="0" name="baihua.plain/typography" classname="户籍/id-card-renewal"><failure message="中文里要用全角标点：把「,」改为「，」">line 146, col 13, warning - 中文里要用全角标点：把「,」改为「，」 (plain/typography)</failure></testcase>',
        `<testcase time="0" name="baihua.plain/classical-word" classname="户籍/id-card-renewal"><failure message="${QI_MESSAGE}">line 146, col 19, warning - ${QI_MESSAGE} (plain/classical-word)</failure></testcase>`,
        '</testsuite>',
        '<testsuite package="baihua" time="0" tests="1" failures="0" errors="0" name="户籍/passport-application.md">',
        '<testcase time="0" name="户籍/passport-application.md" classname="户籍/passport-application" />',
        '</testsuite>',
        '<testsuite package="baihua" time="0" tests="1" failures="0" errors="1" name="户籍/bad-indent.md">',
        '<testcase time="0" name="baihua.syntax/yaml" classname="户籍/bad-indent"><error message="缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。">line 43, col 4, error - 缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。 (syntax/yaml)</error></testcase>',
        '</testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML 1.0', () => {
    expect(xmlProblems(xml)).toEqual([]);
  });
});

describe('checkstyle', () => {
  const xml = format('checkstyle');

  it("writes ESLint's checkstyle shape", () => {
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        '<file name="户籍/id-card-renewal.md">',
        '<error line="29" column="13" severity="error" message="材料「原居民身份证」的份数(copies)应为数字，现在是“两份&lt;原件&gt;&amp;&quot;复印件&quot;\\u0007” (schema/type)" source="baihua.rules.schema/type" />',
        `<error line="146" column="7" severity="warning" message="${QI_MESSAGE} (plain/classical-word)" source="baihua.rules.plain/classical-word" />`,
        '<error line="146" column="13" severity="warning" message="中文里要用全角标点：把「,」改为「，」 (plain/typography)" source="baihua.rules.plain/typography" />',
        `<error line="146" column="19" severity="warning" message="${QI_MESSAGE} (plain/classical-word)" source="baihua.rules.plain/classical-word" />`,
        '</file>',
        '<file name="户籍/passport-application.md">',
        '</file>',
        '<file name="户籍/bad-indent.md">',
        '<error line="43" column="4" severity="error" message="缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。 (syntax/yaml)" source="baihua.rules.syntax/yaml" />',
        '</file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML 1.0', () => {
    expect(xmlProblems(xml)).toEqual([]);
  });
});

describe('xml escaping', () => {
  it('keeps tabs and line breaks in attributes and writes characters XML 1.0 cannot hold as \\u text', () => {
    const odd = summarize(guide, [{ ...messages[2]!, message: '第一行\n第二行\t「\u0000\u001f\uffff\ud800」' }], []);
    const xml = formatters.checkstyle([odd], context);
    expect(xml).toContain('message="第一行&#10;第二行&#9;「\\u0000\\u001F\\uFFFF\\uD800」 (plain/typography)"');
    expect(xmlProblems(xml)).toEqual([]);
  });
});

describe('gitlab', () => {
  it('writes code quality issues with paths from the repository root and a unique fingerprint each', () => {
    const issues = JSON.parse(format('gitlab'));
    expect(issues.map(({ fingerprint: _fingerprint, ...issue }: { fingerprint: string }) => issue)).toEqual([
      {
        description: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份<原件>&"复印件"\u0007”',
        check_name: 'schema/type',
        severity: 'major',
        location: { path: 'guides/户籍/id-card-renewal.md', lines: { begin: 29, end: 29 } },
      },
      {
        description: QI_MESSAGE,
        check_name: 'plain/classical-word',
        severity: 'minor',
        location: { path: 'guides/户籍/id-card-renewal.md', lines: { begin: 146, end: 146 } },
      },
      {
        description: '中文里要用全角标点：把「,」改为「，」',
        check_name: 'plain/typography',
        severity: 'minor',
        location: { path: 'guides/户籍/id-card-renewal.md', lines: { begin: 146, end: 146 } },
      },
      {
        description: QI_MESSAGE,
        check_name: 'plain/classical-word',
        severity: 'minor',
        location: { path: 'guides/户籍/id-card-renewal.md', lines: { begin: 146, end: 146 } },
      },
      {
        description: '缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。',
        check_name: 'syntax/yaml',
        severity: 'critical',
        location: { path: 'guides/户籍/bad-indent.md', lines: { begin: 43, end: 43 } },
      },
    ]);
    const fingerprints = issues.map((issue: { fingerprint: string }) => issue.fingerprint);
    expect(fingerprints.every((fingerprint: string) => /^[0-9a-f]{32}$/.test(fingerprint))).toBe(true);
    expect(new Set(fingerprints).size).toBe(5);
  });

  it('keeps a finding’s fingerprint when lines move, and tells the same finding in two files apart', () => {
    const [before] = JSON.parse(format('gitlab'));
    const moved = summarize(guide, [{ ...messages[0]!, line: 49, endLine: 49 }], []);
    const [after] = JSON.parse(formatters.gitlab([moved], context));
    expect(after.fingerprint).toBe(before.fingerprint);
    const elsewhere = summarize(join(cwd, '户籍/copy.md'), [messages[0]!], []);
    expect(JSON.parse(formatters.gitlab([elsewhere], context))[0].fingerprint).not.toBe(before.fingerprint);
  });
});

describe('rdjson', () => {
  const report = JSON.parse(format('rdjson', { ruleDocsUrl: 'https://zwfw.qinghe.gov.cn/baihua/rules/{id}.html' }));
  const range = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
    start: { line: startLine, column: startColumn },
    end: { line: endLine, column: endColumn },
  });
  // 申请人须携带其 is 6 characters of 3 UTF-8 bytes before 其: UTF-16 column 7 is byte column 19.
  const qiSuggestions = (byteColumn: number) =>
    QI_SUGGESTIONS.map((word) => ({ range: range(146, byteColumn, 146, byteColumn + 3), text: word }));

  it('writes reviewdog diagnostics with UTF-8 byte columns, the rule’s page and every edit as a suggestion', () => {
    expect(report).toEqual({
      source: { name: 'baihua' },
      diagnostics: [
        {
          message: '材料「原居民身份证」的份数(copies)应为数字，现在是“两份<原件>&"复印件"\u0007”',
          location: { path: '户籍/id-card-renewal.md', range: range(29, 13, 29, 45) },
          severity: 'ERROR',
          code: { value: 'schema/type', url: 'https://zwfw.qinghe.gov.cn/baihua/rules/schema/type.html' },
          suggestions: [{ range: range(29, 13, 29, 45), text: '2' }],
        },
        {
          message: QI_MESSAGE,
          location: { path: '户籍/id-card-renewal.md', range: range(146, 19, 146, 22) },
          severity: 'WARNING',
          code: {
            value: 'plain/classical-word',
            url: 'https://zwfw.qinghe.gov.cn/baihua/rules/plain/classical-word.html',
          },
          suggestions: qiSuggestions(19),
        },
        {
          message: '中文里要用全角标点：把「,」改为「，」',
          location: { path: '户籍/id-card-renewal.md', range: range(146, 37, 146, 38) },
          severity: 'WARNING',
          code: { value: 'plain/typography', url: 'https://zwfw.qinghe.gov.cn/baihua/rules/plain/typography.html' },
          suggestions: [{ range: range(146, 37, 146, 38), text: '，' }],
        },
        {
          message: QI_MESSAGE,
          location: { path: '户籍/id-card-renewal.md', range: range(146, 53, 146, 56) },
          severity: 'WARNING',
          code: {
            value: 'plain/classical-word',
            url: 'https://zwfw.qinghe.gov.cn/baihua/rules/plain/classical-word.html',
          },
          suggestions: qiSuggestions(53),
        },
        {
          message: '缩进不对：第 43 行「situation」前面有 3 个空格，第 42 行「need」前面有 4 个空格。',
          // the file is gone: its lines are known, its byte columns are not
          location: { path: '户籍/bad-indent.md', range: { start: { line: 43 }, end: { line: 43 } } },
          severity: 'ERROR',
          code: { value: 'syntax/yaml', url: 'https://zwfw.qinghe.gov.cn/baihua/rules/syntax/yaml.html' },
        },
      ],
    });
  });

  it('counts columns in the text linted when it is not on disk: fixed, or piped in', () => {
    const piped = text.replace('\n申请人', '\n  申请人');
    const offset = piped.indexOf('其身份证');
    const finding = { ...messages[1]!, column: 9, endColumn: 10, range: [offset, offset + 1] as [number, number] };
    const fromStdin = summarize(
      join(cwd, 'stdin.md'),
      [{ ...finding, suggestions: qi(offset) as Diagnostic['suggestions'] }],
      [],
    );
    const sources = new Map([[fromStdin.filePath, piped]]);
    const [diagnostic] = JSON.parse(formatters.rdjson([fromStdin], { ...context, sources })).diagnostics;
    expect(diagnostic.location.range).toEqual(range(146, 21, 146, 24));
    expect(diagnostic.suggestions[0]).toEqual({ range: range(146, 21, 146, 24), text: '他' });
    const fixed = { ...fromStdin, filePath: guide, output: piped };
    expect(JSON.parse(formatters.rdjson([fixed], context)).diagnostics[0].location.range).toEqual(
      range(146, 21, 146, 24),
    );
  });
});
