/**
 * Inline disables: `<!-- baihua-disable-next-line … -->` in the body, `# baihua-disable-line …` in
 * YAML, `baihua-disable` … `baihua-enable` blocks. Suppressed findings move to `suppressedMessages`;
 * syntax errors (fatal) are never suppressed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, guidesDir, runCli } from './helpers.js';
import { lintJson, type JsonMessage } from './cli-test-utils.js';

const fixture = (name: string) => join(fixturesDir, 'directives/户籍', name);
const display = (name: string) => `tests/fixtures/directives/户籍/${name}`;
const ORIGINAL = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');

/** The id-card guide with one passage replaced, for small variations tested through standard input. */
function guideWith(find: string, replace: string): string {
  expect(ORIGINAL).toContain(find);
  return ORIGINAL.replace(find, replace);
}

const html = (tag: string) =>
  `正文里不要写 HTML 标签（${tag}）：生成网页时会被去掉。请改用 Markdown，如加粗写 **文字**`;
const VISIT_REASON = '指南里没有「visit_reason」这个字段，是不是想写「visits_reason」（必须到现场的原因）？';

/** `line:column-endLine:endColumn ruleId message` */
const where = (message: JsonMessage) =>
  `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`;

function lint(args: string[], input?: string): { code: number; kept: string[]; suppressed: string[] } {
  const { run, results } = lintJson(args, input === undefined ? {} : { input });
  expect(run.stderr).toBe('');
  expect(results).toHaveLength(1);
  return {
    code: run.code,
    kept: results[0]!.messages.map(where),
    suppressed: results[0]!.suppressedMessages.map(where),
  };
}

const lintText = (text: string) => lint(['--stdin', '--stdin-filename', 'guides/户籍/id-card-renewal.md'], text);

describe('baihua-disable-next-line in the Markdown body', () => {
  it('suppresses the named rule on the next line only', () => {
    expect(lint([fixture('disable-next-line.md')])).toEqual({
      code: 0,
      kept: [`135:10-135:13 markdown/no-html ${html('<b>')}`, `135:15-135:19 markdown/no-html ${html('</b>')}`],
      suppressed: [`129:5-129:8 markdown/no-html ${html('<b>')}`, `129:10-129:14 markdown/no-html ${html('</b>')}`],
    });
  });

  it('the stylish report shows only what is not suppressed', () => {
    const run = runCli(['lint', fixture('disable-next-line.md')]);
    expect(run.code).toBe(0);
    expect(run.report).toBe(
      `${display('disable-next-line.md')}\n` +
        `  135:10  warning  ${html('<b>')}   markdown/no-html\n` +
        `  135:15  warning  ${html('</b>')}  markdown/no-html\n` +
        '\n' +
        '✖ 2 个问题（0 个错误，2 个警告）\n',
    );
  });

  it('suppresses a line that is only <b>x</b>', () => {
    const text = guideWith(
      '窗口现场免费拍照，照片背景是白色。',
      '<!-- baihua-disable-next-line markdown/no-html -->\n<b>请您本人到场。</b>',
    );
    expect(lintText(text)).toEqual({
      code: 0,
      kept: [],
      suppressed: [`129:1-129:4 markdown/no-html ${html('<b>')}`, `129:11-129:15 markdown/no-html ${html('</b>')}`],
    });
  });

  it('a blank line after the directive means the tag line is not the next line', () => {
    const text = guideWith(
      '窗口现场免费拍照，照片背景是白色。',
      '<!-- baihua-disable-next-line markdown/no-html -->\n\n<b>请您本人到场。</b>',
    );
    expect(lintText(text)).toEqual({
      code: 0,
      kept: [`130:1-130:4 markdown/no-html ${html('<b>')}`, `130:11-130:15 markdown/no-html ${html('</b>')}`],
      suppressed: [],
    });
  });

  it('a directive shown inside a code block is an example, not a directive', () => {
    const text = guideWith(
      '窗口现场免费拍照，照片背景是白色。',
      '```markdown\n<!-- baihua-disable markdown/no-html -->\n```\n\n窗口<b>免费</b>拍照。',
    );
    expect(lintText(text)).toEqual({
      code: 0,
      kept: [`132:3-132:6 markdown/no-html ${html('<b>')}`, `132:8-132:12 markdown/no-html ${html('</b>')}`],
      suppressed: [],
    });
  });
});

describe('baihua-disable-line in YAML', () => {
  it('suppresses that key’s warning and no other line’s', () => {
    expect(lint([fixture('disable-line-yaml.md')])).toEqual({
      code: 0,
      kept: ['115:1-115:6 schema/unknown-key 指南里没有「onwer」这个字段，请检查拼写，或删去这个字段。'],
      suppressed: [`75:1-75:13 schema/unknown-key ${VISIT_REASON}`],
    });
  });

  it('baihua-disable-next-line works in YAML comments too', () => {
    const text = guideWith('visits_reason: 需要', '# baihua-disable-next-line schema/unknown-key\nvisit_reason: 需要');
    expect(lintText(text)).toEqual({
      code: 0,
      kept: [],
      suppressed: [`76:1-76:13 schema/unknown-key ${VISIT_REASON}`],
    });
  });

  it('a disable … enable block in YAML covers only the keys between', () => {
    const text = guideWith(
      'visits_reason: 需要您本人到场拍照、采集指纹。',
      '# baihua-disable schema/unknown-key\nvisit_reason: 需要您本人到场拍照、采集指纹。\n# baihua-enable schema/unknown-key\nowner_note: 陈立负责',
    );
    expect(lintText(text)).toEqual({
      code: 0,
      kept: ['78:1-78:11 schema/unknown-key 指南里没有「owner_note」这个字段，是不是想写「owner」（责任人）？'],
      suppressed: [`76:1-76:13 schema/unknown-key ${VISIT_REASON}`],
    });
  });
});

describe('baihua-disable … baihua-enable in the body', () => {
  it('suppresses only between the two comments', () => {
    expect(lint([fixture('disable-block.md')])).toEqual({
      code: 0,
      kept: [
        `128:3-128:6 markdown/no-html ${html('<i>')}`,
        `128:9-128:13 markdown/no-html ${html('</i>')}`,
        `136:3-136:6 markdown/no-html ${html('<u>')}`,
        `136:9-136:13 markdown/no-html ${html('</u>')}`,
      ],
      suppressed: [`132:5-132:8 markdown/no-html ${html('<b>')}`, `132:10-132:14 markdown/no-html ${html('</b>')}`],
    });
  });

  it('a disable without an enable lasts to the end of the file', () => {
    const text = guideWith(
      '## 办理小贴士\n',
      '<!-- baihua-disable markdown/no-html -->\n\n## 办理小贴士\n\n请带<b>旧证</b>。\n',
    );
    const result = lintText(text);
    expect(result.kept).toEqual([]);
    expect(result.suppressed).toEqual([
      `136:3-136:6 markdown/no-html ${html('<b>')}`,
      `136:8-136:12 markdown/no-html ${html('</b>')}`,
    ]);
  });
});

describe('a directive for another rule', () => {
  it('suppresses nothing', () => {
    expect(lint([fixture('other-rule.md')])).toEqual({
      code: 0,
      kept: [`129:5-129:8 markdown/no-html ${html('<b>')}`, `129:10-129:14 markdown/no-html ${html('</b>')}`],
      suppressed: [],
    });
  });

  it('a YAML disable-line for another rule leaves the unknown key reported', () => {
    const text = guideWith(
      'visits_reason: 需要您本人到场拍照、采集指纹。',
      'visit_reason: 需要您本人到场拍照、采集指纹。 # baihua-disable-line schema/required',
    );
    expect(lintText(text)).toEqual({
      code: 0,
      kept: [`75:1-75:13 schema/unknown-key ${VISIT_REASON}`],
      suppressed: [],
    });
  });
});

describe('syntax errors cannot be disabled', () => {
  it('a duplicate key stays an error although the same directive suppresses the unknown-key warning on that line', () => {
    expect(lint([fixture('fatal.md')])).toEqual({
      code: 1,
      kept: ['76:1-76:13 syntax/duplicate-key 字段「visit_reason」重复了，第 75 行已经写过。请把两处合并成一处'],
      suppressed: [`76:1-76:13 schema/unknown-key ${VISIT_REASON}`],
    });
  });

  it('a YAML syntax error with disable-line, and a body-wide disable, is still reported', () => {
    const text = guideWith(
      'summary: 身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。',
      'summary: "身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。 # baihua-disable-line syntax/yaml',
    ).replace('---\n\n## 办理前请确认', '---\n\n<!-- baihua-disable -->\n\n## 办理前请确认');
    const { run, results } = lintJson(['--stdin', '--stdin-filename', 'guides/户籍/id-card-renewal.md'], {
      input: text,
    });
    expect(run.code).toBe(1);
    expect(results[0]!.messages).toEqual([
      {
        ruleId: 'syntax/yaml',
        severity: 2,
        message: '这里的 " 没有配对的结尾引号：请在内容末尾补上 "，或者去掉开头的 "',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 79, // the end of line 8
        fatal: true,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    expect(results[0]!.suppressedMessages).toEqual([]);
  });

  it('an encoding error cannot be disabled by a directive before it', () => {
    const bytes = Buffer.concat([
      Buffer.from('---\nid: id-card-renewal # baihua-disable-line\n# baihua-disable\ntitle: 换领'),
      Buffer.from([0xc7, 0xeb]),
      Buffer.from('\n---\n'),
    ]);
    const { run, results } = lintJson(['--stdin', '--stdin-filename', 'guides/户籍/id-card-renewal.md'], {
      input: bytes,
    });
    expect(run.code).toBe(1);
    expect(
      results[0]!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal}`),
    ).toEqual(['4:10 syntax/encoding true']);
  });
});
